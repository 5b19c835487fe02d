package dev.ponte.vendors.shopify;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.Deferred;
import dev.ponte.mapping.Fact;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Money;
import dev.ponte.mapping.OrderFunnel;
import dev.ponte.mapping.StoreOrder;
import dev.ponte.mapping.Storefront;
import dev.ponte.mapping.VendorValues;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.EcommerceCartAbandonedPayloadBuilder;
import dev.ponte.rd.events.EcommerceCheckoutStartedPayloadBuilder;
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
 * Shopify in RD's current e-commerce family: each stage of an order's life its own delivery,
 * keyed by what it is about (the checkout's token, the order's, fulfillment's or refund's id), so
 * a stage reaches RD once however often Shopify repeats itself. A checkout starts an
 * abandoned-cart wait named after its token; its order cancels it.
 */
final class ShopifyStages {

    private static final String VENDOR = "shopify";
    private static final Set<String> NOT_SHIPPED = Set.of("cancelled", "error", "failure");
    /** Shopify's own cancel reasons are RD's, plus {@code staff}, which RD calls other. */
    private static final Map<String, String> CANCEL_REASONS = Map.of("staff", "other");

    private final ShopifyMapper shopify;
    private final Storefront storefront;
    private final ContactDirectory contacts;

    ShopifyStages(ShopifyMapper shopify, Storefront storefront, ContactDirectory contacts) {
        this.shopify = shopify;
        this.storefront = storefront;
        this.contacts = contacts;
    }

    MappingResult map(String topic, Webhook webhook) {
        return switch (topic) {
            case "checkouts/create", "checkouts/update" -> checkout(topic, VendorJson.read(webhook.body(),
                    ShopifyCheckout.class));
            case "orders/create" -> placed(topic, ShopifyMapper.order(webhook));
            case "orders/paid" -> paid(topic, ShopifyMapper.order(webhook));
            case "orders/cancelled" -> cancelled(topic, ShopifyMapper.order(webhook));
            case "fulfillments/create", "fulfillments/update" -> fulfillment(topic, VendorJson.read(webhook.body(),
                    ShopifyFulfillment.class));
            case "fulfillment_events/create" -> carrierNews(topic, VendorJson.read(webhook.body(),
                    ShopifyFulfillmentEvent.class));
            case "refunds/create" -> refund(topic, VendorJson.read(webhook.body(), ShopifyRefund.class));
            case "orders/fulfilled" -> new MappingResult.Ignored(topic, "Each shipment arrives as fulfillments/create,"
                    + " with its tracking, and becomes ECOMMERCE_ORDER_FULFILLED from there.");
            default -> new MappingResult.Ignored(topic, "Ponte maps checkouts/create, checkouts/update, orders/create,"
                    + " orders/paid, orders/cancelled, fulfillments/create, fulfillments/update,"
                    + " fulfillment_events/create and refunds/create.");
        };
    }

