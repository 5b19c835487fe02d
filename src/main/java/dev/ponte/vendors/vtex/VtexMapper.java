package dev.ponte.vendors.vtex;

import dev.ponte.mapping.Credentials;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * VTEX: the orders hook says which order moved to which state; the order is read back from OMS.
 * States arrive in any order and one state may repeat, so each stage is its own delivery keyed
 * by order: {@code -created} (ORDER_PLACED with its items, sent with whichever state comes first),
 * {@code -paid} (SALE) and {@code -lost} (OPPORTUNITY_LOST), in the legacy family; in RD's current
 * family, {@link VtexStages}.
 */
@ApplicationScoped
public class VtexMapper implements VendorMapper {

    private static final Pattern PING = Pattern.compile("\\{\\s*\"hookConfig\"\\s*:\\s*\"ping\"\\s*}");
    private static final Set<String> AWAITING_PAYMENT = Set.of("order-created", "payment-pending");
    private static final Set<String> PAID = Set.of("payment-approved", "ready-for-handling", "handling", "invoiced");
    private static final java.util.regex.Pattern ACCOUNT = java.util.regex.Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final java.util.regex.Pattern ORDER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9-]{1,64}");
    private static final Set<String> LOST = Set.of("canceled", "cancel");

    private final VtexConfig config;
    private final VtexOrders orders;
    private final Storefront storefront;
    private final VtexStages stages;

    @Inject
    public VtexMapper(VtexConfig config, VtexOrders orders, Storefront storefront) {
        this.config = config;
        this.orders = orders;
        this.storefront = storefront;
        this.stages = new VtexStages(config);
    }

    @Override
    public String vendor() {
        return "vtex";
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("secret", "app-key", "app-token");
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(config.hookHeader());
    }

    @Override
    public Verification verify(Webhook webhook) {
        String given = webhook.header(config.hookHeader());
        if (given == null) {
            return Verification.refused("The " + config.hookHeader() + " header is missing: set it in the hook"
                    + " configuration's headers to PONTE_VENDORS_VTEX_SECRET.");
        }
        return Signatures.sameToken(given, config.secret().orElseThrow())
                ? Verification.GENUINE
                : Verification.refused(config.hookHeader() + " is not PONTE_VENDORS_VTEX_SECRET.");
    }

    @Override
    public MappingResult map(Webhook webhook) {
        if (PING.matcher(webhook.bodyText().trim()).matches()) {
            return new MappingResult.Reply("hookConfig ping", 200, "application/json", "{\"outcome\":\"pong\"}");
        }
        VtexHook hook = VendorJson.readCamelCase(webhook.body(), VtexHook.class);
        if (hook.orderId() == null || hook.state() == null) {
            throw new MalformedPayload("A VTEX hook carries OrderId and State.");
        }
        // The order id goes into the OMS URL: VTEX's are letters, digits and dashes.
        if (!ORDER_ID.matcher(hook.orderId()).matches()) {
            throw new MalformedPayload("OrderId must be a VTEX order id such as 1172452900788-01.", "$.body.OrderId");
        }
        // The account names the host Ponte calls: only a VTEX account name may go there.
        if (hook.origin() != null && hook.origin().account() != null && !ACCOUNT.matcher(hook.origin().account()).matches()) {
            throw new MalformedPayload("Origin.Account must be a VTEX account name.", "$.body.Origin.Account");
        }
        // In the current family the order read back decides, whatever the state: hooks configured
        // by expression (a carrier's delivery) carry states no list names.
        boolean current = storefront.current(config);
        OrderFunnel.Stage stage = stage(hook.state());
        if (!current && stage == OrderFunnel.Stage.NONE) {
            return new MappingResult.Ignored(hook.state(), "State '" + hook.state() + "' has no RD event.");
        }
        VtexOrder order;
        try {
            order = orders.fetch(hook.origin() == null ? null : hook.origin().account(), hook.orderId());
        } catch (IllegalStateException e) {
            throw new VendorApiUnavailable(e.getMessage());
        }
        if (current) {
            return stages.map(hook.state(), order);
        }
        return new MappingResult.Several(hook.state(), deliveries(hook, order));
    }

    /** The deliveries for a hook and the order it names; pure, so tests can hold it to the fixtures. */
    List<MappingResult.Mapped> deliveries(VtexHook hook, VtexOrder order) {
        OrderFunnel.Stage stage = stage(hook.state());
        String email = email(order);
        List<MappingResult.Mapped> deliveries = new ArrayList<>();
        if (stage != OrderFunnel.Stage.LOST) {
            List<RdEvent> placed = placed(order, email);
            if (stage == OrderFunnel.Stage.AWAITING_PAYMENT) {
                placed.addAll(OrderFunnel.events(stage, email, Money.cents(order.value()), null, config));
            }
            deliveries.add(new MappingResult.Mapped(hook.state(), hook.orderId() + "-created", placed));
        }
        if (stage == OrderFunnel.Stage.PAID || stage == OrderFunnel.Stage.LOST) {
            String reason = order.cancelReason() != null ? order.cancelReason() : "canceled";
            deliveries.add(new MappingResult.Mapped(hook.state(), hook.orderId() + (stage == OrderFunnel.Stage.PAID ? "-paid" : "-lost"),
                    OrderFunnel.events(stage, email, Money.cents(order.value()), reason, config)));
        }
        return deliveries;
    }

    private List<RdEvent> placed(VtexOrder order, String email) {
        VtexOrder.ClientProfileData client = order.clientProfileData();
        String name = client == null ? null : Contacts.name(client.firstName(), client.lastName());
        List<LegalBase> legal = LegalBases.orDefault(List.of(), config);
        List<VtexOrder.Item> items = order.items() == null ? List.of() : order.items();
        List<RdEvent> events = new ArrayList<>();
        events.add(RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .name(name)
                .email(email)
                .cfOrderId(order.orderId())
                .cfOrderTotalItems(items.stream().mapToInt(i -> i.quantity() == null ? 1 : i.quantity()).sum())
                .cfOrderStatus(order.status())
                .cfOrderPaymentMethod(PaymentMethods.of(paymentMethods(order)))
                .cfOrderPaymentAmount(Money.cents(order.value()))
                .legalBases(legal)
                .build()));
        for (VtexOrder.Item item : items) {
            events.add(RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                    .name(name)
                    .email(email)
                    .cfOrderId(order.orderId())
                    .cfOrderProductId(item.productId())
                    .cfOrderProductSku(Products.sku(item.refId(), item.id(), item.productId()))
                    .legalBases(legal)
                    .build()));
        }
        return events;
    }

    private static List<String> paymentMethods(VtexOrder order) {
        List<String> methods = new ArrayList<>();
        if (order.paymentData() != null && order.paymentData().transactions() != null) {
            order.paymentData().transactions().forEach(t -> {
                if (t.payments() != null) {
                    t.payments().forEach(p -> {
                        methods.add(p.group());
                        methods.add(p.paymentSystemName());
                    });
                }
            });
        }
        return methods;
    }

    private static OrderFunnel.Stage stage(String state) {
        if (AWAITING_PAYMENT.contains(state)) {
            return OrderFunnel.Stage.AWAITING_PAYMENT;
        }
        if (PAID.contains(state)) {
            return OrderFunnel.Stage.PAID;
        }
        return LOST.contains(state) ? OrderFunnel.Stage.LOST : OrderFunnel.Stage.NONE;
    }

    private static String email(VtexOrder order) {
        return order.clientProfileData() == null ? null : Contacts.email(order.clientProfileData().email());
    }
}
