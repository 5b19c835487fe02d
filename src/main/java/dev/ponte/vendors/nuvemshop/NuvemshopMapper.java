package dev.ponte.vendors.nuvemshop;

import dev.ponte.mapping.Credentials;
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
import dev.ponte.mapping.Storefront;
import dev.ponte.mapping.VendorApiUnavailable;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.LegalBase;
import dev.ponte.rd.events.OrderPlacedItemPayloadBuilder;
import dev.ponte.rd.events.OrderPlacedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Nuvemshop (Tiendanube): the webhook only names the order ({@code store_id, event, id}), so the
 * order is read back from the store's API. {@code order/created} becomes ORDER_PLACED with its
 * items and funnel event, {@code order/paid} SALE, {@code order/cancelled} OPPORTUNITY_LOST (the
 * legacy family); in RD's current family, {@link NuvemshopStages}.
 * Signed with the app secret ({@code x-linkedstore-hmac-sha256}, hex HMAC-SHA256 of the body);
 * deduplicated on store, event and order.
 */
@ApplicationScoped
public class NuvemshopMapper implements VendorMapper {

    static final String SIGNATURE = "x-linkedstore-hmac-sha256";
    private static final BodySignature BODY_SIGNATURE = new BodySignature("PONTE_VENDORS_NUVEMSHOP_SECRET",
            SIGNATURE, Signatures.Algorithm.SHA256, BodySignature.Encoding.HEX);
    private static final java.util.regex.Pattern NUMERIC_ID = java.util.regex.Pattern.compile("\\d{1,20}");
    private static final Set<String> MAPPED = Set.of("order/created", "order/paid", "order/cancelled");
    /** In the current family every order webhook is read for the stages the order has reached. */
    private static final Set<String> ORDER_NEWS = Set.of("order/created", "order/updated", "order/paid", "order/packed",
            "order/fulfilled", "order/cancelled", "order/edited", "order/pending", "order/voided", "order/unpacked");
    private static final Set<String> AWAITING_PAYMENT = Set.of("pending", "authorized");
    private static final Set<String> LOST = Set.of("voided", "refunded", "abandoned");

    private final NuvemshopConfig config;
    private final NuvemshopOrders orders;
    private final Storefront storefront;
    private final NuvemshopStages stages;

    @Inject
    public NuvemshopMapper(NuvemshopConfig config, NuvemshopOrders orders, Storefront storefront) {
        this.config = config;
        this.orders = orders;
        this.storefront = storefront;
        this.stages = new NuvemshopStages(config);
    }

    @Override
    public String vendor() {
        return "nuvemshop";
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("secret", "access-token");
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
        NuvemshopNotification notification = VendorJson.read(webhook.body(), NuvemshopNotification.class);
        if (notification.event() == null || notification.storeId() == null || notification.id() == null) {
            throw new MalformedPayload("A Nuvemshop webhook carries store_id, event and id.");
        }
        // Both go into the API's URL: Nuvemshop's ids are numbers, and nothing else is sent there.
        if (!NUMERIC_ID.matcher(notification.storeId()).matches()) {
            throw new MalformedPayload("store_id must be a Nuvemshop store number.", "$.body.store_id");
        }
        if (!NUMERIC_ID.matcher(notification.id()).matches()) {
            throw new MalformedPayload("id must be a Nuvemshop order number.", "$.body.id");
        }
        String event = notification.event();
        boolean current = storefront.current(config);
        if (current && !ORDER_NEWS.contains(event)) {
            return new MappingResult.Ignored(event, "Ponte maps Nuvemshop's order events.");
        }
        if (!current && !MAPPED.contains(event)) {
            return new MappingResult.Ignored(event, "Ponte maps order/created, order/paid and order/cancelled.");
        }
        NuvemshopOrder order;
        try {
            order = orders.fetch(notification.storeId(), notification.id());
        } catch (IllegalStateException e) {
            throw new VendorApiUnavailable(e.getMessage());
        }
        if (current) {
            return stages.map(event, order);
        }
        return new MappingResult.Mapped(event, deliveryId(notification), events(event, order));
    }

