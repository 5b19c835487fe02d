package dev.ponte.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A real HTTP server standing in for RD, started before Ponte and pointed to by its
 * configuration. Tests stub it per case and assert what it received.
 */
public class WireMockRd implements QuarkusTestResourceLifecycleManager {

    public static final String API_TOKEN = "test-api-token";
    public static final String ACCESS_TOKEN = "rd-access-token-1";

    public static final String API_KEY = "rd-legacy-api-key";
    public static final String SHOPIFY_SECRET = "shpss_test_client_secret";
    public static final String WOOCOMMERCE_SECRET = "wc-webhook-secret";
    public static final String NUVEMSHOP_SECRET = "nuvemshop-app-secret";
    public static final String NUVEMSHOP_TOKEN = "nuvemshop-store-token";
    public static final String VTEX_HOOK_KEY = "vtex-hook-key";
    public static final String TWILIO_TOKEN = "twilio-auth-token";
    public static final String JIVOCHAT_TOKEN = "jivo-url-token";
    public static final String TAWKTO_SECRET = "tawk-webhook-key";
    public static final String INTERCOM_SECRET = "intercom-client-secret";
    public static final String AIRCALL_TOKEN = "aircall-webhook-token";
    public static final String ZOOM_SECRET = "zoom-secret-token";
    public static final String WISTIA_SECRET = "wistia-secret-key";
    public static final String HOTMART_TOKEN = "hotmart-hottok";
    public static final String KIWIFY_TOKEN = "9ch0bpzogu9";
    public static final String EDUZZ_SECRET = "eduzz-secret-key";
    public static final String CALENDLY_KEY = "calendly-signing-key";
    public static final String TYPEFORM_SECRET = "typeform-secret";
    public static final String STRIPE_SECRET = "whsec_test_secret";
    public static final String PUBLIC_URL = "https://ponte.example.com";
    public static final String VTEX_APP_KEY = "vtexappkey-ponte-TEST";
    public static final String VTEX_APP_TOKEN = "vtex-app-token";

    private WireMockServer server;
    private boolean apiKeyOnly;
    private java.util.Set<String> unset = java.util.Set.of();
    private boolean tracing;

    /**
     * {@code credentials=api-key} configures only the legacy API key instead of OAuth;
     * {@code unset=wistia,vtex} leaves those vendors' settings out, as a user who has not set them would;
     * {@code tracing=on} turns tracing on, with this server as the OTLP collector (HTTP, {@code /v1/traces}).
     */
    @Override
    public void init(Map<String, String> args) {
        apiKeyOnly = "api-key".equals(args.get("credentials"));
        String vendors = args.getOrDefault("unset", "");
        unset = vendors.isBlank() ? java.util.Set.of() : java.util.Set.of(vendors.split(","));
        tracing = "on".equals(args.get("tracing"));
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        stubToken(server, ACCESS_TOKEN, 86_400);
        if (apiKeyOnly) {
            return Map.of("ponte.rd.url", server.baseUrl(), "ponte.rd.api-key", API_KEY, "ponte.api-token", API_TOKEN);
        }
        Map<String, String> settings = new java.util.HashMap<>(Map.ofEntries(
                Map.entry("ponte.vendors.nuvemshop.secret", NUVEMSHOP_SECRET),
                Map.entry("ponte.vendors.nuvemshop.access-token", NUVEMSHOP_TOKEN),
                // The same server stands in for the vendors' own APIs.
                Map.entry("ponte.vendors.nuvemshop.api-url", server.baseUrl()),
                Map.entry("ponte.vendors.vtex.secret", VTEX_HOOK_KEY),
                Map.entry("ponte.vendors.vtex.app-key", VTEX_APP_KEY),
                Map.entry("ponte.vendors.vtex.app-token", VTEX_APP_TOKEN),
                Map.entry("ponte.vendors.vtex.api-url", server.baseUrl()),
                Map.entry("ponte.vendors.twilio.secret", TWILIO_TOKEN),
                Map.entry("ponte.vendors.jivochat.secret", JIVOCHAT_TOKEN),
                Map.entry("ponte.vendors.tawkto.secret", TAWKTO_SECRET),
                Map.entry("ponte.vendors.intercom.secret", INTERCOM_SECRET),
                Map.entry("ponte.vendors.aircall.secret", AIRCALL_TOKEN),
                Map.entry("ponte.vendors.zoom.secret", ZOOM_SECRET),
                Map.entry("ponte.vendors.wistia.secret", WISTIA_SECRET),
                Map.entry("ponte.vendors.hotmart.secret", HOTMART_TOKEN),
                Map.entry("ponte.vendors.kiwify.secret", KIWIFY_TOKEN),
                Map.entry("ponte.vendors.eduzz.secret", EDUZZ_SECRET),
                Map.entry("ponte.vendors.calendly.secret", CALENDLY_KEY),
                Map.entry("ponte.vendors.typeform.secret", TYPEFORM_SECRET),
                Map.entry("ponte.vendors.stripe.secret", STRIPE_SECRET),
                Map.entry("ponte.public-url", PUBLIC_URL),
                Map.entry("ponte.rd.url", server.baseUrl()),
                Map.entry("ponte.rd.client-id", "client-id"),
                Map.entry("ponte.rd.client-secret", "client-secret"),
                Map.entry("ponte.rd.refresh-token", "refresh-token"),
                Map.entry("ponte.api-token", API_TOKEN),
                Map.entry("ponte.vendors.shopify.secret", SHOPIFY_SECRET),
                Map.entry("ponte.vendors.woocommerce.secret", WOOCOMMERCE_SECRET)));
        if (tracing) {
            settings.put("ponte.tracing.enabled", "true");
            settings.put("ponte.tracing.endpoint", server.baseUrl());
            settings.put("quarkus.otel.exporter.otlp.protocol", "http/protobuf");
            settings.put("quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf");
            settings.put("quarkus.otel.bsp.schedule.delay", "0.1s");
        }
        settings.keySet().removeIf(key -> unset.stream().anyMatch(vendor -> key.startsWith("ponte.vendors." + vendor + ".")));
        return settings;
    }

    /** RD's token endpoint handing out {@code token}, valid for {@code expiresIn} seconds. */
    public static void stubToken(WireMockServer server, String token, long expiresIn) {
        server.stubFor(post(urlEqualTo("/auth/token")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn
                        + ",\"refresh_token\":\"refresh-token\"}")));
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectRd.class, WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
