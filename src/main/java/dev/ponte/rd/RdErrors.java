package dev.ponte.rd;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** RD's error body: {@code {"errors":[...]}}. Ponte answers every refusal in this shape. */
public record RdErrors(@JsonProperty("errors") List<RdError> errors) {

    public RdErrors {
        errors = List.copyOf(errors);
    }

    public static RdErrors of(RdError... errors) {
        return new RdErrors(List.of(errors));
    }

    public static RdErrors of(String type, String message) {
        return of(RdError.of(type, message));
    }
}
