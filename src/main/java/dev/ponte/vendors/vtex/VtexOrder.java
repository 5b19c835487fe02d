package dev.ponte.vendors.vtex;

import java.util.List;

/** The parts of VTEX's order ({@code GET /api/oms/pvt/orders/{orderId}}) that RD's events need. Amounts are cents. */
public record VtexOrder(
        String orderId,
        String status,
        Long value,
        String cancelReason,
        ClientProfileData clientProfileData,
        PaymentData paymentData,
        List<Item> items) {

    public record ClientProfileData(String email, String firstName, String lastName, String phone) {
    }

    public record PaymentData(List<Transaction> transactions) {
    }

    public record Transaction(List<Payment> payments) {
    }

    public record Payment(String paymentSystemName, String group) {
    }

    public record Item(String id, String productId, String refId, String name, Integer quantity) {
    }
}
