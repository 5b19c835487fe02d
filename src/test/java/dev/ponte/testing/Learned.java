package dev.ponte.testing;

import dev.ponte.contacts.Learning;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.mapping.Fact;
import dev.ponte.mapping.MappingResult;
import dev.ponte.rd.events.RdEvent;
import java.util.List;

/** For mapper tests: keeps what RD accepting a mapping's events teaches, as Ponte does once they are delivered. */
public final class Learned {

    private Learned() {
    }

    public static void from(StateStore store, MappingResult result) {
        List<MappingResult.Mapped> parts = result instanceof MappingResult.Several several ? several.deliveries()
                : result instanceof MappingResult.Mapped mapped ? List.of(mapped) : List.of();
        parts.forEach(part -> keep(store, Learning.facts(part.events(), part.facts())));
    }

    public static void fromEvents(StateStore store, List<RdEvent> events) {
        keep(store, Learning.facts(events, List.of()));
    }

    private static void keep(StateStore store, List<Fact> facts) {
        facts.forEach(fact -> store.remember(fact.key(), fact.value(), fact.keep()));
    }
}
