package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredRequestTest {

    @Test
    void keepsWhatRemappingNeedsAndDropsCredentials() {
        byte[] body = "{\"id\":450789469}".getBytes(StandardCharsets.UTF_8);
        DeadLetter.StoredRequest stored = DeadLetter.StoredRequest.of("/webhooks/shopify", "shop=x",
                Map.of("X-Shopify-Topic", "orders/create", "Authorization", "Bearer secret", "cookie", "s=1",
                        "X-Shopify-Hmac-Sha256", "abc="), body);

        assertThat(stored.headers()).containsOnlyKeys("X-Shopify-Topic", "X-Shopify-Hmac-Sha256");
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.query()).isEqualTo("shop=x");
    }
}
