package dev.ponte.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /sandbox} on Ponte's own port points to the sandbox server, which serves the pages
 * itself: in dev mode Ponte's port is the Lambda event emulator, which stalls on responses
 * over 8 KB, and the event list grows past that quickly.
 */
@Path("/sandbox")
public class SandboxResource {

    @Inject
    SandboxConfig config;

    @GET
    @Operation(hidden = true)
    public Response page() {
        return redirect("/sandbox");
    }

    @GET
    @Path("/events")
    @Operation(hidden = true)
    public Response events() {
        return redirect("/sandbox/events");
    }

    private Response redirect(String path) {
        if (!config.enabled()) {
            throw new NotFoundException("The sandbox is not enabled (PONTE_SANDBOX_ENABLED).");
        }
        return Response.seeOther(URI.create("http://localhost:" + config.port() + path)).build();
    }
}
