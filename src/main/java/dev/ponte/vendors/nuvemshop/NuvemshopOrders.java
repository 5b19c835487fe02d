package dev.ponte.vendors.nuvemshop;

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
 * Fetches the order a webhook names. Retried briefly here (Nuvemshop's API blips); if it stays
 * down the webhook is answered 503 and Nuvemshop sends it again later.
 */
@ApplicationScoped
public class NuvemshopOrders {

    private final NuvemshopApi api;
    private final NuvemshopConfig config;

    @Inject
    public NuvemshopOrders(@RestClient NuvemshopApi api, NuvemshopConfig config) {
        this.api = api;
        this.config = config;
    }

    @Retry(maxRetries = 2, delay = 200, jitter = 100, delayUnit = ChronoUnit.MILLIS,
            retryOn = VendorApiUnavailable.class, abortOn = IllegalStateException.class)
    public NuvemshopOrder fetch(String store, String id) {
        String token = config.accessToken().filter(t -> !t.isBlank()).orElseThrow(() -> new IllegalStateException(
                "PONTE_VENDORS_NUVEMSHOP_ACCESS_TOKEN is not set, so Nuvemshop orders cannot be read."));
        try (Response response = api.order(store, id, "bearer " + token, config.userAgent())) {
            int status = response.getStatus();
            if (status == 200) {
                return VendorJson.read(response.readEntity(byte[].class), NuvemshopOrder.class);
            }
            if (status == 404) {
                throw new IllegalStateException("Nuvemshop has no order " + id + " in store " + store + ".");
            }
            if (status == 401 || status == 403) {
                throw new IllegalStateException("Nuvemshop refused PONTE_VENDORS_NUVEMSHOP_ACCESS_TOKEN (HTTP " + status + ").");
            }
            throw new VendorApiUnavailable("Nuvemshop's API answered HTTP " + status + " for order " + id + ".");
        } catch (ProcessingException e) {
            throw new VendorApiUnavailable("Nuvemshop's API could not be reached for order " + id + ".");
        }
    }
}
