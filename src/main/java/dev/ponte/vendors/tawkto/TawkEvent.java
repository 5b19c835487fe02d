package dev.ponte.vendors.tawkto;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** tawk.to's webhook body: chat:start, chat:end, chat:transcript_created and ticket:create share it. */
@RegisterForReflection
public record TawkEvent(
        String event,
        String chatId,
        String time,
        Message message,
        Visitor visitor,
        Property property,
        Chat chat,
        Requester requester,
        Ticket ticket) {

    @RegisterForReflection
    public record Message(String text, String type, Sender sender) {
    }

    @RegisterForReflection
    public record Sender(String type) {
    }

    @RegisterForReflection
    public record Visitor(String name, String email, String city, String country) {
    }

    @RegisterForReflection
    public record Property(String id, String name) {
    }

    @RegisterForReflection
    public record Chat(String id, Visitor visitor, List<TranscriptMessage> messages) {
    }

    /** A transcript line: {@code sender.t} is v (visitor), a (agent) or s (system), {@code sender.n} the name. */
    @RegisterForReflection
    public record TranscriptMessage(TranscriptSender sender, String type, String msg, String time) {
    }

    @RegisterForReflection
    public record TranscriptSender(String t, String n) {
    }

    @RegisterForReflection
    public record Requester(String name, String email, String type) {
    }

    @RegisterForReflection
    public record Ticket(String id, Long humanId, String subject, String message) {
    }
}
