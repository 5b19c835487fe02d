package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
/** OPPORTUNITY: marks an existing contact as an opportunity in a funnel. */
@RecordBuilder
public record OpportunityPayload(String email, String funnelName) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.OPPORTUNITY;
    }
}
