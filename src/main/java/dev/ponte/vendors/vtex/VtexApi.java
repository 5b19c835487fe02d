package dev.ponte.vendors.vtex;

import io.quarkus.rest.client.reactive.Url;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** VTEX OMS, the one call Ponte needs. Each account has its own host, so the base URL comes per call. */
@RegisterRestClient(configKey = "vtex")
@Produces(MediaType.APPLICATION_JSON)
public interface VtexApi {

    @GET
    @Path("/api/oms/pvt/orders/{orderId}")
    Response order(@Url String baseUrl, @PathParam("orderId") String orderId,
            @HeaderParam("X-VTEX-API-AppKey") String appKey, @HeaderParam("X-VTEX-API-AppToken") String appToken);
}
