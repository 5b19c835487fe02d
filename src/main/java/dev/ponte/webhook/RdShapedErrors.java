package dev.ponte.webhook;

import dev.ponte.rd.RdErrors;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error Ponte answers, its own or the framework's, is in RD's {@code errors} shape. */
public class RdShapedErrors {

    @ServerExceptionMapper
    public Response refusal(EdgeRefusal refusal) {
        return respond(refusal.status(), refusal.errors());
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        String type = switch (status) {
            case 404 -> "RESOURCE_NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 406 -> "NOT_ACCEPTABLE";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
        };
        return respond(status, RdErrors.of(type, e.getMessage() == null ? "HTTP " + status : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response stateUnavailable(dev.ponte.delivery.StateUnavailable e) {
        Log.error(e.getMessage(), e.getCause());
        return respond(503, RdErrors.of("STATE_UNAVAILABLE", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Log.error("unexpected failure at the edge", e);
        return respond(500, RdErrors.of("INTERNAL_ERROR", "Ponte failed unexpectedly; the failure is logged."));
    }

    static Response respond(int status, RdErrors errors) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(errors).build();
    }
}
