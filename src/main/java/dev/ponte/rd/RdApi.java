package dev.ponte.rd;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * RD's HTTP API as Ponte uses it. Bodies go out pre-serialised (batch splitting needs their
 * size) and every status comes back as a {@link Response}: deciding what a status means is
 * {@link RdGateway}'s job, not an exception mapper's. Events go out without holding a thread
 * for the answer, so a request RD is slow to answer can outlive the vendor's wait.
 */
@Path("")
@RegisterRestClient(configKey = "rd")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface RdApi {

    /** {@code eventType}: named in the URL for the ECOMMERCE_* family, as RD's pages show; null leaves it out. */
    @POST
    @Path("/platform/events")
    CompletionStage<Response> event(@HeaderParam("Authorization") String authorization,
            @QueryParam("event_type") String eventType, String body);

    @POST
    @Path("/platform/events/batch")
    CompletionStage<Response> batch(@HeaderParam("Authorization") String authorization, String body);

    /** The legacy endpoint: CONVERSION only, authenticated by the account's API key. */
    @POST
    @Path("/platform/conversions")
    CompletionStage<Response> conversion(@QueryParam("api_key") String apiKey, String body);

    @POST
    @Path("/auth/token")
    Response token(String body);
}
