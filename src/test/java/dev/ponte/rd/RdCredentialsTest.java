package dev.ponte.rd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RdCredentialsTest {

    @Test
    void noCredentialsNamesEveryVariable() {
        assertThat(RdCredentials.problem(config(null, null, null, null, null))).hasValueSatisfying(message -> assertThat(message)
                .contains("PONTE_RD_CLIENT_ID", "PONTE_RD_CLIENT_SECRET", "PONTE_RD_REFRESH_TOKEN",
                        "PONTE_RD_ACCESS_TOKEN", "PONTE_RD_API_KEY"));
    }

    @Test
    void incompleteOAuthNamesWhatIsMissing() {
        assertThat(RdCredentials.problem(config("id", null, "refresh", null, null)))
                .hasValueSatisfying(message -> assertThat(message).startsWith(
                        "RD OAuth credentials are incomplete: set PONTE_RD_CLIENT_SECRET too"));
    }

    @Test
    void anyOneWayToAuthenticateIsEnough() {
        assertThat(RdCredentials.problem(config("id", "secret", "refresh", null, null))).isEmpty();
        assertThat(RdCredentials.problem(config(null, null, null, "token", null))).isEmpty();
        assertThat(RdCredentials.problem(config(null, null, null, null, "key"))).isEmpty();
        assertThat(RdCredentials.from(config(null, null, null, null, "key")).hasBearer()).isFalse();
        assertThat(RdCredentials.from(config(null, null, null, "token", null)).hasBearer()).isTrue();
    }

    static RdConfig config(String clientId, String secret, String refresh, String accessToken, String apiKey) {
        return new RdConfig() {
            public String url() { return "http://rd"; }
            public Optional<String> clientId() { return Optional.ofNullable(clientId); }
            public Optional<String> clientSecret() { return Optional.ofNullable(secret); }
            public Optional<String> refreshToken() { return Optional.ofNullable(refresh); }
            public Optional<String> accessToken() { return Optional.ofNullable(accessToken); }
            public Optional<String> apiKey() { return Optional.ofNullable(apiKey); }
            public Duration budget() { return Duration.ofMillis(2500); }
            public long attemptTimeoutMs() { return 1000; }
            public Duration initialBackoff() { return Duration.ofMillis(100); }
            public Duration maxBackoff() { return Duration.ofSeconds(1); }
            public Duration tokenRefreshMargin() { return Duration.ofMinutes(5); }
            public int batchMaxBytes() { return 200_000; }
            public int callsAtOnce() { return 4; }
            public int rateLimitPerMinute() { return 120; }
            public Circuit circuit() { return null; }
            public EcommerceFamily ecommerceEvents() { return EcommerceFamily.CURRENT; }
        };
    }
}
