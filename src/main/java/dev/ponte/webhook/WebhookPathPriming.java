package dev.ponte.webhook;

import dev.ponte.mapping.MapperRegistry;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.RdApi;
import dev.ponte.rd.RdBatches;
import dev.ponte.rd.RdGateway;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.validation.EventValidator;
import dev.ponte.vendors.shopify.ShopifyConfig;
import io.quarkus.arc.ClientProxy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The webhook path walked as far as it goes without leaving the process, so that its classes are
 * loaded and have run once: a Shopify order bundled with Ponte is signed (with the configured
 * secret) and verified, mapped, its RD events validated and written as RD's batch body, and RD's
 * client is made but not called. Nothing is sent, claimed, recorded or parked. SnapStart's hook
 * walks it before the snapshot; a server walks it once it listens ({@link FirstWebhookWarmUp}).
 *
 * <p>Made only when one of them walks it: injecting RD's REST client builds it (Quarkus builds one
 * when its proxy is made), which a start that walks nothing should not pay for.
 */
@Singleton
public class WebhookPathPriming {

    private static final String SAMPLE = "/priming/shopify-orders-create.json";

    @Inject
    MapperRegistry mappers;

    @Inject
    ShopifyConfig shopify;

    @Inject
    Clock clock;

    @Inject
    RdGateway gateway;

    @Inject
    @RestClient
    RdApi rd;

    /** Walks the path once; returns how many RD events it built. */
    public int prime() {
        byte[] body = sample();
        String secret = shopify.secret().orElse("priming");
        Webhook webhook = new Webhook("shopify", "/webhooks/shopify", "",
                Map.of("Content-Type", "application/json", "X-Shopify-Topic", "orders/create",
                        "X-Shopify-Webhook-Id", "priming", "X-Shopify-Hmac-Sha256",
                        Signatures.base64(Signatures.Algorithm.SHA256, secret, body)),
                Map.of(), body, clock.instant(), "https://ponte.invalid/webhooks/shopify");
        VendorMapper mapper = mappers.find("shopify").orElseThrow();
        if (shopify.secret().isPresent()) {
            mapper.verify(webhook);
        }
        List<RdEvent> events = new ArrayList<>();
        MappingResult result = mapper.map(webhook);
        if (result instanceof MappingResult.Mapped mapped) {
            events.addAll(mapped.events());
        } else if (result instanceof MappingResult.Several several) {
            several.deliveries().forEach(part -> events.addAll(part.events()));
        }
        List<String> written = new ArrayList<>();
        for (RdEvent event : events) {
            EventValidator.validate(event);
            written.add(RdJson.string(event));
        }
        RdBatches.pack(written, 200_000);
        // Made, never called: a call would open RD's connection and ask for a token (before a
        // snapshot, or for a server that may never be sent a webhook).
        ClientProxy.unwrap(rd);
        ClientProxy.unwrap(gateway);
        return events.size();
    }

    private static byte[] sample() {
        try (InputStream in = WebhookPathPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