    /** The notification names its delivery, so a redelivery is known before the order is read back. */
    @Override
    public Optional<String> deliveryIdBeforeMapping(Webhook webhook) {
        try {
            NuvemshopNotification notification = VendorJson.read(webhook.body(), NuvemshopNotification.class);
            // In the current family the deliveries are the order's stages, known only once it is read.
            return storefront.current(config) || notification.storeId() == null || notification.id() == null
                    || notification.event() == null || !MAPPED.contains(notification.event())
                    ? Optional.empty() : Optional.of(deliveryId(notification));
        } catch (MalformedPayload e) {
            return Optional.empty(); // map() says what is wrong with it
        }
    }

    private static String deliveryId(NuvemshopNotification notification) {
        return notification.storeId() + ":" + notification.event() + ":" + notification.id();
    }

    /** The RD events for an event and the order it names; pure, so tests can hold it to the fixtures. */
    List<RdEvent> events(String event, NuvemshopOrder order) {
        String email = email(order);
        return switch (event) {
            case "order/created" -> placed(order, email);
            case "order/paid" -> OrderFunnel.events(OrderFunnel.Stage.PAID, email, total(order), null, config);
            default -> OrderFunnel.events(OrderFunnel.Stage.LOST, email, null,
                    order.cancelReason() != null ? order.cancelReason() : "cancelled", config);
        };
    }

    private List<RdEvent> placed(NuvemshopOrder order, String email) {
        String name = order.customer() != null && order.customer().name() != null ? order.customer().name() : order.contactName();
        List<LegalBase> legal = LegalBases.orDefault(List.of(), config);
        List<NuvemshopOrder.Product> products = order.products() == null ? List.of() : order.products();
        String orderId = order.number() != null ? order.number() : order.id();
        String method = order.paymentDetails() == null ? null : order.paymentDetails().method();
        List<RdEvent> events = new ArrayList<>();
        events.add(RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .name(name)
                .email(email)
                .cfOrderId(orderId)
                .cfOrderTotalItems(products.stream().mapToInt(p -> p.quantity() == null ? 1 : p.quantity()).sum())
                .cfOrderStatus(order.paymentStatus())
                .cfOrderPaymentMethod(PaymentMethods.of(method, order.gateway()))
                .cfOrderPaymentAmount(total(order))
                .legalBases(legal)
                .build()));
        for (NuvemshopOrder.Product product : products) {
            events.add(RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                    .name(name)
                    .email(email)
                    .cfOrderId(orderId)
                    .cfOrderProductId(product.productId())
                    .cfOrderProductSku(sku(product))
                    .legalBases(legal)
                    .build()));
        }
        events.addAll(OrderFunnel.events(stageAtCreation(order), email, total(order), lostReason(order), config));
        return events;
    }

    private static OrderFunnel.Stage stageAtCreation(NuvemshopOrder order) {
        String payment = order.paymentStatus() == null ? "" : order.paymentStatus();
        if ("cancelled".equals(order.status()) || LOST.contains(payment)) {
            return OrderFunnel.Stage.LOST;
        }
        // A paid order's SALE comes with order/paid, which Nuvemshop sends for it too.
        return AWAITING_PAYMENT.contains(payment) ? OrderFunnel.Stage.AWAITING_PAYMENT : OrderFunnel.Stage.NONE;
    }

    private static String lostReason(NuvemshopOrder order) {
        return order.cancelReason() != null ? order.cancelReason() : order.paymentStatus();
    }

    /** The order's total; older API versions name it {@code price}. */
    private static BigDecimal total(NuvemshopOrder order) {
        return Money.of(order.total() != null ? order.total() : order.price());
    }

    private static String email(NuvemshopOrder order) {
        return Contacts.email(order.contactEmail(), order.customer() == null ? null : order.customer().email());
    }

    private static String sku(NuvemshopOrder.Product product) {
        return Products.sku(product.sku(), product.variantId(), product.productId());
    }
}
