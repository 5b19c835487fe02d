package dev.ponte.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Bodies read into plain values for mapping files are exactly what Jackson's own untyped reading makes of them. */
class VendorJsonValuesTest {

    @Test
    void everyVendorPayloadReadsAsJacksonReadsIt() throws IOException {
        List<Path> payloads;
        try (Stream<Path> files = Files.walk(Path.of("src/test/resources/vendors"))) {
            payloads = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
        assertThat(payloads).hasSizeGreaterThan(100);
        for (Path payload : payloads) {
            byte[] body = Files.readAllBytes(payload);
            assertThat(VendorJson.values(body)).as(payload.toString())
                    .isEqualTo(VendorJson.readCamelCase(body, Object.class));
        }
    }

    @Test
    void numbersKeepTheirKinds() {
        Object values = VendorJson.values("{\"a\":1,\"b\":12345678901,\"c\":1.50,\"d\":[true,null,\"x\"]}"
                .getBytes(StandardCharsets.UTF_8));
        assertThat(values).hasToString("{a=1, b=12345678901, c=1.50, d=[true, null, x]}");
        assertThat(((java.util.Map<?, ?>) values).get("c")).isEqualTo(new java.math.BigDecimal("1.50"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "null", "{\"a\":", "{\"a\" 1}", "[1,]"})
    void whatIsNotAJsonValueIsMalformed(String body) {
        assertThatThrownBy(() -> VendorJson.values(body.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayload.class);
    }

    @Test
    void nestingBeyondTheParsersLimitIsMalformedNotAStackOverflow() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertThatThrownBy(() -> VendorJson.values(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedPayload.class);
    }

    @Test
    void onlyTheWantedPartsAreKeptAndListsAreReadItemByItem() {
        VendorJson.Wanted wanted = VendorJson.Wanted.nothing();
        wanted.name("visitor").name("email").whole();
        wanted.name("items").name("sku").whole();
        wanted.name("order").whole();
        byte[] body = ("{\"event\":\"x\",\"visitor\":{\"name\":\"Ana\",\"email\":\"a@e.com\",\"city\":{\"n\":1}},"
                + "\"items\":[{\"sku\":\"A\",\"qty\":1},{\"sku\":null,\"qty\":[1,2]}],"
                + "\"order\":{\"id\":7,\"lines\":[{\"x\":1}]},\"big\":[\"" + "y".repeat(10_000) + "\"]}")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(VendorJson.values(body, wanted))
                .hasToString("{visitor={email=a@e.com}, items=[{sku=A}, {sku=null}], order={id=7, lines=[{x=1}]}}");
    }

    @Test
    void whatIsSkippedIsStillReadAsJson() {
        VendorJson.Wanted wanted = VendorJson.Wanted.nothing();
        wanted.name("a").whole();
        byte[] broken = "{\"a\":1,\"b\":{\"c\": tru}}".getBytes(StandardCharsets.UTF_8);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VendorJson.values(broken, wanted))
                .isInstanceOf(MalformedPayload.class);
    }

    @Test
    void wantingTheWholeBodyReadsItAll() throws IOException {
        VendorJson.Wanted wanted = VendorJson.Wanted.nothing();
        wanted.name("a");
        wanted.whole();
        byte[] body = Files.readAllBytes(Path.of("src/test/resources/vendors/shopify/orders-create.json"));

        assertThat(VendorJson.values(body, wanted)).isEqualTo(VendorJson.values(body));
    }
}
