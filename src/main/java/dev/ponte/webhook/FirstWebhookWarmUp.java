package dev.ponte.webhook;

import dev.ponte.delivery.Platform;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.RdAccessTokens;
import dev.ponte.rd.RdCredentialsRefused;
import io.quarkus.logging.Log;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server's first webhook pays for loading and first running everything its path uses, and for
 * RD's access token (most of a second on a small machine). Once the server listens, a worker
 * thread opens the state store, walks the webhook path ({@link WebhookPathPriming}: no event
 * sent, nothing claimed or recorded) and fetches RD's access token, so that a webhook arriving at
 * once finds part of that done beside it and one arriving later finds all of it; and a refused
 * credential is in the log at start, not at the first order. It begins once the socket is bound,
 * the last step of the start, so the start is not made longer (begun at {@code StartupEvent}
 * instead, it lengthened {@code started}). {@code PONTE_WARM_UP=false} turns it off. Not on
 * Lambda, whose function answers no socket and is frozen between invocations (SnapStart's hook
 * walks the same path before its snapshot, without the token).
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
    Instance<RdAccessTokens> tokens;

    @Inject
    Clock clock;

    private final AtomicBoolean started = new AtomicBoolean();

    void warm(@ObservesAsync HttpServerStart listening) {
        if (!config.warmUp() || Platform.current().lambda() || !started.compareAndSet(false, true)) {
            return;
        }
        long begin = clock.millis();
        int events;
        try {
            store.get().unavailable(); // made (the embedded store's file opened), not written
            events = path.get().prime();
        } catch (RuntimeException e) {
            // Only the first webhook's speed depends on it: that webhook loads what it needs itself.
            Log.infof("warming up the webhook path stopped (%s); the first webhook loads what it needs", e.getMessage());
            return;
        }
        String token;
        try {
            token = tokens.get().fetchAhead() ? ", RD's access token fetched" : "";
        } catch (RdCredentialsRefused e) {
            Log.warnf("RD's access token could not be fetched: %s", e.getMessage());
            token = ", no RD access token";
        } catch (RuntimeException e) {
            // RD unreachable or busy: the first webhook asks again, under the usual retries.
            Log.infof("RD's access token could not be fetched yet (%s)", e.getMessage());
            token = ", no RD access token yet";
        }
        Log.infof("webhook path warmed up in %d ms (%d RD events built, none sent%s)", clock.millis() - begin, events, token);
    }
}
