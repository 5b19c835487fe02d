package dev.ponte.vendors.intercom;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/**
 * An Intercom webhook notification whose {@code data.item} is a conversation. Apps on Intercom's
 * API 2.x receive the opening message as {@code source} (its author the contact); apps pinned to
 * API 1.x receive it as {@code conversation_message}, with the contact as {@code user}.
 */
@RegisterForReflection
public record IntercomNotification(String type, String id, String topic, Long createdAt, Data data) {

    @RegisterForReflection
    public record Data(Conversation item) {
    }

    @RegisterForReflection
    public record Conversation(String type, String id, String title, Long createdAt, Source source,
            Source conversationMessage, Author user, Parts conversationParts) {

        /** The opening message, in either API version's shape. */
        public Source opening() {
            return source != null ? source : conversationMessage;
        }
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
