package dev.ponte.vendors.nuvemshop;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Nuvemshop's API, the one call Ponte needs: an order, by store and id. */
@RegisterRestClient(configKey = "nuvemshop")
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
public interface NuvemshopApi {

    /** Nuvemshop authenticates with {@code Authentication: bearer <token>} (not Authorization). */
    @GET
    @Path("/{store}/orders/{id}")
    Response order(@PathParam("store") String store, @PathParam("id") String id,
            @HeaderParam("Authentication") String authentication, @HeaderParam("User-Agent") String userAgent);
}
