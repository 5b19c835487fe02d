package dev.ponte.webhook;

import dev.ponte.delivery.Platform;
import dev.ponte.delivery.state.StateStore;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server's first webhook pays for loading and first running everything its path uses (most of
 * a second on a small machine). Once the server listens, the webhook path is walked once on a
 * worker thread ({@link WebhookPathPriming}: nothing sent, claimed or recorded) and the state store
 * opened, so that a webhook arriving at once finds part of that done beside it and one arriving
 * later finds all of it. It begins once the socket is bound, the last step of the start, so the
 * start is not made longer (begun at {@code StartupEvent} instead, it lengthened {@code started}).
 * {@code PONTE_WARM_UP=false} turns it off. Not on Lambda, whose function answers no socket and is
 * frozen between invocations (SnapStart's hook walks the same path before its snapshot).
 */
@Singleton
public class FirstWebhookWarmUp {

    @Inject
    EdgeConfig config;

    @Inject
    Instance<WebhookPathPriming> path;

    @Inject
    Instance<StateStore> store;

    @Inject
    Clock clock;

    private final AtomicBoolean started = new AtomicBoolean();

    void warm(@ObservesAsync HttpServerStart listening) {
        if (!config.warmUp() || Platform.current().lambda() || !started.compareAndSet(false, true)) {
            return;
        }
        long begin = clock.millis();
        try {
            store.get().unavailable(); // made (the embedded store's file opened), not written
            int events = path.get().prime();
            Log.infof("webhook path warmed up in %d ms (%d RD events built, nothing sent)", clock.millis() - begin, events);
        } catch (RuntimeException e) {
            // Only the first webhook's speed depends on it: that webhook loads what it needs itself.
            Log.infof("warming up the webhook path stopped (%s); the first webhook loads what it needs", e.getMessage());
        }
    }
}
