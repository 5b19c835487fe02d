package dev.ponte.vendors.jivochat;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;

/** The parts of a JivoChat webhook (chat_accepted, chat_finished, offline_message) RD's events need. */
@RegisterForReflection
public record JivoEvent(
        String eventName,
        String widgetId,
        String chatId,
        Visitor visitor,
        Agent agent,
        List<Agent> agents,
        Department department,
        Topic topic,
        Session session,
        Page page,
        Chat chat,
        String plainMessages,
        String message,
        String offlineMessageId) {

    @RegisterForReflection
    public record Visitor(String name, String email, String phone, String number) {
    }

    @RegisterForReflection
    public record Agent(String id, String name, String email) {
    }

    @RegisterForReflection
    public record Department(String id, String name) {
    }

    @RegisterForReflection
    public record Topic(String topicId, String title) {
    }

    @RegisterForReflection
    public record Session(Utm utmJson) {
    }

    @RegisterForReflection
    public record Utm(String source, String medium, String campaign, String content, String term) {
    }

    @RegisterForReflection
    public record Page(String url, String title) {
    }

    @RegisterForReflection
    public record Chat(List<Message> messages) {
    }

    @RegisterForReflection
    public record Message(String message, Long timestamp, String type, String agentId) {
    }
}