    /**
     * A checkout: started once (whichever of create or update first names the buyer), and
     * abandoned if no order follows within PONTE_CART_ABANDONED_AFTER of its last change.
     */
    private MappingResult checkout(String topic, ShopifyCheckout checkout) {
        String token = checkout.token() != null ? checkout.token() : checkout.id();
        if (token == null) {
            throw new MalformedPayload("The checkout has no token.", "$.body.token");
        }
        String waitName = Storefront.abandonedCart(token);
        if (checkout.completedAt() != null) {
            return new MappingResult.Mapped(topic, null, List.of(), List.of(), List.of(new Deferred.Cancel(waitName)));
        }
        String email = Contacts.email(checkout.email(), checkout.customer() == null ? null : checkout.customer().email());
        if (email == null) {
            return new MappingResult.Ignored(topic, "The checkout has no email yet, so RD cannot tell whose cart it is.");
        }
        List<ShopifyOrder.LineItem> lines = checkout.lineItems() == null ? List.of() : checkout.lineItems();
        if (lines.isEmpty()) {
            return new MappingResult.Ignored(topic, "The checkout has no items.");
        }
        List<EcommerceLineItem> items = lineItems(lines);
        String name = ShopifyMapper.name(checkout.customer(), checkout.billingAddress());
        String phone = phone(checkout.phone(), checkout.customer(), checkout.billingAddress());
        List<LegalBase> legal = legalBases(checkout.buyerAcceptsMarketing());
        BigDecimal price = Money.of(checkout.totalPrice());
        RdEvent started = RdEvent.of(EcommerceCheckoutStartedPayloadBuilder.builder()
                .email(email).identifier(token).name(name).mobilePhone(phone).legalBases(legal)
                .checkoutUrl(Storefront.url(checkout.abandonedCheckoutUrl())).currency(checkout.currency()).price(price)
                .totalItems(Storefront.totalItems(items)).lineItems(Storefront.lineItems(items))
                .build());
        RdEvent abandoned = RdEvent.of(EcommerceCartAbandonedPayloadBuilder.builder()
                .email(email).identifier(token).name(name).mobilePhone(phone).legalBases(legal)
                .checkoutUrl(Storefront.url(checkout.abandonedCheckoutUrl())).currency(checkout.currency()).price(price)
                .totalItems(Storefront.totalItems(items)).lineItems(Storefront.lineItems(items))
                .build());
        return new MappingResult.Mapped(topic, "checkout-" + token + ":started", List.of(started), List.of(),
                List.of(new Deferred.Send(waitName, storefront.abandonedAfter(), "checkout-" + token + ":abandoned",
                        List.of(abandoned))));
    }

    private MappingResult placed(String topic, ShopifyOrder order) {
        StoreOrder facts = facts(order);
        List<RdEvent> events = new ArrayList<>(List.of(facts.placed()));
        events.addAll(OrderFunnel.events(ShopifyMapper.stageAtCreation(order), facts.email(), facts.price(),
                ShopifyMapper.lostReason(order), shopify.settings()));
        return stage(topic, facts, "placed", events, order);
    }

    private MappingResult paid(String topic, ShopifyOrder order) {
        if (!ShopifyMapper.PAID.contains(String.valueOf(order.financialStatus()))) {
            return ShopifyMapper.notPaid(topic, order);
        }
        StoreOrder facts = facts(order);
        List<RdEvent> events = new ArrayList<>(List.of(facts.paid()));
        events.addAll(OrderFunnel.events(OrderFunnel.Stage.PAID, facts.email(), facts.price(), null, shopify.settings()));
        return stage(topic, facts, "paid", events, order);
    }

    private MappingResult cancelled(String topic, ShopifyOrder order) {
        if (order.cancelledAt() == null) {
            return ShopifyMapper.notCancelled(topic);
        }
        StoreOrder facts = facts(order);
        List<RdEvent> events = new ArrayList<>(List.of(facts.cancelled(
                Storefront.cancelReason(order.cancelReason(), CANCEL_REASONS))));
        events.addAll(OrderFunnel.events(OrderFunnel.Stage.LOST, facts.email(), null, ShopifyMapper.lostReason(order),
                shopify.settings()));
        return stage(topic, facts, "cancelled", events, order);
    }

    /**
     * One stage of an order: its own delivery; it teaches the order's buyer, for the news that
     * names only the order; and it means the order's checkout was not abandoned.
     */
    private static MappingResult stage(String topic, StoreOrder facts, String stage, List<RdEvent> events,
            ShopifyOrder order) {
        List<Fact> learned = facts.email() == null ? List.of()
                : List.of(ContactDirectory.order(VENDOR, facts.identifier(), facts.email()));
        List<Deferred> followed = order.checkoutToken() == null ? List.of()
                : List.of(new Deferred.Cancel(Storefront.abandonedCart(order.checkoutToken())));
        return new MappingResult.Mapped(topic, "order-" + facts.identifier() + ":" + stage, events, learned, followed);
    }

