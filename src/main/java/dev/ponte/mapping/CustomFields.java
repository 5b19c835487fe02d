package dev.ponte.mapping;

import java.util.Map;
import java.util.Optional;

/** Text a vendor carries that RD has no standard field for, sent to the custom field the user named. */
public final class CustomFields {

    private CustomFields() {
    }

    /** {@code {field: value}} when a field is configured and there is text for it; otherwise nothing. */
    public static Map<String, String> of(Optional<String> field, String value) {
        if (field.isEmpty() || field.get().isBlank() || value == null || value.isBlank()) {
            return Map.of();
        }
        return Map.of(field.get().strip(), value.strip());
    }
}
