package dev.ponte.vendors.woocommerce;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WooCommerce in RD's current e-commerce family. Every order.created and order.updated carries the
 * whole order as it stands, and may arrive late, twice or out of order, so each is read for every
 * stage the order has reached — placed, paid, completed (fulfilled), cancelled or failed, each
 * refund — and each stage is its own delivery: it reaches RD once, from whichever webhook shows it
 * first. WooCommerce has no checkout webhooks, so no checkout or abandoned-cart events.
 */
final class WooStages {

    private static final Set<String> PAID = Set.of("processing", "completed");
    private static final Set<String> CANCELLED = Set.of("cancelled", "failed");
    /** A failed order is a payment the gateway declined; a cancelled one says no more. */
    private static final Map<String, String> CANCEL_REASONS = Map.of("failed", "declined", "cancelled", "other");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(x?)([0-9a-fA-F]+);");

    private final WooCommerceConfig config;

    WooStages(WooCommerceConfig config) {
        this.config = config;
    }

    MappingResult map(String topic, WooOrder order) {
        if ("checkout-draft".equals(order.status())) {
            return new MappingResult.Ignored(topic, "A checkout-draft is a cart being filled in, not an order yet.");
        }
        String id = order.id();
        String email = order.billing() == null ? null : Contacts.email(order.billing().email());
        StoreOrder facts = StoreOrder.builder()
                .identifier(id).email(email).name(name(order)).mobilePhone(phone(order)).legalBases(legalBases())
                .currency(order.currency()).price(Money.of(order.total())).lines(lineItems(order))
                .shippingPrice(Money.of(order.shippingTotal())).shippingCity(city(order)).shippingState(state(order))
                .shippingCountry(country(order)).paymentMethods(paymentMethods(order))
                .build();
        String status = String.valueOf(order.status());
        List<MappingResult.Mapped> stages = new ArrayList<>();
        List<RdEvent> placed = new ArrayList<>(List.of(facts.placed()));
        if (status.equals("pending") || status.equals("on-hold")) {
            placed.addAll(funnel(OrderFunnel.Stage.AWAITING_PAYMENT, order, email));
        }
        stages.add(new MappingResult.Mapped(topic, "order-" + id + ":placed", placed));
        if (PAID.contains(status) || order.datePaid() != null && !CANCELLED.contains(status)) {
            List<RdEvent> paid = new ArrayList<>(List.of(facts.paid()));
            paid.addAll(funnel(OrderFunnel.Stage.PAID, order, email));
            stages.add(new MappingResult.Mapped(topic, "order-" + id + ":paid", paid));
        }
        if (status.equals("completed")) {
            // WooCommerce has no shipments: the order is its own. The Shipment Tracking extension's
            // first item, when present, gives the carrier, the code and a custom link (its built-in
            // carriers' links are not stored).
            JsonNode tracking = tracking(order);
            stages.add(new MappingResult.Mapped(topic, "order-" + id + ":fulfilled", List.of(facts.fulfilled(id,
                    text(tracking, "custom_tracking_provider", "tracking_provider"), text(tracking, "tracking_number"),
                    text(tracking, "custom_tracking_link")))));
        }
        if (CANCELLED.contains(status)) {
            List<RdEvent> cancelled = new ArrayList<>(List.of(facts.cancelled(
                    Storefront.cancelReason(status, CANCEL_REASONS))));
            cancelled.addAll(funnel(OrderFunnel.Stage.LOST, order, email));
            stages.add(new MappingResult.Mapped(topic, "order-" + id + ":cancelled", cancelled));
        }
        if (status.equals("refunded")) {
            stages.add(new MappingResult.Mapped(topic, "order-" + id + ":lost", funnel(OrderFunnel.Stage.LOST, order, email)));
        }
        for (WooOrder.Refund refund : order.refunds() == null ? List.<WooOrder.Refund>of() : order.refunds()) {
            if (refund != null && refund.id() != null) {
                stages.add(new MappingResult.Mapped(topic, "order-" + id + ":refund-" + refund.id(),
                        List.of(facts.refunded())));
            }
        }
        return new MappingResult.Several(topic, stages.stream().filter(s -> !s.events().isEmpty()).toList());
    }

