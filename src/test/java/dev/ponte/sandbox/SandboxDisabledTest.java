package dev.ponte.sandbox;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Outside dev mode the sandbox does not exist unless enabled. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SandboxDisabledTest {

    @Test
    void itsPagesAreNotFound() {
        given().get("/sandbox/events").then().statusCode(404)
                .body("errors[0].error_type", equalTo("RESOURCE_NOT_FOUND"));
        given().get("/sandbox").then().statusCode(404);
    }
}
