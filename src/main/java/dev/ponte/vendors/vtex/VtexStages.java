package dev.ponte.vendors.vtex;

import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Money;
import dev.ponte.mapping.OrderFunnel;
import dev.ponte.mapping.StoreOrder;
import dev.ponte.mapping.Storefront;
import dev.ponte.mapping.VendorValues;
import dev.ponte.rd.events.EcommerceLineItem;
import dev.ponte.rd.events.EcommerceLineItemBuilder;
import dev.ponte.rd.events.LegalBase;
import dev.ponte.rd.events.RdEvent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * VTEX in RD's current e-commerce family. The hook names the order and a state; the order read
 * back from OMS is what counts (states arrive late, twice or out of order), and it becomes every
 * stage it has reached, each its own delivery reaching RD once: placed; paid once its status is
 * past payment; each outgoing invoice a shipment (fulfilled, and delivered once its carrier says
 * {@code finished}); cancelled; each incoming invoice a refund. VTEX sends no checkout hook, so no
 * checkout or abandoned-cart events.
 */
final class VtexStages {

    private static final Set<String> AWAITING_PAYMENT = Set.of("order-created", "payment-pending", "window-to-cancel",
            "approve-payment", "waiting-for-order-authorization");
    private static final Set<String> PAID = Set.of("payment-approved", "authorize-fulfillment", "ready-for-handling",
            "start-handling", "handling", "invoice", "invoiced");

    private final VtexConfig config;

    VtexStages(VtexConfig config) {
        this.config = config;
    }

    MappingResult map(String state, VtexOrder order) {
        String id = order.orderId();
        String email = email(order);
        StoreOrder facts = StoreOrder.builder()
                .identifier(id).email(email).name(name(order)).mobilePhone(phone(order)).legalBases(legalBases())
                .currency(currency(order)).price(Money.cents(order.value())).lines(lineItems(order))
                .shippingPrice(shipping(order)).shippingCity(address(order, "city")).shippingState(address(order, "state"))
                .shippingCountry(address(order, "country")).paymentMethods(paymentMethods(order))
                .build();
        String status = String.valueOf(order.status());
        List<MappingResult.Mapped> stages = new ArrayList<>();

        List<RdEvent> placed = new ArrayList<>(List.of(facts.placed()));
        if (AWAITING_PAYMENT.contains(status)) {
            placed.addAll(funnel(OrderFunnel.Stage.AWAITING_PAYMENT, order, email, null));
        }
        stages.add(new MappingResult.Mapped(state, id + ":placed", placed));
        if (PAID.contains(status)) {
            List<RdEvent> paid = new ArrayList<>(List.of(facts.paid()));
            paid.addAll(funnel(OrderFunnel.Stage.PAID, order, email, null));
            stages.add(new MappingResult.Mapped(state, id + ":paid", paid));
        }
        for (VtexOrder.Package invoice : packages(order)) {
            if ("Input".equalsIgnoreCase(invoice.type())) {
                stages.add(new MappingResult.Mapped(state, id + ":refund-" + invoice.invoiceNumber(),
                        List.of(facts.refunded())));
                continue;
            }
            String shipment = id + "-" + invoice.invoiceNumber();
            stages.add(new MappingResult.Mapped(state, shipment + ":fulfilled", List.of(facts.fulfilled(shipment,
                    invoice.courier(), invoice.trackingNumber(), invoice.trackingUrl()))));
            if (invoice.courierStatus() != null && Boolean.TRUE.equals(invoice.courierStatus().finished())) {
                stages.add(new MappingResult.Mapped(state, shipment + ":delivered", List.of(facts.delivered(shipment))));
            }
        }
        if (status.equals("canceled")) {
            List<RdEvent> cancelled = new ArrayList<>(List.of(facts.cancelled(cancelReason(order.cancellationData()))));
            String reason = order.cancellationData() != null && order.cancellationData().reason() != null
                    ? order.cancellationData().reason() : order.cancelReason() != null ? order.cancelReason() : "canceled";
            cancelled.addAll(funnel(OrderFunnel.Stage.LOST, order, email, reason));
            stages.add(new MappingResult.Mapped(state, id + ":cancelled", cancelled));
        }
        return new MappingResult.Several(state, stages);
    }

