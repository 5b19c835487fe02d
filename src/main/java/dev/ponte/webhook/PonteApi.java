package dev.ponte.webhook;

import dev.ponte.rd.RdErrors;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What {@code /q/openapi} says Ponte is: vendors' webhooks in, RD's Events API passed through, and
 * the operator's endpoints, with errors in RD's own shape. The description is generated at build
 * time from the resources' annotations.
 */
@OpenAPIDefinition(
        info = @Info(title = "Ponte", version = "0.1",
                description = "Vendor webhooks in, RD Station Marketing events out. Errors are answered in RD's shape:"
                        + " {\"errors\":[{\"error_type\",\"error_message\",\"path\"}]}."),
        tags = {
            @Tag(name = "Webhooks", description = "Vendors post here; each vendor proves itself as it documents."),
            @Tag(name = "Events API", description = "RD's 13 event types and the ECOMMERCE_* family, validated as RD"
                    + " validates them and delivered once."),
            @Tag(name = "Operators", description = "What happened, what waits, and trying a mapping; behind the API token.")},
        // The error answers every endpoint shares, in RD's shape; endpoints refer to them by name.
        components = @Components(responses = {
            @APIResponse(name = PonteApi.INVALID, responseCode = "400", description = "Refused: the body is not what RD"
                    + " or the vendor documents, or RD refused it. Each error names its path.", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = RdErrors.class))),
            @APIResponse(name = PonteApi.UNPROVEN, responseCode = "401", description = "Not proven: a missing or wrong"
                    + " API token, or a webhook not signed as its vendor signs", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = RdErrors.class))),
            @APIResponse(name = PonteApi.UNKNOWN, responseCode = "404", description = "No such vendor",
                    content = @Content(mediaType = "application/json", schema = @Schema(implementation = RdErrors.class))),
            @APIResponse(name = PonteApi.SEND_AGAIN, responseCode = "503", description = "Neither delivered nor kept"
                    + " (not configured, a vendor API or Ponte's state unavailable): send it again", content = @Content(
                            mediaType = "application/json", schema = @Schema(implementation = RdErrors.class)))}))
@SecurityScheme(securitySchemeName = "apiToken", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "PONTE_API_TOKEN")
public class PonteApi extends Application {

    static final String INVALID = "Invalid";
    static final String UNPROVEN = "Unproven";
    static final String UNKNOWN = "UnknownVendor";
    static final String SEND_AGAIN = "SendAgain";
}
