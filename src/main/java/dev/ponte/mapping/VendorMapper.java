package dev.ponte.mapping;

/**
 * The plug-in point: one CDI bean per vendor, found by {@link #vendor()}. A mapper knows its
 * vendor's signatures and payloads and nothing about HTTP status codes, retries or RD
 * credentials. {@link #map} is pure: the webhook in, typed RD events out, with no I/O except
 * calls to the vendor's own API through a declared REST client of its package.
 */
public interface VendorMapper {

    /** The path segment: {@code /webhooks/<vendor>}. */
    String vendor();

    /**
     * The settings under {@code ponte.vendors.<vendor>} without which no webhook can be verified or
     * mapped. Checked by the registry before {@link #verify}: a vendor missing one is answered 503
     * {@code VENDOR_NOT_CONFIGURED} (it retries, nothing is lost), never 401.
     */
    default java.util.List<String> requiredSettings() {
        return java.util.List.of("secret");
    }

    /** Where this vendor's webhooks carry their proof, so that a stored request keeps none of it. */
    Credentials credentials();

    /** Whether the webhook really comes from the vendor; a refusal is answered 401 and nothing is sent. */
    Verification verify(Webhook webhook);

    /**
     * The delivery id {@link #map} will give this webhook, when it can be read from the webhook
     * alone and mapping costs a call to the vendor's API: a redelivery of something already
     * delivered is then answered without the call. Empty (the default) when there is no such cost
     * or the id depends on what the API returns.
     */
    default java.util.Optional<String> deliveryIdBeforeMapping(Webhook webhook) {
        return java.util.Optional.empty();
    }

    /** The RD events this webhook stands for; throws {@link MalformedPayload} when the body is not the documented one. */
    MappingResult map(Webhook webhook);
}