    private StoreOrder facts(ShopifyOrder order) {
        return StoreOrder.builder()
                .identifier(orderId(order)).email(ShopifyMapper.email(order)).name(name(order)).mobilePhone(phone(order))
                .legalBases(legalBases(order)).currency(order.currency()).price(Money.of(order.totalPrice()))
                .lines(lineItems(order.lineItems())).shippingPrice(shipping(order)).shippingCity(city(order))
                .shippingState(state(order)).shippingCountry(country(order)).orderUrl(order.orderStatusUrl())
                .paymentMethods(order.paymentGatewayNames())
                .build();
    }

    /** A shipment: fulfilled when Shopify creates it; delivered, too, once its shipment_status says so. */
    private MappingResult fulfillment(String topic, ShopifyFulfillment fulfillment) {
        if (fulfillment.id() == null) {
            throw new MalformedPayload("The fulfillment has no id.", "$.body.id");
        }
        if (NOT_SHIPPED.contains(String.valueOf(fulfillment.status()))) {
            return new MappingResult.Ignored(topic, "The fulfillment's status is " + fulfillment.status()
                    + ": nothing was shipped.");
        }
        String email = Contacts.email(fulfillment.email());
        if (email == null) {
            email = contacts.emailForOrder(VENDOR, fulfillment.orderId()).orElse(null);
        }
        if (email == null) {
            return waitingForOrder(topic, "fulfillment-" + fulfillment.id() + ":fulfilled", fulfillment.orderId(),
                    "The fulfillment names no email");
        }
        RdEvent fulfilled = known(fulfillment.orderId(), email).fulfilled(fulfillment.id(), fulfillment.trackingCompany(),
                first(fulfillment.trackingNumber(), fulfillment.trackingNumbers()),
                first(fulfillment.trackingUrl(), fulfillment.trackingUrls()));
        List<MappingResult.Mapped> stages = new ArrayList<>();
        stages.add(new MappingResult.Mapped(topic, "fulfillment-" + fulfillment.id() + ":fulfilled", List.of(fulfilled)));
        if ("delivered".equals(fulfillment.shipmentStatus())) {
            stages.add(delivered(topic, email, fulfillment.id(), fulfillment.orderId()));
        }
        return stages.size() == 1 ? stages.get(0) : new MappingResult.Several(topic, stages);
    }

    /** A carrier's news; only a delivery has an RD event. */
    private MappingResult carrierNews(String topic, ShopifyFulfillmentEvent news) {
        if (!"delivered".equals(news.status())) {
            return new MappingResult.Ignored(topic, "The shipment's status is " + news.status()
                    + "; only delivered has an RD event.");
        }
        if (news.fulfillmentId() == null) {
            throw new MalformedPayload("The fulfillment event names no fulfillment.", "$.body.fulfillment_id");
        }
        String deliveryId = "fulfillment-" + news.fulfillmentId() + ":delivered";
        return contacts.emailForOrder(VENDOR, news.orderId())
                .<MappingResult>map(email -> delivered(topic, email, news.fulfillmentId(), news.orderId()))
                .orElseGet(() -> waitingForOrder(topic, deliveryId, news.orderId(), "The fulfillment event names no email"));
    }

    private MappingResult refund(String topic, ShopifyRefund refund) {
        if (refund.id() == null || refund.orderId() == null) {
            throw new MalformedPayload("The refund names no id or no order.", refund.id() == null ? "$.body.id"
                    : "$.body.order_id");
        }
        String deliveryId = "order-" + refund.orderId() + ":refund-" + refund.id();
        return contacts.emailForOrder(VENDOR, refund.orderId())
                .<MappingResult>map(email -> new MappingResult.Mapped(topic, deliveryId,
                        List.of(known(refund.orderId(), email).refunded())))
                .orElseGet(() -> waitingForOrder(topic, deliveryId, refund.orderId(), "The refund names no email"));
    }

