package dev.ponte.delivery;

import dev.ponte.delivery.state.StateStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The replay defence every vendor shares. Most vendors sign the body and nothing else: a captured
 * body and its signature stay valid forever, and the delivery id and topic travel in headers anyone
 * can change. So the first delivery of each signed body (per vendor and topic) is remembered, with
 * the delivery keys it was mapped to, for the dedupe TTL; the same body arriving again under other
 * delivery keys is a replay, acknowledged and not delivered. The vendor's own retries keep their
 * delivery id, so they pass on to the usual deduplication.
 */
@ApplicationScoped
public class ReplayGuard {

    private final StateStore store;
    private final DedupeConfig config;

    @Inject
    public ReplayGuard(StateStore store, DedupeConfig config) {
        this.store = store;
        this.config = config;
    }

    /**
     * Whether {@code body}, signed and sent as {@code topic}, was first delivered under keys other
     * than {@code deliveryKeys}. Atomic across instances: of two racing copies, one is the first.
     * Throws {@link StateUnavailable} when the store cannot say: nothing may be sent then.
     */
    public boolean isReplay(String vendor, String topic, byte[] body, String deliveryKeys) {
        String fingerprint = "replay:" + vendor + ":" + digest(topic, body);
        Optional<String> first;
        try {
            first = store.rememberFirst(fingerprint, deliveryKeys, config.replayWindow());
        } catch (RuntimeException e) {
            throw new StateUnavailable("checking for a replay", e);
        }
        return first.isPresent() && !first.get().equals(deliveryKeys);
    }

    private static String digest(String topic, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(String.valueOf(topic).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(body == null ? new byte[0] : body);
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
