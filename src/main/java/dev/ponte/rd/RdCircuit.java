package dev.ponte.rd;

import io.smallrye.faulttolerance.api.CircuitBreakerName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/**
 * One circuit breaker for every request to RD (one account, one RD). When most recent requests
 * failed, it opens and calls fail at once for a few seconds, so an RD outage costs each webhook
 * milliseconds instead of the whole retry budget. Thresholds are configurable under
 * {@code quarkus.fault-tolerance."rd".circuit-breaker.*}.
 */
@ApplicationScoped
public class RdCircuit {

    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 5000, successThreshold = 2,
            failOn = {RdTransientFailure.class, ProcessingException.class})
    @CircuitBreakerName("rd")
    public Response call(Supplier<Response> request) {
        Response response = request.get();
        if (response.getStatus() >= 500) {
            // Read here so the breaker counts it; the gateway still sees RD's status and body.
            throw new RdServerError(response.getStatus(), RdResponses.text(response),
                    response.getHeaderString("Retry-After"));
        }
        return response;
    }

    /** RD answered 5xx. */
    public static final class RdServerError extends RdTransientFailure {

        final int status;
        final String body;
        final String retryAfterHeader;

        RdServerError(int status, String body, String retryAfterHeader) {
            super("RD answered HTTP " + status, null);
            this.status = status;
            this.body = body;
            this.retryAfterHeader = retryAfterHeader;
        }
    }
}
