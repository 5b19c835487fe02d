package dev.ponte.webhook;

import dev.ponte.rd.RdErrors;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * {@code /events} and {@code /admin} take events straight to RD, so they are closed to anyone
 * without {@code Authorization: Bearer <PONTE_API_TOKEN>}. Vendor webhooks prove themselves by
 * their own signatures instead.
 */
@ApplicationScoped
public class ApiTokenFilter {

    // Request filters are built while the application is assembled, before run-time
    // configuration exists; this bean is reached through its proxy only when a request comes.
    @Inject
    EdgeConfig config;

    @ServerRequestFilter
    public Optional<Response> requireToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!isProtected(path)) {
            return Optional.empty();
        }
        Optional<String> expected = config.apiToken().filter(t -> !t.isBlank());
        if (expected.isEmpty()) {
            return Optional.of(unauthorized("PONTE_API_TOKEN is not set, so " + path + " is closed."));
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.of(unauthorized("Send Authorization: Bearer <PONTE_API_TOKEN>."));
        }
        if (!sameSecret(header.substring(7).trim(), expected.get())) {
            return Optional.of(unauthorized("The bearer token is not PONTE_API_TOKEN."));
        }
        return Optional.empty();
    }

    static boolean isProtected(String path) {
        return path.equals("/events") || path.startsWith("/events/") || path.equals("/admin")
                || path.startsWith("/admin/");
    }

    /** Compares digests, so neither the content nor the length of the token leaks through timing. */
    static boolean sameSecret(String given, String expected) {
        return MessageDigest.isEqual(sha256(given), sha256(expected));
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(RdShapedErrors.respond(401, RdErrors.of("UNAUTHORIZED", message)))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }
}
