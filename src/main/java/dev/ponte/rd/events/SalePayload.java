package dev.ponte.rd.events;

import java.math.BigDecimal;

/** SALE: an opportunity won. {@code value} is RD's Float, kept exact as a decimal. */
public record SalePayload(String email, String funnelName, BigDecimal value) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.SALE;
    }
}
