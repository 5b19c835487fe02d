package dev.ponte.rd;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** One entry of RD's {@code errors} array, in RD's own field names. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RdError(
        @JsonProperty("error_type") String errorType,
        @JsonProperty("error_message") String errorMessage,
        @JsonProperty("path") String path,
        @JsonProperty("validation_rules") Map<String, Object> validationRules) {

    public static RdError of(String type, String message, String path) {
        return new RdError(type, message, path, null);
    }

    public static RdError of(String type, String message) {
        return new RdError(type, message, null, null);
    }

    public static RdError invalidOption(String path, List<String> validOptions) {
        return new RdError("INVALID_OPTION", "Must be one of the valid options.", path,
                Map.of("valid_options", validOptions));
    }
}
