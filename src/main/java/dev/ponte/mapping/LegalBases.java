package dev.ponte.mapping;

import dev.ponte.rd.events.LegalBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The legal bases a vendor's events carry: the payload's own, else the configured defaults. */
public final class LegalBases {

    private LegalBases() {
    }

    /** Parses {@code category:type[:status],...}; refuses at start-up rather than sending RD something it rejects. */
    public static List<LegalBase> parse(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().isBlank()) {
            return List.of();
        }
        List<LegalBase> bases = new ArrayList<>();
        for (String entry : setting.get().split(",")) {
            String[] parts = entry.trim().split(":");
            if (parts.length < 2 || parts.length > 3) {
                throw new IllegalArgumentException("Legal basis '" + entry.trim()
                        + "' is not category:type[:status], e.g. communications:consent:granted");
            }
            bases.add(new LegalBase(parts[0], parts[1], parts.length == 3 ? parts[2] : null));
        }
        return List.copyOf(bases);
    }

    /** The payload's legal bases when it has any, else the configured ones; null when neither (RD's field is optional). */
    public static List<LegalBase> orDefault(List<LegalBase> fromPayload, VendorSettings settings) {
        if (fromPayload != null && !fromPayload.isEmpty()) {
            return List.copyOf(fromPayload);
        }
        List<LegalBase> configured = parse(settings.legalBases());
        return configured.isEmpty() ? null : configured;
    }
}
