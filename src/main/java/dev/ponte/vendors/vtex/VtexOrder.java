package dev.ponte.vendors.vtex;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of VTEX's order ({@code GET /api/oms/pvt/orders/{orderId}}) that RD's events need. Amounts are cents. */
@RegisterForReflection
public record VtexOrder(
        String orderId,
        String status,
        Long value,
        String cancelReason,
        CancellationData cancellationData,
        StorePreferencesData storePreferencesData,
        List<Total> totals,
        ClientProfileData clientProfileData,
        ShippingData shippingData,
        PaymentData paymentData,
        PackageAttachment packageAttachment,
        List<Item> items) {

    @RegisterForReflection
    public record ClientProfileData(String email, String firstName, String lastName, String phone) {
    }

    /** Who asked for the cancellation; VTEX spells these keys in PascalCase on this endpoint. */
    @RegisterForReflection
    public record CancellationData(
            @JsonProperty("RequestedByUser") @JsonAlias("requestedByUser") Boolean requestedByUser,
            @JsonProperty("RequestedByPaymentNotification") @JsonAlias("requestedByPaymentNotification")
            Boolean requestedByPaymentNotification,
            @JsonProperty("Reason") @JsonAlias("reason") String reason) {
    }

    @RegisterForReflection
    public record StorePreferencesData(String currencyCode) {
    }

    @RegisterForReflection
    public record Total(String id, Long value) {
    }

    @RegisterForReflection
    public record ShippingData(Address address) {
    }

    @RegisterForReflection
    public record Address(String city, String state, String country) {
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
    public record PackageAttachment(List<Package> packages) {
    }

    /**
     * An invoice: {@code Output} for goods that left (a shipment, with its carrier's tracking and,
     * once the carrier says so, {@code courierStatus.finished}), {@code Input} for goods that came
     * back (a refund).
     */
    @RegisterForReflection
    public record Package(String type, String invoiceNumber, Long invoiceValue, String courier, String trackingNumber,
            String trackingUrl, CourierStatus courierStatus) {
    }

    @RegisterForReflection
    public record CourierStatus(Boolean finished) {
    }

    @RegisterForReflection
    public record Item(String id, String productId, String refId, String name, Integer quantity, Long sellingPrice,
            Long price, String imageUrl) {
    }
}
