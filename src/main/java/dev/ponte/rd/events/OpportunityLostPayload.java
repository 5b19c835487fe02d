package dev.ponte.rd.events;

/** OPPORTUNITY_LOST: an opportunity lost, with the reason when known. */
public record OpportunityLostPayload(String email, String funnelName, String reason) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.OPPORTUNITY_LOST;
    }
}
