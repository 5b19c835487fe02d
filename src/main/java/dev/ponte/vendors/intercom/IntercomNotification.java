package dev.ponte.vendors.intercom;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** An Intercom webhook notification whose {@code data.item} is a conversation. */
@RegisterForReflection
public record IntercomNotification(String type, String id, String topic, Long createdAt, Data data) {

    @RegisterForReflection
    public record Data(Conversation item) {
    }

    @RegisterForReflection
    public record Conversation(String type, String id, String title, Long createdAt, Source source, Parts conversationParts) {
    }

    @RegisterForReflection
    public record Source(String type, String subject, String body, Author author) {
    }

    @RegisterForReflection
    public record Author(String type, String id, String name, String email) {
    }

    @RegisterForReflection
    public record Parts(List<Part> conversationParts) {
    }

    @RegisterForReflection
    public record Part(String partType, String body, Long createdAt, Author author) {
    }
}
