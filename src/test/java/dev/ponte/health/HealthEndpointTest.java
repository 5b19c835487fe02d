package dev.ponte.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Cloud Run, Knative and Fly probe these without Ponte's API token. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class HealthEndpointTest {

    @Test
    void livenessAnswersWithoutAToken() {
        given().when().get("/q/health/live")
                .then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessReportsThatTheStateStoreCanKeepDeadLetters() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("state"));
    }
}
