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
import io.quarkus.logging.Log;
import io.quarkus.runtime.PreloadClassesRecorder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Lambda SnapStart snapshots the function after start-up; what runs before the snapshot is
 * restored already loaded and compiled. Before the checkpoint, a Shopify order bundled with Ponte
 * goes through the webhook path as far as it goes without leaving the process: its signature
 * checked, mapped, its RD events validated and written as RD's batch body, and RD's client is
 * made (its HTTP client and JSON writers) but not called. Nothing is sent, claimed, recorded or
 * parked. Every application class is loaded first, as Quarkus would have
 * loaded them at every start. Where there is no checkpoint (any other JVM) the hook never runs.
 */
@Singleton
public class SnapStartPriming implements Resource {

    private static final String SAMPLE = "/priming/shopify-orders-create.json";

    @Inject
    MapperRegistry mappers;

    @Inject
    ShopifyConfig shopify;

    @Inject
    Clock clock;

    @Inject
    RdGateway gateway;

    // Looked up when priming, not injected: injecting RD's REST client (even its proxy) builds it,
    // and the hook is made at every start to register itself; a start with no snapshot to take
    // would pay for the client there (its class loading showed up inside `started`).
    @Inject
    @RestClient
    Instance<RdApi> rd;

    void register(@Observes StartupEvent start) {
        // The context holds resources weakly: this bean (a singleton) keeps itself alive.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Quarkus would load and initialise every application class at each start for the snapshot's
        // sake (quarkus.snapstart.preload-classes); Ponte turns that off, so that a start with no
        // snapshot to take does not pay for it (about 60 ms of a cold start), and does it here.
        PreloadClassesRecorder.preloadClasses(true);
        try {
            Log.infof("primed before the snapshot: %s RD events built, nothing sent", prime());
        } catch (RuntimeException e) {
            // A snapshot without priming is slower to its first webhook, not wrong.
            Log.warnf(e, "priming before the snapshot failed; the snapshot is taken unprimed");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: priming kept nothing.
    }

    /** The webhook path up to RD's door; returns how many RD events it built. */
    int prime() {
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
        // Made, never called: a call would open RD's connection and ask for a token before the snapshot.
        ClientProxy.unwrap(rd.get());
        ClientProxy.unwrap(gateway);
        return events.size();
    }

    private static byte[] sample() {
        try (InputStream in = SnapStartPriming.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from this build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
