package dev.ponte.rd;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which of RD's three ways to authenticate the configuration allows: the OAuth2 refresh flow
 * (preferred), a fixed access token, or the legacy API key (CONVERSION only).
 */
public record RdCredentials(Optional<OAuth> oauth, Optional<String> accessToken, Optional<String> apiKey) {

    public record OAuth(String clientId, String clientSecret, String refreshToken) {
    }

    static final String VARIABLES = "PONTE_RD_CLIENT_ID, PONTE_RD_CLIENT_SECRET and PONTE_RD_REFRESH_TOKEN"
            + " (or PONTE_RD_ACCESS_TOKEN, or PONTE_RD_API_KEY for CONVERSION events only)";

    public static RdCredentials from(RdConfig config) {
        List<Optional<String>> parts = List.of(config.clientId(), config.clientSecret(), config.refreshToken());
        Optional<OAuth> oauth = parts.stream().allMatch(RdCredentials::present)
                ? Optional.of(new OAuth(config.clientId().get(), config.clientSecret().get(), config.refreshToken().get()))
                : Optional.empty();
        return new RdCredentials(oauth, config.accessToken().filter(RdCredentials::notBlank),
                config.apiKey().filter(RdCredentials::notBlank));
    }

    /** Why this configuration cannot reach RD at all, naming the variables to set; empty if it can. */
    public static Optional<String> problem(RdConfig config) {
        List<String> missing = new ArrayList<>();
        if (!present(config.clientId())) {
            missing.add("PONTE_RD_CLIENT_ID");
        }
        if (!present(config.clientSecret())) {
            missing.add("PONTE_RD_CLIENT_SECRET");
        }
        if (!present(config.refreshToken())) {
            missing.add("PONTE_RD_REFRESH_TOKEN");
        }
        RdCredentials credentials = from(config);
        if (missing.size() == 3 && credentials.accessToken().isEmpty() && credentials.apiKey().isEmpty()) {
            return Optional.of("No RD credentials are configured: set " + VARIABLES + ".");
        }
        if (!missing.isEmpty() && missing.size() < 3) {
            return Optional.of("RD OAuth credentials are incomplete: set " + String.join(", ", missing)
                    + " too (the refresh flow needs PONTE_RD_CLIENT_ID, PONTE_RD_CLIENT_SECRET and PONTE_RD_REFRESH_TOKEN).");
        }
        return Optional.empty();
    }

    /** Whether events other than CONVERSION can be sent: they need a bearer token. */
    public boolean hasBearer() {
        return oauth.isPresent() || accessToken.isPresent();
    }

    private static boolean present(Optional<String> value) {
        return value.filter(RdCredentials::notBlank).isPresent();
    }

    private static boolean notBlank(String value) {
        return !value.isBlank();
    }
}