    /**
     * VTEX records who asked, not why: the buyer → {@code customer}; the payment provider (a
     * declined or expired payment) → {@code declined}; the store or the system → {@code other}.
     * Its free-text reason goes with the OPPORTUNITY_LOST.
     */
    static String cancelReason(VtexOrder.CancellationData data) {
        if (data == null) {
            return "other";
        }
        if (Boolean.TRUE.equals(data.requestedByUser())) {
            return "customer";
        }
        return Boolean.TRUE.equals(data.requestedByPaymentNotification()) ? "declined" : "other";
    }

    private List<RdEvent> funnel(OrderFunnel.Stage stage, VtexOrder order, String email, String reason) {
        return OrderFunnel.events(stage, email, Money.cents(order.value()), reason, config);
    }

    private static List<VtexOrder.Package> packages(VtexOrder order) {
        if (order.packageAttachment() == null || order.packageAttachment().packages() == null) {
            return List.of();
        }
        return order.packageAttachment().packages().stream()
                .filter(p -> p != null && p.invoiceNumber() != null && !p.invoiceNumber().isBlank()).toList();
    }

    private static List<EcommerceLineItem> lineItems(VtexOrder order) {
        if (order.items() == null) {
            return List.of();
        }
        return order.items().stream().filter(Objects::nonNull).map(item -> EcommerceLineItemBuilder.builder()
                .productId(item.productId() != null ? item.productId() : item.id())
                .productTitle(item.name() != null && !item.name().isBlank() ? item.name() : item.refId())
                .price(Money.cents(item.sellingPrice() != null ? item.sellingPrice() : item.price()))
                .quantity(item.quantity() == null ? 1 : item.quantity())
                .sku(VendorValues.text(item.refId()))
                .variantId(VendorValues.text(item.id()))
                .imageUrl(Storefront.url(item.imageUrl()))
                .build()).toList();
    }

    private static String currency(VtexOrder order) {
        return order.storePreferencesData() == null ? null : order.storePreferencesData().currencyCode();
    }

    private static BigDecimal shipping(VtexOrder order) {
        if (order.totals() == null) {
            return null;
        }
        return order.totals().stream().filter(t -> t != null && "Shipping".equals(t.id()) && t.value() != null)
                .map(t -> Money.cents(t.value())).findFirst().orElse(null);
    }

    private static String address(VtexOrder order, String part) {
        if (order.shippingData() == null || order.shippingData().address() == null) {
            return null;
        }
        VtexOrder.Address address = order.shippingData().address();
        return VendorValues.text(switch (part) {
            case "city" -> address.city();
            case "state" -> address.state();
            default -> address.country();
        });
    }

    private static List<String> paymentMethods(VtexOrder order) {
        List<String> methods = new ArrayList<>();
        if (order.paymentData() != null && order.paymentData().transactions() != null) {
            order.paymentData().transactions().stream().filter(Objects::nonNull)
                    .filter(t -> t.payments() != null)
                    .forEach(t -> t.payments().stream().filter(Objects::nonNull)
                            .forEach(p -> methods.add(p.paymentSystemName())));
        }
        return Storefront.paymentMethods(methods);
    }

    static String email(VtexOrder order) {
        return order.clientProfileData() == null ? null : Contacts.email(order.clientProfileData().email());
    }

    private static String name(VtexOrder order) {
        VtexOrder.ClientProfileData client = order.clientProfileData();
        return client == null ? null : Contacts.name(client.firstName(), client.lastName());
    }

    /** VTEX writes phones with their country code (+5561992227222). */
    private static String phone(VtexOrder order) {
        String raw = order.clientProfileData() == null ? null : order.clientProfileData().phone();
        return raw != null && raw.trim().startsWith("+") ? Contacts.phone(raw) : null;
    }

    private List<LegalBase> legalBases() {
        return Storefront.communications(LegalBases.orDefault(List.of(), config));
    }
}
