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

    /** Why RD would refuse these events, by its own documented rules; null when it would not. */
    static String invalid(List<RdEvent> events) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (RdError error : EventValidator.validate(events.get(i))) {
                problems.add((events.size() > 1 ? "event " + i + " " : "") + error.path() + ": " + error.errorMessage());
            }
        }
        return problems.isEmpty() ? null : "RD would refuse the mapped events: " + String.join("; ", problems);
    }
}
