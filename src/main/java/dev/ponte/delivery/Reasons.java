package dev.ponte.delivery;

import dev.ponte.rd.RdError;
import dev.ponte.rd.RdOutcome;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.validation.EventValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The reasons a dead letter gives, in words an operator reads. */
final class Reasons {

    private Reasons() {
    }

    static String of(RdOutcome.Rejected rejected) {
        return "RD refused the events (HTTP " + rejected.status() + "): " + rejected.errors().errors().stream()
                .map(e -> e.errorType() + (e.path() == null ? "" : " at " + e.path()) + " " + e.errorMessage())
                .collect(Collectors.joining("; "));
    }

    /**
     * A refusal of a delivery with ECOMMERCE_* events may be RD's way of saying the account lacks
     * RD Station Marketing para Ecommerce, whatever status it comes with: the reason says so, and
     * how to go back to the older events.
     */
    static String withEcommerceHint(String reason, Delivery delivery) {
        if (delivery.events().stream().noneMatch(e -> e.eventType().ecommerce())) {
            return reason;
        }
        return reason + ". The ECOMMERCE_* events need RD Station Marketing para Ecommerce (Pro or Advanced) on this"
                + " RD account; without it, set PONTE_RD_ECOMMERCE_EVENTS=legacy (or PONTE_VENDORS_" + vendor(delivery)
                + "_ECOMMERCE_EVENTS=legacy) and replay this dead letter.";
    }

    private static String vendor(Delivery delivery) {
        return delivery.source().toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /** Why RD would refuse these events, by its own documented rules; null when it would not. */
    static String invalid(List<RdEvent> events) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (RdError error : EventValidator.validate(events.get(i))) {
                Object options = error.validationRules() == null ? null : error.validationRules().get("valid_options");
                problems.add((events.size() > 1 ? "event " + i + " " : "") + error.path() + ": " + error.errorMessage()
                        + (options instanceof List<?> valid ? " (" + valid.stream().map(String::valueOf)
                                .collect(Collectors.joining(", ")) + ")" : ""));
            }
        }
        return problems.isEmpty() ? null : "RD would refuse the mapped events: " + String.join("; ", problems);
    }
}
