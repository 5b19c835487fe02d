package dev.ponte.mapping;

import dev.ponte.rd.events.RdEvent;
import java.util.List;

/** What a mapper made of a webhook. */
public sealed interface MappingResult {

    /**
     * RD events to deliver. {@code deliveryId} identifies this delivery for dedupe: the vendor's
     * delivery id, or a key derived from the payload where the vendor sends none. {@code facts}:
     * what Ponte keeps once RD has accepted them (a visitor's email, a join time).
     * {@code deferred}: events to send later unless cancelled, and waits this webhook cancels.
     */
    record Mapped(String topic, String deliveryId, List<RdEvent> events, List<Fact> facts, List<Deferred> deferred)
            implements MappingResult {
        public Mapped {
            topic = shown(topic);
            events = List.copyOf(events);
            facts = List.copyOf(facts);
            deferred = List.copyOf(deferred);
        }

        public Mapped(String topic, String deliveryId, List<RdEvent> events, List<Fact> facts) {
            this(topic, deliveryId, events, facts, List.of());
        }

        public Mapped(String topic, String deliveryId, List<RdEvent> events) {
            this(topic, deliveryId, events, List.of(), List.of());
        }
    }

    /**
     * Several deliveries from one webhook, each deduplicated on its own: how a vendor without
     * one topic per funnel stage still sends each stage once (e.g. {@code order-727-paid}).
     */
    record Several(String topic, List<Mapped> deliveries) implements MappingResult {
        public Several {
            topic = shown(topic);
            deliveries = List.copyOf(deliveries);
        }
    }

    /**
     * A genuine delivery that cannot become RD events yet: no email for the phone number
     * {@code waitingFor}. It is parked with its raw request and this reason, and mapped again as
     * soon as Ponte learns that number's email.
     */
    record Unresolved(String topic, String deliveryId, String reason, String waitingFor) implements MappingResult {
        public Unresolved {
            topic = shown(topic);
        }
    }

    /** A topic this mapper does not turn into events: acknowledged, so the vendor keeps the endpoint. */
    record Ignored(String topic, String why) implements MappingResult {
        public Ignored {
            topic = shown(topic);
            why = why != null && why.length() > 4 * MAX_TOPIC ? why.substring(0, 4 * MAX_TOPIC) + "…" : why;
        }
    }

    /** The vendor expects a particular answer (a ping, a URL validation challenge), and nothing is delivered. */
    record Reply(String topic, int status, String contentType, String body) implements MappingResult {
        public Reply {
            topic = shown(topic);
        }
    }

    /** The longest topic Ponte repeats in answers and logs: the topic is the sender's text, unsigned for some vendors. */
    int MAX_TOPIC = 200;

    private static String shown(String topic) {
        return topic != null && topic.length() > MAX_TOPIC ? topic.substring(0, MAX_TOPIC) + "…" : topic;
    }
}
