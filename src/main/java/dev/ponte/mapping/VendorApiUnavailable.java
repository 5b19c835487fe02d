package dev.ponte.mapping;

/**
 * The vendor's own API, which a mapper calls back for what the webhook does not carry, could
 * not answer. Nothing can be mapped yet: the vendor is answered 503 and sends the webhook again.
 */
public class VendorApiUnavailable extends RuntimeException {

    public VendorApiUnavailable(String message) {
        super(message, null, false, false);
    }
}
