package dev.ponte.rd.events;

/** OPPORTUNITY: marks an existing contact as an opportunity in a funnel. */
public record OpportunityPayload(String email, String funnelName) implements RdPayload {

    @Override
    public EventType eventType() {
        return EventType.OPPORTUNITY;
    }
}
