package dev.ponte.vendors.vtex;

import dev.ponte.mapping.VendorApiUnavailable;
import dev.ponte.mapping.VendorJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Reads the order a hook names from OMS. VTEX wants its hook answered within 5 s, so this tries
 * twice at most, each with a short timeout; if OMS stays unavailable, VTEX sends the hook again.
 */
@ApplicationScoped
public class VtexOrders {

    private final VtexApi api;
    private final VtexConfig config;

    @Inject
    public VtexOrders(@RestClient VtexApi api, VtexConfig config) {
        this.api = api;
        this.config = config;
    }

    @Retry(maxRetries = 1, delay = 100, delayUnit = ChronoUnit.MILLIS, retryOn = VendorApiUnavailable.class,
            abortOn = IllegalStateException.class)
    public VtexOrder fetch(String account, String orderId) {
        String key = config.appKey().filter(k -> !k.isBlank()).orElseThrow(() -> new IllegalStateException(
                "PONTE_VENDORS_VTEX_APP_KEY is not set, so VTEX orders cannot be read."));
        String token = config.appToken().filter(t -> !t.isBlank()).orElseThrow(() -> new IllegalStateException(
                "PONTE_VENDORS_VTEX_APP_TOKEN is not set, so VTEX orders cannot be read."));
        String baseUrl = config.apiUrl().replace("{account}", account == null ? "" : account);
        try (Response response = api.order(baseUrl, orderId, key, token)) {
            int status = response.getStatus();
            if (status == 200) {
                return VendorJson.readCamelCase(response.readEntity(byte[].class), VtexOrder.class);
            }
            if (status == 401 || status == 403) {
                throw new IllegalStateException("VTEX refused PONTE_VENDORS_VTEX_APP_KEY/APP_TOKEN (HTTP " + status + ").");
            }
            if (status == 404) {
                throw new IllegalStateException("VTEX has no order " + orderId + " in account " + account + ".");
            }
            throw new VendorApiUnavailable("VTEX OMS answered HTTP " + status + " for order " + orderId + ".");
        } catch (ProcessingException e) {
            throw new VendorApiUnavailable("VTEX OMS could not be reached for order " + orderId + ".");
        }
    }
}
