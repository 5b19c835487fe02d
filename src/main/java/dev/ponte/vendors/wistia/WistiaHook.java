package dev.ponte.vendors.wistia;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.math.BigDecimal;
import java.util.List;

/** Wistia's webhook body: always an {@code events} array, even for one event. */
@RegisterForReflection
public record WistiaHook(Hook hook, List<Event> events) {

    @RegisterForReflection
    public record Hook(String uuid) {
    }

    @RegisterForReflection
    public record Event(String uuid, String type, String generatedAt, Payload payload) {
    }

    @RegisterForReflection
    public record Payload(Visitor visitor, ViewingSession viewingSession, Media media, BigDecimal percentWatched,
            String name, String email) {
    }

    @RegisterForReflection
    public record Visitor(String id) {
    }

    @RegisterForReflection
    public record ViewingSession(String id) {
    }

    @RegisterForReflection
    public record Media(String id, String name, String url, BigDecimal duration) {
    }
}
