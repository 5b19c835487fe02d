package dev.ponte.journal;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code /q/metrics}: the scrape Prometheus (or any OpenMetrics reader) pulls, without a token, as is usual. */
@Path("/q/metrics")
public class MetricsResource {

    @Inject
    PrometheusMeters meters;

    @GET
    @Operation(hidden = true)
    public Response scrape(@HeaderParam(HttpHeaders.ACCEPT) String accept) {
        PrometheusMeters.Scrape scrape = meters.scrape(accept);
        return Response.ok(scrape.body(), scrape.contentType()).build();
    }
}