    private static JsonNode tracking(WooOrder order) {
        if (order.metaData() == null) {
            return null;
        }
        return order.metaData().stream().filter(Objects::nonNull)
                .filter(m -> "_wc_shipment_tracking_items".equals(m.key()) && m.value() != null && m.value().isArray()
                        && !m.value().isEmpty())
                .map(m -> m.value().get(0)).findFirst().orElse(null);
    }

    private static String text(JsonNode node, String... fields) {
        if (node == null) {
            return null;
        }
        for (String field : fields) {
            String value = node.path(field).asText("");
            if (!value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    private List<RdEvent> funnel(OrderFunnel.Stage stage, WooOrder order, String email) {
        return OrderFunnel.events(stage, email, Money.of(order.total()), order.status(), config);
    }

    private static List<EcommerceLineItem> lineItems(WooOrder order) {
        if (order.lineItems() == null) {
            return List.of();
        }
        return order.lineItems().stream().filter(Objects::nonNull).map(line -> EcommerceLineItemBuilder.builder()
                .productId(line.productId() != null ? line.productId() : line.id())
                .productTitle(line.name() == null || line.name().isBlank() ? line.productId() : plain(line.name()))
                .price(Money.of(line.price()))
                .quantity(line.quantity() == null ? 1 : line.quantity())
                .sku(line.sku() == null || line.sku().isBlank() ? null : line.sku())
                .variantId(line.variationId() == null || "0".equals(line.variationId()) ? null : line.variationId())
                .imageUrl(line.image() == null ? null : Storefront.url(line.image().src()))
                .build()).toList();
    }

    /** WooCommerce writes product names as HTML ({@code Ship Your Idea &ndash; Color: Black}); RD shows text. */
    static String plain(String html) {
        String text = html.replace("&ndash;", "–").replace("&mdash;", "—").replace("&nbsp;", " ")
                .replace("&quot;", "\"").replace("&#039;", "'").replace("&lt;", "<").replace("&gt;", ">");
        Matcher numeric = NUMERIC_ENTITY.matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int code;
            try {
                code = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            } catch (NumberFormatException e) {
                code = -1;
            }
            numeric.appendReplacement(out, Character.isValidCodePoint(code) && code > 31
                    ? Matcher.quoteReplacement(new String(Character.toChars(code))) : "");
        }
        numeric.appendTail(out);
        return out.toString().replace("&amp;", "&");
    }

    private static List<String> paymentMethods(WooOrder order) {
        return Storefront.paymentMethods(java.util.Arrays.asList(
                order.paymentMethodTitle() != null && !order.paymentMethodTitle().isBlank() ? order.paymentMethodTitle()
                        : order.paymentMethod()));
    }

    private static String name(WooOrder order) {
        return order.billing() == null ? null : Contacts.name(order.billing().firstName(), order.billing().lastName());
    }

    /**
     * The buyer's phone in E.164: as written when it carries a country code, and read as a
     * Brazilian number only when the billing address is in Brazil (a US number is not one).
     */
    private static String phone(WooOrder order) {
        if (order.billing() == null || order.billing().phone() == null) {
            return null;
        }
        String raw = order.billing().phone().trim();
        return raw.startsWith("+") || "BR".equalsIgnoreCase(order.billing().country()) ? Contacts.phone(raw) : null;
    }

    private static String city(WooOrder order) {
        return order.shipping() == null ? null : VendorValues.text(order.shipping().city());
    }

    private static String state(WooOrder order) {
        return order.shipping() == null ? null : VendorValues.text(order.shipping().state());
    }

    private static String country(WooOrder order) {
        return order.shipping() == null ? null : VendorValues.text(order.shipping().country());
    }

    private List<LegalBase> legalBases() {
        return Storefront.communications(LegalBases.orDefault(List.of(), config));
    }
}
