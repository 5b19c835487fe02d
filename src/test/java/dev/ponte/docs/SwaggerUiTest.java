package dev.ponte.docs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.Browser;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Swagger UI over {@code /q/openapi}, in a real Chromium: every endpoint of the document listed,
 * with its method. Quarkus serves it in dev mode and, as here, in tests; a packaged build does not
 * carry it ({@code PackagedDocsIT}).
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SwaggerUiTest {

    @TestHTTPResource("/q/swagger-ui/")
    URL page;

    @Test
    void everyEndpointOfTheDocumentIsShown() {
        assertThat(given().get("/q/swagger-ui/").then().statusCode(200).extract().asString()).contains("/q/openapi");
        try (Browser browser = Browser.open(1280, 900)) {
            browser.driver().get(page.toString());
            browser.waitFor("the operations", () -> browser.driver().findElements(By.cssSelector(".opblock")).size() > 10);
            List<String> operations = browser.driver().findElements(By.cssSelector(".opblock-summary")).stream()
                    .map(WebElement::getText).map(text -> text.replaceAll("\\s+", " ")).toList();
            assertThat(operations).anyMatch(op -> op.startsWith("POST /events "))
                    .anyMatch(op -> op.startsWith("POST /events/batch"))
                    .anyMatch(op -> op.startsWith("POST /webhooks/{vendor}"))
                    .anyMatch(op -> op.startsWith("GET /admin/dead-letters"))
                    .anyMatch(op -> op.startsWith("POST /admin/mappings/{vendor}/try"));
            browser.screenshot("swagger-ui");
        }
    }
}
