package dev.ponte.mapping;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Vendor values as RD wants them: text without stray blanks, times in RFC 3339 UTC. */
public final class VendorValues {

    private VendorValues() {
    }

    /** Trimmed, or null when there is nothing. */
    public static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The first of {@code values} that says something, as {@link #text}; null when none does. */
    public static String first(String... values) {
        for (String value : values) {
            String text = text(value);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    /** An ISO 8601 instant rewritten as RFC 3339 UTC; null when absent or not a time. */
    public static String timestamp(String value) {
        try {
            return value == null ? null : Instant.parse(value).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
