package dev.ponte.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.testing.Browser;
import dev.ponte.testing.Send;
import dev.ponte.testing.SignedRequests;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The operator's console as a person uses it, in a real Chromium 1280 px wide, on the packaged
 * server with the sandbox as RD: the token entered once, a delivered webhook found and opened
 * with its RD events and RD's answer, a parked one followed to its dead letter, replayed and
 * discarded, and a mapping tried. Screenshots of each view go to {@code target/screenshots/}.
 */
class ConsoleIT {

    @TempDir
    Path work;

    HttpServer ponte;

    @BeforeEach
    void start() throws Exception {
        ponte = HttpServer.startDevProfile(Map.of(), work);
    }

    @AfterEach
    void stop() throws Exception {
        if (ponte != null) {
            ponte.close();
        }
    }

    /** A Shopify order, signed with dev mode's secret; without a currency RD's current family cannot take it. */
    private Response order(int id, boolean complete) {
        String body = "{\"id\":" + id + ",\"name\":\"#" + id + "\",\"email\":\"ana.souza@example.com\","
                + "\"financial_status\":\"pending\"," + (complete ? "\"currency\":\"BRL\"," : "") + "\"total_price\":\"89.90\","
                + "\"line_items\":[{\"product_id\":7,\"sku\":\"CANECA\",\"title\":\"Caneca\",\"quantity\":1,\"price\":\"89.90\"}]}";
        SignedRequests.Sample sample = new SignedRequests.Sample("shopify", "orders/create", body.getBytes(StandardCharsets.UTF_8));
        return Send.send(Send.secrets(Map.of(), ponte.url("")), ponte.url(""), sample, Map.of());
    }

