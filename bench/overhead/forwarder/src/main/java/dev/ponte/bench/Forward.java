package dev.ponte.bench;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Forwards the body to RD and answers with RD's answer, nothing else: the two ways a Quarkus
 * service can wait for RD. {@code /blocking}: a worker thread per request, parked on RD's answer
 * (how Ponte waits today). {@code /reactive}: the event loop sends and answers when RD does, no
 * thread parked.
 */
@Path("/")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class Forward {

    @RestClient
    Rd rd;

    @POST
    @Path("blocking/events")
    @Blocking
    public String blocking(@HeaderParam("Authorization") String authorization, String body) {
        return rd.send(authorization, body);
    }

    @POST
    @Path("reactive/events")
    public Uni<String> reactive(@HeaderParam("Authorization") String authorization, String body) {
        return rd.sendWithoutWaiting(authorization, body);
    }
}
