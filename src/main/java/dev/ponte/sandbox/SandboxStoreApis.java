package dev.ponte.sandbox;

import dev.ponte.rd.events.RdJson;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The store APIs Ponte reads orders back from, standing in for them beside RD's sandbox so that
 * Nuvemshop's and VTEX's webhooks go end to end with no store: any order asked for is the
 * documented example order ({@code sandbox/}), under the id asked for. Like a real store, it
 * wants credentials, and answers 401 without them.
 */
@Singleton
public class SandboxStoreApis {

    private static final String NUVEMSHOP_ORDER = "sandbox/nuvemshop/order-450789469.json";
    private static final String VTEX_ORDER = "sandbox/vtex/order-1172452900788-01.json";

    /** Nuvemshop's {@code GET /v1/{store}/orders/{id}}, authenticated by {@code Authentication: bearer <token>}. */
    public SandboxRd.Answer nuvemshopOrder(String id, String authentication) {
        if (authentication == null || !authentication.regionMatches(true, 0, "bearer ", 0, 7)
                || authentication.substring(7).isBlank()) {
            return new SandboxRd.Answer(401, RdJson.mapper().createObjectNode().put("code", 401)
                    .put("message", "Unauthorized").put("description", "Invalid access token"));
        }
        if (id.isEmpty() || id.length() > 18 || !id.chars().allMatch(Character::isDigit)) {
            return new SandboxRd.Answer(404, RdJson.mapper().createObjectNode().put("code", 404)
                    .put("message", "Not Found").put("description", "Order with such id does not exist"));
        }
        return new SandboxRd.Answer(200, example(NUVEMSHOP_ORDER, "450789469", id));
    }

    /** VTEX OMS's {@code GET /api/oms/pvt/orders/{orderId}}, authenticated by the app key pair. */
    public SandboxRd.Answer vtexOrder(String orderId, String appKey, String appToken) {
        if (appKey == null || appKey.isBlank() || appToken == null || appToken.isBlank()) {
            return new SandboxRd.Answer(401, RdJson.mapper().createObjectNode().put("error", "Unauthorized"));
        }
        if (!orderId.matches("[A-Za-z0-9-]{1,64}")) {
            return new SandboxRd.Answer(404, RdJson.mapper().createObjectNode().put("error", "Order not found"));
        }
        return new SandboxRd.Answer(200, example(VTEX_ORDER, "1172452900788-01", orderId));
    }

    /**
     * The documented example as published, its order id replaced by the one asked for. Kept as
     * text: Nuvemshop's example repeats a field, which a JSON tree would not carry through.
     */
    private static String example(String resource, String exampleId, String id) {
        try (InputStream in = SandboxStoreApis.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace(exampleId, id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
