package dev.ponte.vendors.shopify;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.Storefront;
import dev.ponte.mapping.BodySignature;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Money;
import dev.ponte.mapping.OrderFunnel;
import dev.ponte.mapping.PaymentMethods;
import dev.ponte.mapping.Products;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.CartAbandonedItemPayloadBuilder;
import dev.ponte.rd.events.CartAbandonedPayloadBuilder;
import dev.ponte.rd.events.LegalBase;
import dev.ponte.rd.events.OrderPlacedItemPayloadBuilder;
import dev.ponte.rd.events.OrderPlacedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Shopify. In RD's current e-commerce family ({@link ShopifyStages}): checkouts, orders, payments,
 * cancellations, shipments, deliveries and refunds become the ECOMMERCE_* events, each stage once.
 * In the legacy family: orders become ORDER_PLACED with one ORDER_PLACED_ITEM per line and their
 * funnel event; payments SALE; cancellations OPPORTUNITY_LOST; open checkouts with an email
 * CART_ABANDONED. Deliveries are signed with the app's secret ({@code X-Shopify-Hmac-Sha256}, base64
 * HMAC-SHA256 of the raw body) and identified by {@code X-Shopify-Webhook-Id}.
 */
@ApplicationScoped
public class ShopifyMapper implements VendorMapper {

    static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    private static final BodySignature BODY_SIGNATURE = new BodySignature("PONTE_VENDORS_SHOPIFY_SECRET",
            SIGNATURE, Signatures.Algorithm.SHA256, BodySignature.Encoding.BASE64);
    static final String TOPIC = "X-Shopify-Topic";
    static final String WEBHOOK_ID = "X-Shopify-Webhook-Id";
    static final Set<String> PAID = Set.of("paid", "partially_paid");
    private static final Set<String> AWAITING_PAYMENT = Set.of("pending", "authorized", "partially_paid");
    private static final Set<String> LOST = Set.of("voided", "refunded", "expired");

    private final ShopifyConfig config;
    private final Storefront storefront;
    private final ShopifyStages stages;

    @Inject
    public ShopifyMapper(ShopifyConfig config, Storefront storefront, ContactDirectory contacts) {
        this.config = config;
        this.storefront = storefront;
        this.stages = new ShopifyStages(this, storefront, contacts);
    }

    ShopifyConfig settings() {
        return config;
    }

    @Override
    public String vendor() {
        return "shopify";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(SIGNATURE);
    }

    @Override
    public Verification verify(Webhook webhook) {
        return BODY_SIGNATURE.check(config, webhook);
    }

    @Override
    public MappingResult map(Webhook webhook) {
        String topic = webhook.header(TOPIC);
        if (topic == null) {
            throw new MalformedPayload("The " + TOPIC + " header is missing.", "$.headers." + TOPIC);
        }
        if (storefront.current(config)) {
            return stages.map(topic, webhook);
        }
        String deliveryId = webhook.header(WEBHOOK_ID);
        return switch (topic) {
            case "orders/create" -> new MappingResult.Mapped(topic, deliveryId, placed(order(webhook)));
            case "orders/paid" -> {
                ShopifyOrder order = order(webhook);
                // The topic header is not signed: the signed body must agree that the order is paid.
                if (!PAID.contains(String.valueOf(order.financialStatus()))) {
                    yield notPaid(topic, order);
                }
                yield new MappingResult.Mapped(topic, deliveryId, OrderFunnel.events(OrderFunnel.Stage.PAID,
                        email(order), Money.of(order.totalPrice()), null, config));
            }
            case "orders/cancelled" -> {
                ShopifyOrder order = order(webhook);
                if (order.cancelledAt() == null) {
                    yield notCancelled(topic);
                }
                yield new MappingResult.Mapped(topic, deliveryId, OrderFunnel.events(OrderFunnel.Stage.LOST,
                        email(order), null, lostReason(order), config));
            }
            case "checkouts/create", "checkouts/update" -> abandoned(topic, deliveryId,
                    VendorJson.read(webhook.body(), ShopifyCheckout.class));
            default -> new MappingResult.Ignored(topic, "Ponte maps orders/create, orders/paid, orders/cancelled,"
                    + " checkouts/create and checkouts/update.");
        };
    }

    /** The topic header is not signed: the signed body must agree that the order is paid. */
    static MappingResult notPaid(String topic, ShopifyOrder order) {
        return new MappingResult.Ignored(topic, "The order's financial_status is " + order.financialStatus()
                + ", not paid: an orders/paid for it is not a payment.");
    }

    static MappingResult notCancelled(String topic) {
        return new MappingResult.Ignored(topic, "The order has no cancelled_at: an orders/cancelled for it"
                + " is not a cancellation.");
    }

