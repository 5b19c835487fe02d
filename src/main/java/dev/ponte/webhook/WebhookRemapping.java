package dev.ponte.webhook;

import dev.ponte.delivery.Cause;
import dev.ponte.delivery.DeadLetter;
import dev.ponte.delivery.Remapping;
import dev.ponte.mapping.FormBody;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MapperRegistry;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorApiUnavailable;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Webhook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/** Maps a parked webhook again through its vendor's mapper, as if it had just arrived. */
@ApplicationScoped
public class WebhookRemapping implements Remapping {

    @Inject
    MapperRegistry mappers;

    @Inject
    WebhookMapping mapping;

    @Override
    public Remapped remap(DeadLetter letter) {
        DeadLetter.StoredRequest request = letter.delivery().request();
        String vendor = letter.delivery().source();
        Optional<VendorMapper> mapper = mappers.find(vendor);
        if (request == null || mapper.isEmpty()) {
            return new Remapped(List.of(), Cause.INVALID, "The parked request of '" + vendor + "' cannot be mapped again.",
                    null);
        }
        Webhook webhook = mapping.webhook(vendor, request.path(), request.query(), request.headers(),
                FormBody.parse(request.query()), request.body(), request.path());
        MappingResult result;
        try {
            result = mapper.get().map(webhook);
        } catch (VendorApiUnavailable e) {
            return new Remapped(List.of(), Cause.VENDOR_API_UNAVAILABLE, e.getMessage(), null);
        } catch (MalformedPayload e) {
            return new Remapped(List.of(), Cause.INVALID, "The parked request is malformed: " + e.getMessage(), null);
        }
        if (result instanceof MappingResult.Unresolved unresolved) {
            return new Remapped(List.of(), Cause.NO_CONTACT, unresolved.reason(), unresolved.waitingFor());
        }
        if (result instanceof MappingResult.Mapped || result instanceof MappingResult.Several) {
            return new Remapped(WebhookMapping.deliveries(vendor, result, request).stream()
                    .flatMap(d -> d.events().stream()).toList(), null, null, null);
        }
        return new Remapped(List.of(), Cause.INVALID, "The parked request maps to nothing to deliver now.", null);
    }
}
