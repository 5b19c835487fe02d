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

    /** The visit's UTM data: {@code utm_json}, or in older payloads only {@code utm}, "source=google|medium=cpc|...". */
    @RegisterForReflection
    public record Session(String utm, Utm utmJson) {

        Utm utmData() {
            if (utmJson != null) {
                return utmJson;
            }
            java.util.Map<String, String> pairs = new java.util.HashMap<>();
            for (String pair : (utm == null ? "" : utm).split("\\|")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    pairs.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
                }
            }
            return new Utm(pairs.get("source"), pairs.get("medium"), pairs.get("campaign"), pairs.get("content"), pairs.get("term"));
        }
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
