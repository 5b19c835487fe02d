package dev.ponte.vendors.woocommerce;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * WooCommerce. In RD's current e-commerce family, {@link WooStages}. In the legacy family:
 * {@code order.created} becomes ORDER_PLACED with its items and the funnel event of
 * its status; {@code order.updated} becomes the funnel event of its new status. WooCommerce sends
 * {@code order.updated} on every save, so each funnel stage is its own delivery keyed by order
 * and stage ({@code order-727-paid}): a SALE reaches RD once however often the order is saved,
 * and whichever of created and updated arrives first.
 */
@ApplicationScoped
public class WooCommerceMapper implements VendorMapper {

    static final String SIGNATURE = "X-WC-Webhook-Signature";
    private static final BodySignature BODY_SIGNATURE = new BodySignature("PONTE_VENDORS_WOOCOMMERCE_SECRET",
            SIGNATURE, Signatures.Algorithm.SHA256, BodySignature.Encoding.BASE64);
    static final String TOPIC = "X-WC-Webhook-Topic";
    private static final Pattern PING = Pattern.compile("webhook_id=\\d+");
    private static final Set<String> AWAITING_PAYMENT = Set.of("pending", "on-hold");
    private static final Set<String> PAID = Set.of("processing", "completed");
    private static final Set<String> LOST = Set.of("cancelled", "refunded", "failed");

    private final WooCommerceConfig config;
    private final Storefront storefront;
    private final WooStages stages;

    @Inject
    public WooCommerceMapper(WooCommerceConfig config, Storefront storefront) {
        this.config = config;
        this.storefront = storefront;
        this.stages = new WooStages(config);
    }

    @Override
    public String vendor() {
        return "woocommerce";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(SIGNATURE);
    }

    @Override
    public Verification verify(Webhook webhook) {
        if (isPing(webhook)) {
            return Verification.GENUINE; // WooCommerce's activation ping is unsigned and carries nothing to deliver
        }
        return BODY_SIGNATURE.check(config, webhook);
    }

    @Override
    public MappingResult map(Webhook webhook) {
        if (isPing(webhook)) {
            return new MappingResult.Reply("ping", 200, "application/json", "{\"outcome\":\"pong\"}");
        }
        String topic = webhook.header(TOPIC);
        if (topic == null) {
            throw new MalformedPayload("The " + TOPIC + " header is missing.", "$.headers." + TOPIC);
        }
        if (storefront.current(config) && (topic.equals("order.created") || topic.equals("order.updated"))) {
            WooOrder order = VendorJson.read(webhook.body(), WooOrder.class);
            requireId(order);
            return stages.map(topic, order);
        }
        return switch (topic) {
            case "order.created" -> created(topic, VendorJson.read(webhook.body(), WooOrder.class));
            case "order.updated" -> updated(topic, VendorJson.read(webhook.body(), WooOrder.class));
            default -> new MappingResult.Ignored(topic, "Ponte maps order.created and order.updated.");
        };
    }

    private MappingResult created(String topic, WooOrder order) {
        requireId(order);
        String email = email(order);
        String name = order.billing() == null ? null : Contacts.name(order.billing().firstName(), order.billing().lastName());
        List<LegalBase> legal = LegalBases.orDefault(List.of(), config);
        List<WooOrder.LineItem> lines = order.lineItems() == null ? List.of() : order.lineItems();
        List<RdEvent> placed = new ArrayList<>();
        placed.add(RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .name(name)
                .email(email)
                .cfOrderId(orderId(order))
                .cfOrderTotalItems(lines.stream().mapToInt(l -> l.quantity() == null ? 1 : l.quantity()).sum())
                .cfOrderStatus(order.status())
                .cfOrderPaymentMethod(PaymentMethods.of(order.paymentMethod(), order.paymentMethodTitle()))
                .cfOrderPaymentAmount(Money.of(order.total()))
                .legalBases(legal)
                .build()));
        for (WooOrder.LineItem line : lines) {
            placed.add(RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                    .name(name)
                    .email(email)
                    .cfOrderId(orderId(order))
                    .cfOrderProductId(line.productId())
                    .cfOrderProductSku(sku(line))
                    .legalBases(legal)
                    .build()));
        }
        OrderFunnel.Stage stage = stage(order.status());
        List<MappingResult.Mapped> deliveries = new ArrayList<>();
        if (stage == OrderFunnel.Stage.AWAITING_PAYMENT) {
            placed.addAll(funnel(stage, order, email));
        }
        deliveries.add(new MappingResult.Mapped(topic, key(order, "created"), placed));
        if (stage == OrderFunnel.Stage.PAID || stage == OrderFunnel.Stage.LOST) {
            deliveries.add(new MappingResult.Mapped(topic, key(order, stageKey(stage)), funnel(stage, order, email)));
        }
        return new MappingResult.Several(topic, deliveries);
    }

    private MappingResult updated(String topic, WooOrder order) {
        requireId(order);
        OrderFunnel.Stage stage = stage(order.status());
        if (stage != OrderFunnel.Stage.PAID && stage != OrderFunnel.Stage.LOST) {
            return new MappingResult.Ignored(topic, "Status '" + order.status() + "' has no RD funnel event.");
        }
        return new MappingResult.Mapped(topic, key(order, stageKey(stage)), funnel(stage, order, email(order)));
    }

    private List<RdEvent> funnel(OrderFunnel.Stage stage, WooOrder order, String email) {
        return OrderFunnel.events(stage, email, Money.of(order.total()), order.status(), config);
    }

    private static OrderFunnel.Stage stage(String status) {
        if (status == null) {
            return OrderFunnel.Stage.NONE;
        }
        if (AWAITING_PAYMENT.contains(status)) {
            return OrderFunnel.Stage.AWAITING_PAYMENT;
        }
        if (PAID.contains(status)) {
            return OrderFunnel.Stage.PAID;
        }
        return LOST.contains(status) ? OrderFunnel.Stage.LOST : OrderFunnel.Stage.NONE;
    }

    private static String stageKey(OrderFunnel.Stage stage) {
        return stage == OrderFunnel.Stage.PAID ? "paid" : "lost";
    }

    private static String key(WooOrder order, String stage) {
        return "order-" + order.id() + "-" + stage;
    }

    private static String orderId(WooOrder order) {
        return order.number() != null && !order.number().isBlank() ? order.number() : order.id();
    }

    private static String email(WooOrder order) {
        return order.billing() == null ? null : Contacts.email(order.billing().email());
    }

    private static String sku(WooOrder.LineItem line) {
        return Products.sku(line.sku(), line.variationId(), line.productId());
    }

    private static void requireId(WooOrder order) {
        if (order.id() == null) {
            throw new MalformedPayload("The order has no id.", "$.body.id");
        }
    }

    private static boolean isPing(Webhook webhook) {
        return webhook.header(TOPIC) == null && PING.matcher(webhook.bodyText().trim()).matches();
    }
}