    @Test
    void anOperatorFindsAWebhookFollowsADeadLetterAndTriesAMapping() {
        assertThat(order(5001, true).jsonPath().getString("outcome")).isEqualTo("delivered");
        assertThat(order(5002, false).jsonPath().getString("outcome")).isEqualTo("parked");

        try (Browser browser = Browser.open(1280, 900)) {
            var page = browser.driver();
            page.get(ponte.url("/admin/"));
            browser.waitFor("the token form", () -> page.findElement(By.id("login")).isDisplayed());
            page.findElement(By.id("token")).sendKeys("wrong");
            page.findElement(By.cssSelector("#login-form button")).click();
            browser.waitFor("the refusal", () -> page.findElement(By.id("login-error")).getText().contains("not the one"));
            page.findElement(By.id("token")).clear();
            page.findElement(By.id("token")).sendKeys("dev-token");
            page.findElement(By.cssSelector("#login-form button")).click();
            browser.waitFor("two deliveries", () -> rows(page, "#deliveries-rows tr[data-id]").size() == 2);
            assertThat(page.getCurrentUrl()).doesNotContain("dev-token");

            // Newest first: the parked order, then the delivered one.
            List<WebElement> rows = rows(page, "#deliveries-rows tr[data-id]");
            assertThat(rows.get(1).getText()).contains("shopify", "orders/create", "order-5001:placed", "delivered",
                    "ECOMMERCE_ORDER_PLACED", "a***@e***.com");
            assertThat(rows.get(0).getText()).contains("order-5002:placed", "parked");
            rows.get(1).click();
            browser.waitFor("the delivery's detail", () -> page.findElement(By.id("delivery-detail")).isDisplayed());
            assertThat(page.findElement(By.id("detail-events")).getText()).contains("ECOMMERCE_ORDER_PLACED", "a***@e***.com")
                    .doesNotContain("ana.souza@example.com");
            assertThat(page.findElement(By.id("detail-answer")).getText()).contains("event_uuid");
            assertThat(browser.overflowX()).as("pixels the console is wider than 1280 px").isZero();
            browser.screenshot("console-deliveries");

            page.findElement(By.id("reveal")).click();
            browser.waitFor("contacts shown", () -> rows(page, "#deliveries-rows tr[data-id]").get(0).getText()
                    .contains("ana.souza@example.com"));

            new Select(page.findElement(By.id("f-outcome"))).selectByVisibleText("parked");
            page.findElement(By.id("f-apply")).click();
            browser.waitFor("only the parked order", () -> rows(page, "#deliveries-rows tr[data-id]").size() == 1);
            rows(page, "#deliveries-rows tr[data-id]").get(0).click();
            browser.waitFor("why it was parked", () -> page.findElement(By.id("delivery-detail")).getText()
                    .contains("currency"));
            page.findElement(By.cssSelector("#delivery-detail a[data-letter]")).click();
            browser.waitFor("the dead letter", () -> page.findElement(By.id("letter-detail")).getText()
                    .contains("The request as it arrived"));
            assertThat(page.findElement(By.id("letters-rows")).getText()).contains("order-5002:placed", "invalid");
            assertThat(page.findElement(By.id("letter-detail")).getText()).contains("a***@e***.com", "?reveal=true")
                    .doesNotContain("ana.souza@example.com");

            page.findElement(By.id("letters-reveal")).click(); // the open letter is shown again, revealed
            browser.waitFor("the letter's contacts and request", () -> page.findElement(By.id("letter-detail")).getText()
                    .contains("ana.souza@example.com"));
            assertThat(page.findElement(By.id("letter-detail")).getText()).contains("\\\"id\\\":5002");
            browser.screenshot("console-dead-letter");

            page.findElement(By.cssSelector("#letters-rows button[data-act=replay]")).click();
            browser.waitFor("the replay's outcome", () -> page.findElement(By.id("letter-detail")).getText()
                    .contains("Replayed"));
            assertThat(page.findElement(By.id("letter-detail")).getText()).contains("still failing");

            page.findElement(By.cssSelector("#letters-rows button[data-act=discard]")).click();
            page.switchTo().alert().sendKeys("test order, never paid");
            page.switchTo().alert().accept();
            page.switchTo().alert().sendKeys("Maria");
            page.switchTo().alert().accept();
            browser.waitFor("the letter gone", () -> page.findElement(By.id("letters-rows")).getText()
                    .contains("Nothing is waiting."));
            assertThat(page.findElement(By.id("letter-detail")).getText()).contains("by Maria: test order, never paid");
            assertThat(ponte.log()).contains("\"discarded\":true", "\"by\":\"Maria\"");

            page.findElement(By.cssSelector("nav button[data-tab=traffic]")).click();
            browser.waitFor("the vendors' counts", () -> page.findElements(By.cssSelector("#vendor-rows tr[data-vendor]")).size() == 1);
            assertThat(page.findElement(By.cssSelector("#vendor-rows tr[data-vendor=shopify]")).getText())
                    .contains("2 received", "delivered 1", "parked 1");
            assertThat(page.findElement(By.id("rd-circuit")).getText()).isEqualTo("closed");
            assertThat(page.findElement(By.id("rd-cards")).getText()).contains("of 120 allowed");
            browser.screenshot("console-vendors-and-rd");

            page.findElement(By.cssSelector("nav button[data-tab=mappings]")).click();
            new Select(page.findElement(By.id("m-vendor"))).selectByVisibleText("tawkto");
            page.findElement(By.id("m-body")).sendKeys("{\"event\":\"chat:start\",\"chatId\":\"c-1\",\"time\":"
                    + "\"2026-12-06T10:00:00Z\",\"message\":{\"text\":\"Oi, o frete é grátis?\"},\"visitor\":"
                    + "{\"name\":\"Ana\",\"email\":\"ana.souza@example.com\"},\"property\":{\"name\":\"Loja\"}}");
            page.findElement(By.id("m-try")).click();
            browser.waitFor("the trial's events", () -> page.findElement(By.id("m-result")).getText().contains("CHAT_STARTED"));
            assertThat(page.findElement(By.id("m-result")).getText()).contains("Oi, o frete é grátis?");
            assertThat(browser.overflowX()).isZero();
            browser.screenshot("console-try-mapping");
        }
    }

    private static List<WebElement> rows(org.openqa.selenium.WebDriver page, String css) {
        return page.findElements(By.cssSelector(css));
    }
}
