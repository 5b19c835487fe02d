package dev.ponte.vendors.twilio;

import dev.ponte.mapping.Signatures;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Twilio's request signature: base64 HMAC-SHA1, keyed with the auth token, of the full URL Twilio
 * called followed by every POST field name and value, sorted by name.
 */
public final class TwilioSignature {

    private TwilioSignature() {
    }

    public static String of(String authToken, String url, Map<String, List<String>> fields) {
        StringBuilder signed = new StringBuilder(url);
        new TreeMap<>(fields).forEach((name, values) -> values.forEach(value -> signed.append(name).append(value)));
        return Signatures.base64(Signatures.Algorithm.SHA1, authToken, signed.toString().getBytes(StandardCharsets.UTF_8));
    }

    static boolean matches(String authToken, String url, Map<String, List<String>> fields, String given) {
        if (given == null) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(of(authToken, url, fields));
        try {
            return MessageDigest.isEqual(expected, Base64.getDecoder().decode(given.trim()));
        } catch (IllegalArgumentException notBase64) {
            return false;
        }
    }
}
