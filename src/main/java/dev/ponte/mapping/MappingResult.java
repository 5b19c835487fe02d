package dev.ponte.mapping;

import dev.ponte.rd.events.RdEvent;
import java.util.List;

/** What a mapper made of a webhook. */
public sealed interface MappingResult {

    /**
     * RD events to deliver. {@code deliveryId} identifies this delivery for dedupe: the vendor's
     * delivery id, or a key derived from the payload where the vendor sends none.
     */
    record Mapped(String topic, String deliveryId, List<RdEvent> events) implements MappingResult {
        public Mapped {
            events = List.copyOf(events);
        }
    }

    /**
     * Several deliveries from one webhook, each deduplicated on its own: how a vendor without
     * one topic per funnel stage still sends each stage once (e.g. {@code order-727-paid}).
     */
    record Several(String topic, List<Mapped> deliveries) implements MappingResult {
        public Several {
            deliveries = List.copyOf(deliveries);
        }
    }

    /**
     * A genuine delivery that cannot become RD events yet (no email for a phone number, say).
     * It is parked with its raw request and this reason, so it is seen and can be mapped again.
     */
    record Unresolved(String topic, String deliveryId, String reason) implements MappingResult {
    }

    /** A topic this mapper does not turn into events: acknowledged, so the vendor keeps the endpoint. */
    record Ignored(String topic, String why) implements MappingResult {
    }

    /** The vendor expects a particular answer (a ping, a URL validation challenge), and nothing is delivered. */
    record Reply(String topic, int status, String contentType, String body) implements MappingResult {
    }
}
