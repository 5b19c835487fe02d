package dev.ponte.rd;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The bearer token for RD. With OAuth credentials it is fetched on first use, kept until
 * shortly before RD says it expires, and renewed once when RD answers 401; concurrent callers
 * that find it stale wait for one refresh instead of each making their own.
 */
@ApplicationScoped
public class RdAccessTokens {

    private record Token(String value, Instant renewAt) {
    }

    private final RdApi api;
    private final RdConfig config;
    private final Clock clock;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Token current;
    private volatile String refreshToken;

    @Inject
    public RdAccessTokens(@RestClient RdApi api, RdConfig config, Clock clock) {
        this.api = api;
        this.config = config;
        this.clock = clock;
    }

    /** The {@code Authorization} header value to send now. */
    public String bearer() {
        Token token = current;
        if (token == null || !clock.instant().isBefore(token.renewAt())) {
            token = renew(token);
        }
        return "Bearer " + token.value();
    }

    /**
     * Fetches the token now instead of on the first call to RD, if there is one to fetch (OAuth
     * credentials): a server does so once it listens, so that its first webhook does not wait
     * for RD's token endpoint. Returns whether one was fetched; throws as {@link #bearer()} does.
     */
    public boolean fetchAhead() {
        if (RdCredentials.from(config).oauth().isEmpty()) {
            return false;
        }
        bearer();
        return true;
    }

    /**
     * RD refused {@code bearer}. Returns whether a fresh token may help: only with OAuth, and only
     * if no other caller has renewed it already (then theirs is used).
     */
    public boolean refused(String bearer) {
        RdCredentials credentials = RdCredentials.from(config);
        if (credentials.oauth().isEmpty()) {
            return false;
        }
        refreshing.lock();
        try {
            Token token = current;
            if (token != null && bearer.equals("Bearer " + token.value())) {
                current = null;
            }
            return true;
        } finally {
            refreshing.unlock();
        }
    }

    private Token renew(Token seen) {
        refreshing.lock();
        try {
            Token token = current;
            if (token != null && token != seen && clock.instant().isBefore(token.renewAt())) {
                return token; // another caller renewed it while this one waited
            }
            token = fetch();
            current = token;
            return token;
        } finally {
            refreshing.unlock();
        }
    }

    private Token fetch() {
        RdCredentials credentials = RdCredentials.from(config);
        if (credentials.oauth().isEmpty()) {
            String fixed = credentials.accessToken().orElseThrow(() -> new RdCredentialsRefused(
                    "No RD access token is configured: set " + RdCredentials.VARIABLES + "."));
            return new Token(fixed, Instant.MAX);
        }
        RdCredentials.OAuth oauth = credentials.oauth().get();
        ObjectNode request = RdJson.mapper().createObjectNode()
                .put("client_id", oauth.clientId())
                .put("client_secret", oauth.clientSecret())
                .put("refresh_token", refreshToken == null ? oauth.refreshToken() : refreshToken);
        Instant askedAt = clock.instant();
        Response response;
        try {
            response = api.token(request.toString());
        } catch (ProcessingException e) {
            throw new RdTransientFailure("RD's token endpoint could not be reached: " + RdGateway.describe(e), null);
        }
        try (response) {
            int status = response.getStatus();
            if (status == 429 || status >= 500) {
                throw new RdTransientFailure("RD's token endpoint answered HTTP " + status,
                        RetryAfter.parse(response.getHeaderString("Retry-After"), clock));
            }
            JsonNode body = RdResponses.json(response);
            String accessToken = body.path("access_token").asText("");
            if (status / 100 != 2 || accessToken.isEmpty()) {
                throw new RdCredentialsRefused("RD refused Ponte's OAuth credentials (HTTP " + status
                        + " from /auth/token). Check PONTE_RD_CLIENT_ID, PONTE_RD_CLIENT_SECRET and PONTE_RD_REFRESH_TOKEN.");
            }
            if (body.hasNonNull("refresh_token") && !body.get("refresh_token").asText().isBlank()) {
                refreshToken = body.get("refresh_token").asText();
            }
            long expiresIn = body.path("expires_in").asLong(86_400);
            Instant renewAt = askedAt.plusSeconds(expiresIn).minus(config.tokenRefreshMargin());
            return new Token(accessToken, renewAt.isAfter(askedAt) ? renewAt : askedAt.plusSeconds(expiresIn / 2));
        }
    }
}
