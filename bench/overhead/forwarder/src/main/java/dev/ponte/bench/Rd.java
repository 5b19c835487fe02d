package dev.ponte.bench;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** RD's single-event endpoint, as Ponte's client calls it: a body out, RD's answer back as text. */
@Path("/platform/events")
@RegisterRestClient(configKey = "rd")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface Rd {

    @POST
    String send(@HeaderParam("Authorization") String authorization, String body);

    @POST
    Uni<String> sendWithoutWaiting(@HeaderParam("Authorization") String authorization, String body);
}
