package dev.ponte.mapping;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC signatures as vendors compute them, checked in constant time. Written once for every
 * vendor: SHA-1 or SHA-256, hex or base64, and a replay window for vendors that sign a time.
 */
public final class Signatures {

    public enum Algorithm {
        SHA1("HmacSHA1"), SHA256("HmacSHA256");

        final String jca;

        Algorithm(String jca) {
            this.jca = jca;
        }
    }

    private Signatures() {
    }

    public static byte[] hmac(Algorithm algorithm, String secret, byte[] content) {
        try {
            Mac mac = Mac.getInstance(algorithm.jca);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm.jca));
            return mac.doFinal(content);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(algorithm.jca + " is part of every JDK", e);
        }
    }

    public static String base64(Algorithm algorithm, String secret, byte[] content) {
        return Base64.getEncoder().encodeToString(hmac(algorithm, secret, content));
    }

    public static String hex(Algorithm algorithm, String secret, byte[] content) {
        return HexFormat.of().formatHex(hmac(algorithm, secret, content));
    }

    /** Whether {@code given} is the base64 HMAC of {@code content}. */
    public static boolean matchesBase64(Algorithm algorithm, String secret, byte[] content, String given) {
        if (given == null || secret == null) {
            return false;
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(given.trim());
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(hmac(algorithm, secret, content), decoded);
    }

    /** Whether {@code given} is the hex HMAC of {@code content} (either case). */
    public static boolean matchesHex(Algorithm algorithm, String secret, byte[] content, String given) {
        if (given == null || secret == null) {
            return false;
        }
        byte[] expected = hex(algorithm, secret, content).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether {@code given} is {@code secret}, compared in constant time: for vendors that prove themselves with a token. */
    public static boolean sameToken(String given, String secret) {
        return given != null && secret != null
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a signed timestamp is recent: no older than {@code maxAge}, and no further in the
     * future than {@code maxSkew} (clocks differ; a far-future stamp is a forgery or a bug).
     */
    public static boolean fresh(Instant signedAt, Clock clock, Duration maxAge, Duration maxSkew) {
        Instant now = clock.instant();
        return !signedAt.isBefore(now.minus(maxAge)) && !signedAt.isAfter(now.plus(maxSkew));
    }
}
