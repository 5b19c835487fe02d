package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
import java.math.BigDecimal;

/** SALE: an opportunity won. {@code value} is RD's Float, kept exact as a decimal. */
@RecordBuilder
public record SalePayload(String email, String funnelName, BigDecimal value) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.SALE;
    }
}
