package dev.ponte.vendors.nuvemshop;

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
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Nuvemshop in RD's current e-commerce family. Its webhooks name only the order, which Ponte reads
 * back as it stands now; and Nuvemshop may send them late, twice or out of order. So every order
 * webhook is read for every stage the order has reached — placed, paid, shipped, delivered,
 * cancelled, refunded — and each stage is its own delivery, reaching RD once from whichever
 * webhook shows it first. Nuvemshop sends no webhook for checkouts, so no checkout or
 * abandoned-cart events.
 */
final class NuvemshopStages {

    private static final Set<String> PAID = Set.of("paid", "partially_paid", "partially_refunded", "refunded");
    private static final Set<String> SHIPPED = Set.of("shipped", "fulfilled", "partially_fulfilled", "delivered");
    /** Nuvemshop's four reasons are RD's; nothing else maps. */
    private static final Map<String, String> CANCEL_REASONS = Map.of();

    private final NuvemshopConfig config;

    NuvemshopStages(NuvemshopConfig config) {
        this.config = config;
    }

    MappingResult map(String event, NuvemshopOrder order) {
        String id = order.id();
        String email = email(order);
        StoreOrder facts = StoreOrder.builder()
                .identifier(id).email(email).name(name(order)).mobilePhone(phone(order)).legalBases(legalBases())
                .currency(order.currency()).price(total(order)).lines(lineItems(order))
                .shippingPrice(Money.of(order.shippingCostCustomer())).shippingCity(city(order)).shippingState(state(order))
                .shippingCountry(country(order)).paymentMethods(paymentMethods(order))
                .build();
        String payment = String.valueOf(order.paymentStatus());
        String shipping = String.valueOf(order.shippingStatus());
        boolean cancelled = "cancelled".equals(order.status());
        List<MappingResult.Mapped> stages = new ArrayList<>();

        List<RdEvent> placed = new ArrayList<>(List.of(facts.placed()));
        if (!cancelled && Set.of("pending", "authorized").contains(payment)) {
            placed.addAll(funnel(OrderFunnel.Stage.AWAITING_PAYMENT, order, email, null));
        }
        stages.add(new MappingResult.Mapped(event, "order-" + id + ":placed", placed));
        if (PAID.contains(payment)) {
            List<RdEvent> paid = new ArrayList<>(List.of(facts.paid()));
            paid.addAll(funnel(OrderFunnel.Stage.PAID, order, email, null));
            stages.add(new MappingResult.Mapped(event, "order-" + id + ":paid", paid));
        }
        if (SHIPPED.contains(shipping)) {
            stages.add(new MappingResult.Mapped(event, "order-" + id + ":fulfilled", List.of(facts.fulfilled(id,
                    VendorValues.first(order.shippingOption(), order.shipping()), order.shippingTrackingNumber(),
                    order.shippingTrackingUrl()))));
        }
        if ("delivered".equals(shipping)) {
            stages.add(new MappingResult.Mapped(event, "order-" + id + ":delivered", List.of(facts.delivered(id))));
        }
        if (cancelled) {
            List<RdEvent> lost = new ArrayList<>(List.of(facts.cancelled(
                    Storefront.cancelReason(order.cancelReason(), CANCEL_REASONS))));
            lost.addAll(funnel(OrderFunnel.Stage.LOST, order, email,
                    order.cancelReason() != null ? order.cancelReason() : "cancelled"));
            stages.add(new MappingResult.Mapped(event, "order-" + id + ":cancelled", lost));
        }
        if (payment.equals("refunded") || payment.equals("partially_refunded")) {
            List<RdEvent> refunded = new ArrayList<>(List.of(facts.refunded()));
            if (payment.equals("refunded") && !cancelled) {
                refunded.addAll(funnel(OrderFunnel.Stage.LOST, order, email, "refunded"));
            }
            stages.add(new MappingResult.Mapped(event, "order-" + id + ":" + payment, refunded));
        }
        return new MappingResult.Several(event, stages);
    }

    private List<RdEvent> funnel(OrderFunnel.Stage stage, NuvemshopOrder order, String email, String reason) {
        return OrderFunnel.events(stage, email, total(order), reason, config);
    }

    private static List<EcommerceLineItem> lineItems(NuvemshopOrder order) {
        if (order.products() == null) {
            return List.of();
        }
        return order.products().stream().filter(Objects::nonNull).map(product -> EcommerceLineItemBuilder.builder()
                .productId(VendorValues.first(product.productId(), product.variantId(), product.sku()))
                .productTitle(VendorValues.first(product.name(), product.sku(), product.productId()))
                .price(Money.of(product.price()))
                .quantity(product.quantity() == null ? 1 : product.quantity())
                .sku(VendorValues.first(product.sku()))
                .variantId(VendorValues.first(product.variantId()))
                .imageUrl(product.image() == null ? null : Storefront.url(product.image().src()))
                .build()).toList();
    }

    /** The order's total; older API versions name it {@code price}. */
    private static BigDecimal total(NuvemshopOrder order) {
        return Money.of(order.total() != null ? order.total() : order.price());
    }

    static String email(NuvemshopOrder order) {
        return Contacts.email(order.contactEmail(), order.customer() == null ? null : order.customer().email());
    }

    private static String name(NuvemshopOrder order) {
        return order.customer() != null && order.customer().name() != null ? order.customer().name() : order.contactName();
    }

    /** Nuvemshop's stores sell mostly in Brazil; a number of another country is sent only with its country code. */
    private static String phone(NuvemshopOrder order) {
        String raw = VendorValues.first(order.contactPhone(), order.customer() == null ? null : order.customer().phone());
        if (raw == null) {
            return null;
        }
        boolean brazil = order.shippingAddress() == null || "BR".equalsIgnoreCase(order.shippingAddress().country());
        return raw.trim().startsWith("+") || brazil ? Contacts.phone(raw) : null;
    }

    private static List<String> paymentMethods(NuvemshopOrder order) {
        return Storefront.paymentMethods(java.util.Arrays.asList(
                order.paymentDetails() == null ? null : order.paymentDetails().method(), order.gateway()));
    }

    private static String city(NuvemshopOrder order) {
        return order.shippingAddress() == null ? null : VendorValues.first(order.shippingAddress().city());
    }

    private static String state(NuvemshopOrder order) {
        return order.shippingAddress() == null ? null : VendorValues.first(order.shippingAddress().province());
    }

    private static String country(NuvemshopOrder order) {
        return order.shippingAddress() == null ? null : VendorValues.first(order.shippingAddress().country());
    }

    private List<LegalBase> legalBases() {
        return Storefront.communications(LegalBases.orDefault(List.of(), config));
    }
}