    private static MappingResult.Mapped delivered(String topic, String email, String fulfillmentId, String orderId) {
        return new MappingResult.Mapped(topic, "fulfillment-" + fulfillmentId + ":delivered",
                List.of(known(orderId, email).delivered(fulfillmentId)));
    }

    /** What news of an order that names only the order knows of it: the order and its buyer. */
    private static StoreOrder known(String orderId, String email) {
        return StoreOrder.builder().identifier(orderId).email(email).build();
    }

    /** News of an order that names only the order: parked until Ponte has delivered the order and so knows its buyer. */
    private static MappingResult waitingForOrder(String topic, String deliveryId, String orderId, String why) {
        if (orderId == null) {
            return new MappingResult.Ignored(topic, why + " and no order, so RD has no contact for it.");
        }
        return new MappingResult.Unresolved(topic, deliveryId, why + ": Ponte sends it once it has delivered order "
                + orderId + " and so knows its buyer.", ContactDirectory.orderKey(VENDOR, orderId));
    }

    private static String orderId(ShopifyOrder order) {
        if (order.id() == null) {
            throw new MalformedPayload("The order has no id.", "$.body.id");
        }
        return order.id();
    }

    private static List<EcommerceLineItem> lineItems(List<ShopifyOrder.LineItem> lines) {
        if (lines == null) {
            return List.of();
        }
        return lines.stream().filter(Objects::nonNull).map(line -> EcommerceLineItemBuilder.builder()
                .productId(VendorValues.first(line.productId(), line.variantId(), line.sku(), line.id()))
                .productTitle(VendorValues.first(line.title(), line.name(), line.sku(), line.productId()))
                .price(Money.of(line.price()))
                .quantity(line.quantity() == null ? 1 : line.quantity())
                .sku(VendorValues.text(line.sku()))
                .variantId(VendorValues.text(line.variantId()))
                .variantTitle(VendorValues.text(line.variantTitle()))
                .build()).toList();
    }

    private static BigDecimal shipping(ShopifyOrder order) {
        if (order.shippingLines() == null || order.shippingLines().isEmpty()) {
            return null;
        }
        return order.shippingLines().stream().map(l -> Money.of(l.price())).filter(Objects::nonNull)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String city(ShopifyOrder order) {
        return order.shippingAddress() == null ? null : VendorValues.text(order.shippingAddress().city());
    }

    private static String state(ShopifyOrder order) {
        ShopifyOrder.Address to = order.shippingAddress();
        return to == null ? null : VendorValues.first(to.provinceCode(), to.province());
    }

    private static String country(ShopifyOrder order) {
        return order.shippingAddress() == null ? null : VendorValues.text(order.shippingAddress().countryCode());
    }

    private static String name(ShopifyOrder order) {
        return ShopifyMapper.name(order.customer(), order.billingAddress());
    }

    private static String phone(ShopifyOrder order) {
        return phone(order.phone(), order.customer(), order.billingAddress());
    }

    private static String phone(String own, ShopifyOrder.Customer customer, ShopifyOrder.Address billing) {
        for (String raw : new String[] {own, customer == null ? null : customer.phone(), billing == null ? null : billing.phone()}) {
            String phone = Contacts.phone(raw);
            if (phone != null) {
                return phone;
            }
        }
        return null;
    }

    private List<LegalBase> legalBases(ShopifyOrder order) {
        return legalBases(order.buyerAcceptsMarketing());
    }

    private List<LegalBase> legalBases(Boolean acceptsMarketing) {
        return Storefront.communications(shopify.legalBases(acceptsMarketing));
    }

    private static String first(String value, List<String> values) {
        return VendorValues.first(value, values == null || values.isEmpty() ? null : values.get(0));
    }
}
