package dev.ponte.mapping;

import dev.ponte.rd.events.OpportunityLostPayloadBuilder;
import dev.ponte.rd.events.OpportunityPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.SalePayloadBuilder;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * RD's funnel, from an order's life, the same for every store: created and not yet paid →
 * OPPORTUNITY; paid → SALE with the order's total; cancelled, voided, refunded or expired →
 * OPPORTUNITY_LOST with the reason. Each vendor only says which stage its order is in.
 */
public final class OrderFunnel {

    /** Where an order stands, as far as the funnel cares. */
    public enum Stage { AWAITING_PAYMENT, PAID, LOST, NONE }

    private OrderFunnel() {
    }

    /** The funnel event for this order, if its stage has one and the vendor's settings enable it. */
    public static List<RdEvent> events(Stage stage, String email, BigDecimal total, String lostReason,
            VendorSettings settings) {
        List<String> enabled = settings.funnelEvents().stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).toList();
        String funnel = settings.funnel();
        return switch (stage) {
            case AWAITING_PAYMENT -> enabled.contains("opportunity")
                    ? List.of(RdEvent.of(OpportunityPayloadBuilder.builder().email(email).funnelName(funnel).build())) : List.of();
            case PAID -> enabled.contains("sale") ? List.of(RdEvent.of(SalePayloadBuilder.builder()
                    .email(email)
                    .funnelName(funnel)
                    .value(total)
                    .build())) : List.of();
            case LOST -> enabled.contains("lost")
                    ? List.of(RdEvent.of(OpportunityLostPayloadBuilder.builder()
                            .email(email)
                            .funnelName(funnel)
                            .reason(lostReason)
                            .build())) : List.of();
            case NONE -> List.of();
        };
    }
}