    private List<RdEvent> placed(ShopifyOrder order) {
        String email = email(order);
        String name = name(order.customer(), order.billingAddress());
        List<LegalBase> legal = legalBases(order.buyerAcceptsMarketing());
        List<ShopifyOrder.LineItem> lines = order.lineItems() == null ? List.of() : order.lineItems();
        List<RdEvent> events = new ArrayList<>();
        events.add(RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .name(name)
                .email(email)
                .cfOrderId(order.name())
                .cfOrderTotalItems(lines.stream().mapToInt(l -> l.quantity() == null ? 1 : l.quantity()).sum())
                .cfOrderStatus(order.financialStatus())
                .cfOrderPaymentMethod(PaymentMethods.of(order.paymentGatewayNames() == null ? List.of() : order.paymentGatewayNames()))
                .cfOrderPaymentAmount(Money.of(order.totalPrice()))
                .legalBases(legal)
                .build()));
        for (ShopifyOrder.LineItem line : lines) {
            events.add(RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                    .name(name)
                    .email(email)
                    .cfOrderId(order.name())
                    .cfOrderProductId(line.productId())
                    .cfOrderProductSku(sku(line))
                    .legalBases(legal)
                    .build()));
        }
        events.addAll(OrderFunnel.events(stageAtCreation(order), email, Money.of(order.totalPrice()), lostReason(order),
                config));
        return events;
    }

    /**
     * A checkout is a cart that has not become an order yet. Shopify sends one once the buyer
     * gave an email, and again on every change; Ponte passes each as CART_ABANDONED and leaves
     * the waiting to RD's automation (which stops when the ORDER_PLACED for it arrives).
     */
    private MappingResult abandoned(String topic, String deliveryId, ShopifyCheckout checkout) {
        if (checkout.completedAt() != null) {
            return new MappingResult.Ignored(topic, "The checkout is completed: its order arrives as orders/create.");
        }
        String email = Contacts.email(checkout.email(), checkout.customer() == null ? null : checkout.customer().email());
        if (email == null) {
            return new MappingResult.Ignored(topic, "The checkout has no email yet, so RD cannot tell whose cart it is.");
        }
        String name = name(checkout.customer(), checkout.billingAddress());
        List<LegalBase> legal = legalBases(checkout.buyerAcceptsMarketing());
        List<ShopifyOrder.LineItem> lines = checkout.lineItems() == null ? List.of() : checkout.lineItems();
        String cartId = checkout.token() != null ? checkout.token() : checkout.id();
        List<RdEvent> events = new ArrayList<>();
        events.add(RdEvent.of(CartAbandonedPayloadBuilder.builder()
                .name(name)
                .email(email)
                .cfCartId(cartId)
                .cfCartTotalItems(lines.stream().mapToInt(l -> l.quantity() == null ? 1 : l.quantity()).sum())
                .cfCartStatus("abandoned")
                .legalBases(legal)
                .build()));
        for (ShopifyOrder.LineItem line : lines) {
            events.add(RdEvent.of(CartAbandonedItemPayloadBuilder.builder()
                    .name(name)
                    .email(email)
                    .cfCartId(cartId)
                    .cfCartProductId(line.productId())
                    .cfCartProductSku(sku(line))
                    .legalBases(legal)
                    .build()));
        }
        return new MappingResult.Mapped(topic, deliveryId, events);
    }

    static ShopifyOrder order(Webhook webhook) {
        return VendorJson.read(webhook.body(), ShopifyOrder.class);
    }

    static String email(ShopifyOrder order) {
        return Contacts.email(order.email(), order.contactEmail(), order.customer() == null ? null : order.customer().email());
    }

    static String name(ShopifyOrder.Customer customer, ShopifyOrder.Address billing) {
        String name = customer == null ? null : Contacts.name(customer.firstName(), customer.lastName());
        if (name == null && billing != null) {
            name = billing.name() != null ? billing.name() : Contacts.name(billing.firstName(), billing.lastName());
        }
        return name;
    }

    private static String sku(ShopifyOrder.LineItem line) {
        return Products.sku(line.sku(), line.variantId(), line.productId());
    }

    static OrderFunnel.Stage stageAtCreation(ShopifyOrder order) {
        String status = order.financialStatus() == null ? "" : order.financialStatus();
        if (order.cancelledAt() != null || LOST.contains(status)) {
            return OrderFunnel.Stage.LOST;
        }
        // A paid order's SALE comes with orders/paid, which Shopify sends for it too.
        return AWAITING_PAYMENT.contains(status) ? OrderFunnel.Stage.AWAITING_PAYMENT : OrderFunnel.Stage.NONE;
    }

    static String lostReason(ShopifyOrder order) {
        if (order.cancelReason() != null) {
            return order.cancelReason();
        }
        return order.financialStatus();
    }

    /** A buyer who accepted marketing gave consent to communications; otherwise the configured bases apply. */
    List<LegalBase> legalBases(Boolean acceptsMarketing) {
        List<LegalBase> fromPayload = Boolean.TRUE.equals(acceptsMarketing)
                ? List.of(LegalBase.communications("consent", "granted")) : List.of();
        return LegalBases.orDefault(fromPayload, config);
    }
}
