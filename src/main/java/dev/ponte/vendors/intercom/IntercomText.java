package dev.ponte.vendors.intercom;

import dev.ponte.mapping.ChatText;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** Intercom's message bodies are HTML; RD's chat fields are plain text. */
final class IntercomText {

    private IntercomText() {
    }

    static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                .replace("&#39;", "'").replace("&amp;", "&");
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).reduce((a, b) -> a + " " + b).orElse("");
    }

    /** The opening message and every comment after it; notes and state changes are left out. */
    static String transcript(IntercomNotification.Conversation conversation) {
        ChatText.Transcript transcript = new ChatText.Transcript();
        IntercomNotification.Source source = conversation.source();
        if (source != null) {
            transcript.add(at(conversation.createdAt()), who(source.author()), plain(source.body()));
        }
        List<IntercomNotification.Part> parts = conversation.conversationParts() == null ? List.of()
                : Objects.requireNonNullElse(conversation.conversationParts().conversationParts(), List.of());
        for (IntercomNotification.Part part : parts) {
            if ("comment".equals(part.partType()) || "open".equals(part.partType()) || "close".equals(part.partType())) {
                transcript.add(at(part.createdAt()), who(part.author()), plain(part.body()));
            }
        }
        return transcript.toString();
    }

    private static String at(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds).toString();
    }

    private static String who(IntercomNotification.Author author) {
        return author == null ? "Unknown" : author.name() != null ? author.name() : author.type();
    }
}
