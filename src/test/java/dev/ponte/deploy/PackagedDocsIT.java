package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged server describes its API at {@code /q/openapi}, from the document the build wrote
 * into the jar, and serves no Swagger UI: that page is dev mode's, its files never packaged.
 */
class PackagedDocsIT {

    @TempDir
    Path work;

    @Test
    void theDocumentIsServedAndSwaggerUiIsNot() throws Exception {
        try (HttpServer ponte = HttpServer.startDevProfile(Map.of(), work)) {
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> document = client.send(HttpRequest.newBuilder(URI.create(ponte.url("/q/openapi"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(document.statusCode()).isEqualTo(200);
            assertThat(document.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/yaml"));
            assertThat(document.body()).contains("/webhooks/{vendor}:", "/events:");
            HttpResponse<String> swaggerUi = client.send(HttpRequest.newBuilder(URI.create(ponte.url("/q/swagger-ui/")))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(swaggerUi.statusCode()).isEqualTo(404);
        }
    }
}
