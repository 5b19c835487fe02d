package dev.ponte.testing;

import dev.ponte.mapping.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/** Builds {@link Webhook}s from fixtures for mapper unit tests. */
public final class Webhooks {

    private Webhooks() {
    }

    public static Webhook of(String vendor, Map<String, String> headers, String body) {
        return new Webhook(vendor, "/webhooks/" + vendor, null, headers, Map.of(),
                body.getBytes(StandardCharsets.UTF_8), Instant.parse("2026-11-27T12:00:00Z"),
                "https://ponte.example/webhooks/" + vendor);
    }
}
