package dev.ponte.webhook;

import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Remapping;
import dev.ponte.mapping.FormBody;
import dev.ponte.mapping.MapperRegistry;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Replays a parked webhook through its vendor's mapper, as if it had just arrived. */
@ApplicationScoped
public class WebhookRemapping implements Remapping {

    @Inject
    MapperRegistry mappers;

    @Inject
    EdgeConfig edge;

    @Inject
    Clock clock;

    @Override
    public Remapped remap(DeadLetter letter) {
        DeadLetter.StoredRequest request = letter.request();
        Optional<VendorMapper> mapper = mappers.find(letter.source());
        if (request == null || mapper.isEmpty()) {
            return new Remapped(List.of(), "The parked request of '" + letter.source() + "' cannot be mapped again.");
        }
        String query = request.query();
        String called = edge.publicUrl().filter(u -> !u.isBlank())
                .map(base -> (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + request.path()
                        + (query == null ? "" : "?" + query))
                .orElse(request.path());
        Webhook webhook = new Webhook(letter.source(), request.path(), query, request.headers(),
                FormBody.parse(query), request.body(), clock.instant(), called);
        MappingResult result = mapper.get().map(webhook);
        if (result instanceof MappingResult.Mapped mapped) {
            return new Remapped(mapped.events(), null);
        }
        if (result instanceof MappingResult.Several several) {
            List<RdEvent> events = several.deliveries().stream().flatMap(d -> d.events().stream()).toList();
            return new Remapped(events, null);
        }
        if (result instanceof MappingResult.Unresolved unresolved) {
            return new Remapped(List.of(), unresolved.reason());
        }
        return new Remapped(List.of(), "The parked request maps to nothing to deliver.");
    }
}
