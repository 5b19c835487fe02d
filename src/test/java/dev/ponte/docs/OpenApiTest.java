package dev.ponte.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code /q/openapi}: a valid OpenAPI document naming every endpoint, with errors in RD's shape. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class OpenApiTest {

    @Test
    void theDocumentIsValidAndNamesEveryEndpoint() {
        String document = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString();
        SwaggerParseResult parsed = new OpenAPIParser().readContents(document, null, null);
        assertThat(parsed.getMessages()).as("what the OpenAPI parser finds wrong").isEmpty();
        assertThat(parsed.getOpenAPI().getPaths().keySet()).contains("/events", "/events/batch", "/webhooks/{vendor}",
                "/admin/dead-letters", "/admin/dead-letters/{id}", "/admin/dead-letters/{id}/replay",
                "/admin/dead-letters/replay", "/admin/deliveries", "/admin/deliveries/{id}", "/admin/mappings",
                "/admin/mappings/{vendor}/try", "/admin/stats").doesNotContain("/sandbox", "/sandbox/events", "/q/openapi")
                // the REST clients Ponte calls RD and vendors with are not its endpoints
                .doesNotContain("/auth/token", "/platform/events", "/platform/events/batch", "/platform/conversions");
        assertThat(given().get("/q/openapi").then().statusCode(200).extract().contentType()).startsWith("application/yaml");

        var errors = parsed.getOpenAPI().getComponents().getSchemas().get("RdErrors");
        assertThat(errors).as("RD's error shape").isNotNull();
        assertThat(errors.getProperties()).containsKey("errors");
        var error = parsed.getOpenAPI().getComponents().getSchemas().get("RdError");
        assertThat(error.getProperties()).containsKeys("error_type", "error_message", "path");

        var event = parsed.getOpenAPI().getPaths().get("/events").getPost();
        assertThat(event.getResponses()).containsKeys("200", "202", "400", "401", "409", "503");
        assertThat(event.getResponses().get("400").get$ref()).endsWith("/responses/Invalid");
        for (String shared : java.util.List.of("Invalid", "Unproven", "UnknownVendor", "SendAgain")) {
            assertThat(parsed.getOpenAPI().getComponents().getResponses().get(shared).getContent().get("application/json")
                    .getSchema().get$ref()).as(shared).endsWith("/RdErrors");
        }
        assertThat(event.getSecurity()).extracting(Map::keySet).containsExactly(java.util.Set.of("apiToken"));
        assertThat(parsed.getOpenAPI().getPaths().get("/webhooks/{vendor}").getPost().getSecurity()).isNullOrEmpty();
    }
}
