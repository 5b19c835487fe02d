package dev.ponte.mapping.files;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * How a mapping file's vendor proves a webhook is its own: one of a closed set of presets, each
 * checked with the same constant-time comparisons as the Java vendors.
 * <ul>
 * <li>{@code hmac}: a header holds the HMAC (SHA-1 or SHA-256, hex or base64, after an optional
 * prefix such as {@code sha256=}, or as the {@code v1=} part of {@code t=...,v1=...}) of the raw
 * body, or of a template such as {@code {timestamp}.{body}} whose timestamp comes from a header or
 * the signature's {@code t=} part and must be within the tolerance;</li>
 * <li>{@code query-hmac}: the same HMAC of the raw body in a query parameter;</li>
 * <li>{@code header-token} / {@code query-token}: the secret itself in a header or on the URL.</li>
 * </ul>
 */
sealed interface Proof {

    Verification check(Webhook webhook, String secret, Clock clock);

    /** Where the proof travels, so that stored requests keep none of it. */
    Credentials credentials();

    record Hmac(String header, Signatures.Algorithm algorithm, boolean base64, String prefix, String part,
            String signed, String timestampHeader, String timestampPart, Duration tolerance) implements Proof {

        @Override
        public Verification check(Webhook webhook, String secret, Clock clock) {
            String value = webhook.header(header);
            if (value == null) {
                return Verification.refused("The " + header + " header is missing.");
            }
            // A header may carry several signatures (Stripe sends one v1 per secret while one is rotated): any may match.
            List<String> signatures = part == null ? List.of(value) : Proof.piecesOf(value, part);
            List<String> prefixed = signatures.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                    .toList();
            if (prefixed.isEmpty()) {
                return Verification.refused("The " + header + " header does not carry a signature"
                        + (part == null ? "" : " as " + part + "=") + (prefix.isEmpty() ? "." : " starting " + prefix + "."));
            }
            byte[] content = webhook.body();
            if (!signed.equals("{body}")) {
                String timestamp = timestampHeader != null ? webhook.header(timestampHeader) : Proof.pieceOf(value, timestampPart);
                if (timestamp == null || !timestamp.matches("\\d{1,13}")) {
                    return Verification.refused("The signature's timestamp is missing.");
                }
                long epoch = Long.parseLong(timestamp);
                Instant at = timestamp.length() > 10 ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
                if (!Signatures.fresh(at, clock, tolerance, tolerance)) {
                    return Verification.refused("The signature's timestamp is more than " + tolerance.toSeconds()
                            + " s away: a replay, or a clock far off.");
                }
                content = signed.replace("{timestamp}", timestamp).replace("{body}", webhook.bodyText())
                        .getBytes(StandardCharsets.UTF_8);
            }
            for (String signature : prefixed) {
                boolean matches = base64 ? Signatures.matchesBase64(algorithm, secret, content, signature)
                        : Signatures.matchesHex(algorithm, secret, content, signature);
                if (matches) {
                    return Verification.GENUINE;
                }
            }
            return Verification.refused(header + " does not match the signature made with the vendor's secret.");
        }

        @Override
        public Credentials credentials() {
            return Credentials.inHeaders(header);
        }
    }

    record QueryHmac(String parameter, Signatures.Algorithm algorithm, boolean base64) implements Proof {

        @Override
        public Verification check(Webhook webhook, String secret, Clock clock) {
            String signature = webhook.queryParameter(parameter);
            if (signature == null) {
                return Verification.refused("The " + parameter + " query parameter is missing.");
            }
            boolean matches = base64 ? Signatures.matchesBase64(algorithm, secret, webhook.body(), signature)
                    : Signatures.matchesHex(algorithm, secret, webhook.body(), signature);
            return matches ? Verification.GENUINE : Verification.refused("The " + parameter
                    + " query parameter does not match the body signed with the vendor's secret.");
        }

        @Override
        public Credentials credentials() {
            return Credentials.inQuery(parameter);
        }
    }

    /** The secret itself, in a header ({@code inHeader}) or in a query parameter. */
    record Token(boolean inHeader, String name) implements Proof {

        @Override
        public Verification check(Webhook webhook, String secret, Clock clock) {
            String where = inHeader ? "The " + name + " header" : "The " + name + " query parameter";
            String given = inHeader ? webhook.header(name) : webhook.queryParameter(name);
            if (given == null) {
                return Verification.refused(where + " is missing.");
            }
            return Signatures.sameToken(given, secret) ? Verification.GENUINE
                    : Verification.refused(where + " is not the vendor's secret.");
        }

        @Override
        public Credentials credentials() {
            return inHeader ? Credentials.inHeaders(name) : Credentials.inQuery(name);
        }
    }

    /** Every {@code v1} of {@code t=1492774577,v1=5257a8...,v1=...}, in order. */
    static List<String> piecesOf(String value, String name) {
        List<String> pieces = new java.util.ArrayList<>();
        for (String piece : value.split(",")) {
            String trimmed = piece.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals(name)) {
                pieces.add(trimmed.substring(equals + 1).trim());
            }
        }
        return pieces;
    }

    /** {@code t} of {@code t=1492774577,v1=5257a8...}; null when absent. */
    static String pieceOf(String value, String name) {
        for (String piece : value.split(",")) {
            String trimmed = piece.trim();
            int equals = trimmed.indexOf('=');
            if (equals > 0 && trimmed.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals(name)) {
                return trimmed.substring(equals + 1).trim();
            }
        }
        return null;
    }
}
