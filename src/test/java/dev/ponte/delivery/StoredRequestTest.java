package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.mapping.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredRequestTest {

    @Test
    void keepsWhatRemappingNeedsAndDropsCredentials() {
        byte[] body = "{\"id\":450789469}".getBytes(StandardCharsets.UTF_8);
        DeadLetter.StoredRequest stored = DeadLetter.StoredRequest.of("/webhooks/shopify", "shop=x",
                Map.of("X-Shopify-Topic", "orders/create", "Authorization", "Bearer secret", "cookie", "s=1",
                        "X-Shopify-Hmac-Sha256", "abc="), body, Credentials.inHeaders("X-Shopify-Hmac-Sha256"));

        assertThat(stored.headers()).containsOnlyKeys("X-Shopify-Topic");
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.query()).isEqualTo("shop=x");
    }

    @Test
    void aTokenOnTheUrlIsNotKept() {
        DeadLetter.StoredRequest stored = DeadLetter.StoredRequest.of("/webhooks/jivochat", "a=1&token=jivo-url-token&b=2",
                Map.of(), new byte[0], Credentials.inQuery("token"));

        assertThat(stored.query()).isEqualTo("a=1&b=2");
        assertThat(DeadLetter.StoredRequest.of("/webhooks/jivochat", "token=t", Map.of(), new byte[0],
                Credentials.inQuery("token")).query()).isNull();
    }

    @Test
    void aTokenInsideTheBodyIsMaskedAndTheRestKept() {
        byte[] body = "{\"event\":\"call.ended\",\"token\":\"aircall-webhook-token\",\"data\":{\"id\":1}}"
                .getBytes(StandardCharsets.UTF_8);
        DeadLetter.StoredRequest stored = DeadLetter.StoredRequest.of("/webhooks/aircall", null, Map.of(), body,
                Credentials.inBody("token"));

        assertThat(new String(stored.body(), StandardCharsets.UTF_8))
                .isEqualTo("{\"event\":\"call.ended\",\"token\":\"***\",\"data\":{\"id\":1}}");
    }
}
