package dev.ponte.rd.events;

import io.soabase.recordbuilder.core.RecordBuilder;
/** OPPORTUNITY_LOST: an opportunity lost, with the reason when known. */
@RecordBuilder
public record OpportunityLostPayload(String email, String funnelName, String reason) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.OPPORTUNITY_LOST;
    }
}
