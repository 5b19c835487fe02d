package dev.ponte.mapping;

/**
 * The proof most vendors give: a header holding the HMAC of the raw body, keyed with the secret
 * Ponte is given as {@code secretVariable}. One check, so every such vendor refuses for the same
 * reasons in the same words.
 */
public record BodySignature(String secretVariable, String header, Signatures.Algorithm algorithm, Encoding encoding,
        String prefix) {

    public enum Encoding {
        HEX, BASE64
    }

    public BodySignature(String secretVariable, String header, Signatures.Algorithm algorithm, Encoding encoding) {
        this(secretVariable, header, algorithm, encoding, "");
    }

    public Verification check(VendorSettings settings, Webhook webhook) {
        String given = webhook.header(header);
        if (given == null || !given.startsWith(prefix)) {
            return Verification.refused("The " + header + " header is missing"
                    + (prefix.isEmpty() ? "." : " or does not start with " + prefix + "."));
        }
        String signature = given.substring(prefix.length());
        boolean matches = encoding == Encoding.HEX
                ? Signatures.matchesHex(algorithm, settings.secret().orElseThrow(), webhook.body(), signature)
                : Signatures.matchesBase64(algorithm, settings.secret().orElseThrow(), webhook.body(), signature);
        return matches ? Verification.GENUINE
                : Verification.refused(header + " does not match the body signed with " + secretVariable + ".");
    }
}
