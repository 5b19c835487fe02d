package dev.ponte.webhook;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code /q/openapi}: Ponte's OpenAPI document, YAML (or JSON with {@code ?format=json}), as the
 * build wrote it from the resources' annotations (smallrye-open-api-maven-plugin). Read from the
 * jar when first asked for: building the document at start-up cost a third of a second.
 */
@Path("/q/openapi")
public class OpenApiDocument {

    private static volatile byte[] yaml;
    private static volatile byte[] json;

    @GET
    @Operation(hidden = true)
    public Response document(@QueryParam("format") String format) {
        boolean asJson = "json".equalsIgnoreCase(format);
        byte[] body = asJson ? (json != null ? json : (json = read("openapi.json"))) : (yaml != null ? yaml : (yaml = read("openapi.yaml")));
        return Response.ok(body, asJson ? "application/json;charset=UTF-8" : "application/yaml;charset=UTF-8").build();
    }

    private static byte[] read(String name) {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream("/META-INF/openapi/" + name)) {
            if (in == null) {
                throw new NotFoundException("This build has no OpenAPI document.");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
