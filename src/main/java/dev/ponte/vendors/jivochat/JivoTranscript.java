package dev.ponte.vendors.jivochat;

import dev.ponte.mapping.ChatText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The transcript RD keeps in {@code cf_chat_transcript_message}: JivoChat's own plain-text
 * rendering when it sends one, else one line per message, "[time] who: text".
 */
final class JivoTranscript {

    private JivoTranscript() {
    }

    static String of(JivoEvent event) {
        if (event.plainMessages() != null && !event.plainMessages().isBlank()) {
            return event.plainMessages().strip();
        }
        List<JivoEvent.Message> messages = event.chat() == null || event.chat().messages() == null
                ? List.of() : event.chat().messages();
        ChatText.Transcript transcript = new ChatText.Transcript();
        for (JivoEvent.Message message : messages) {
            transcript.add(message.timestamp() == null ? null : Instant.ofEpochSecond(message.timestamp()).toString(),
                    speaker(event, message), message.message());
        }
        return transcript.toString();
    }

    private static String speaker(JivoEvent event, JivoEvent.Message message) {
        if ("visitor".equals(message.type())) {
            return Optional.ofNullable(event.visitor()).map(JivoEvent.Visitor::name).filter(n -> !n.isBlank()).orElse("Visitor");
        }
        if ("agent".equals(message.type())) {
            return Optional.ofNullable(event.agents()).orElse(List.of()).stream()
                    .filter(agent -> Objects.equals(agent.id(), message.agentId()))
                    .map(JivoEvent.Agent::name).filter(Objects::nonNull).findFirst().orElse("Agent");
        }
        return message.type() == null ? "System" : message.type();
    }
}
