package dev.ponte.vendors.vtex;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of VTEX's order ({@code GET /api/oms/pvt/orders/{orderId}}) that RD's events need. Amounts are cents. */
@RegisterForReflection
public record VtexOrder(
        String orderId,
        String status,
        Long value,
        String cancelReason,
        ClientProfileData clientProfileData,
        PaymentData paymentData,
        List<Item> items) {

    @RegisterForReflection
    public record ClientProfileData(String email, String firstName, String lastName, String phone) {
    }

    @RegisterForReflection
    public record PaymentData(List<Transaction> transactions) {
    }

    @RegisterForReflection
    public record Transaction(List<Payment> payments) {
    }

    @RegisterForReflection
    public record Payment(String paymentSystemName, String group) {
    }

    @RegisterForReflection
    public record Item(String id, String productId, String refId, String name, Integer quantity) {
    }
}
