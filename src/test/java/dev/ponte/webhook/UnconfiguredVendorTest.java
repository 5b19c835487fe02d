package dev.ponte.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.MapperRegistry;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** A vendor whose settings are missing is a misconfiguration, told as one: 503, never "forged". */
@QuarkusTest
@WithTestResource(value = WireMockRd.class, initArgs = @ResourceArg(name = "unset", value = "wistia,vtex"))
class UnconfiguredVendorTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    MapperRegistry mappers;

    @Test
    void aVendorWithoutItsSecretAnswers503SoTheVendorRetriesAndNothingIsLost() {
        RdStubs.reset(rd);
        given().contentType("application/json").header("X-Wistia-Signature", "forged-or-not")
                .body("{\"hook\":{\"uuid\":\"x\"},\"events\":[]}").post("/webhooks/wistia")
                .then().statusCode(503)
                .body("errors[0].error_type", equalTo("VENDOR_NOT_CONFIGURED"))
                .body("errors[0].error_message", containsString("PONTE_VENDORS_WISTIA_SECRET is set"));

        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    @Test
    void everyMissingSettingIsNamed() {
        given().contentType("application/json").body("{\"OrderId\":\"1\"}").post("/webhooks/vtex")
                .then().statusCode(503)
                .body("errors[0].error_message", containsString("PONTE_VENDORS_VTEX_SECRET and"
                        + " PONTE_VENDORS_VTEX_APP_KEY and PONTE_VENDORS_VTEX_APP_TOKEN are set"));
        assertThat(mappers.missingSettings("shopify")).isEmpty();
        assertThat(mappers.missingSettings("wistia")).containsExactly("PONTE_VENDORS_WISTIA_SECRET");
    }
}
