package dev.ponte.webhook;

import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.Origin;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * The two halves around a mapper, shared by a webhook that just arrived and one mapped again
 * from its dead letter: the {@link Webhook} it is given, and the deliveries its result stands for.
 */
@ApplicationScoped
public class WebhookMapping {

    private final EdgeConfig edge;
    private final Clock clock;

    @Inject
    public WebhookMapping(EdgeConfig edge, Clock clock) {
        this.edge = edge;
        this.clock = clock;
    }

    /**
     * The webhook as its mapper sees it. The URL the vendor called is the public URL's when one
     * is set (behind a gateway the request's own differs, and some vendors sign the URL), else
     * {@code requestUrl}.
     */
    public Webhook webhook(String vendor, String path, String query, Map<String, String> headers,
            Map<String, List<String>> queryParameters, byte[] body, String requestUrl) {
        String called = edge.publicUrl().filter(u -> !u.isBlank())
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path
                        + (query == null ? "" : "?" + query))
                .orElse(requestUrl);
        return new Webhook(vendor, path, query, headers, queryParameters, body, clock.instant(), called);
    }

    /** What the parts of a mapped webhook ask of the future, in order. */
    public static List<dev.ponte.mapping.Deferred> deferred(MappingResult result) {
        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several ? several.deliveries()
                : List.of((MappingResult.Mapped) result);
        return parts.stream().flatMap(part -> part.deferred().stream()).toList();
    }

    /** The deliveries of a mapped webhook, one per part, each with its own key; parts without events are left out. */
    public static List<Delivery> deliveries(String vendor, MappingResult result, DeadLetter.StoredRequest request) {
        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several ? several.deliveries()
                : List.of((MappingResult.Mapped) result);
        return parts.stream().filter(part -> !part.events().isEmpty())
                .map(part -> Delivery.builder().source(vendor).topic(part.topic()).deliveryId(part.deliveryId()).events(part.events())
                        .facts(part.facts()).origin(Origin.WEBHOOK).request(request).build())
                .toList();
    }
}
