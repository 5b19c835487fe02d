package dev.ponte.vendors.jivochat;

import dev.ponte.mapping.VendorSettings;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * JivoChat signs nothing: the webhook URL is the secret. {@code PONTE_VENDORS_JIVOCHAT_SECRET} is
 * the token the URL carries ({@code /webhooks/jivochat?token=...}).
 */
@ConfigMapping(prefix = "ponte.vendors.jivochat")
public interface JivoChatConfig extends VendorSettings {

    /** {@code PONTE_VENDORS_JIVOCHAT_CONVERSION_IDENTIFIER}: the RD conversion an offline message becomes. */
    @WithDefault("jivochat-offline-message")
    String conversionIdentifier();

    /**
     * {@code PONTE_VENDORS_JIVOCHAT_MESSAGE_FIELD}: the API identifier of an RD custom field
     * ({@code cf_...}) that receives the offline message's text. Unset, the text stays in JivoChat.
     */
    Optional<String> messageField();
}
