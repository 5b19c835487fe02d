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
        IntercomNotification.Source source = conversation.opening();
        if (source != null) {
            transcript.add(at(conversation.createdAt()), who(source.author(), conversation.user()), plain(source.body()));
        }
        List<IntercomNotification.Part> parts = conversation.conversationParts() == null ? List.of()
                : Objects.requireNonNullElse(conversation.conversationParts().conversationParts(), List.of());
        for (IntercomNotification.Part part : parts) {
            if ("comment".equals(part.partType()) || "open".equals(part.partType()) || "close".equals(part.partType())) {
                transcript.add(at(part.createdAt()), who(part.author(), conversation.user()), plain(part.body()));
            }
        }
        return transcript.toString();
    }

    private static String at(Long epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(epochSeconds).toString();
    }

    /** The author's name; API 1.x names only the id of the contact who wrote, whose name is the conversation's user's. */
    private static String who(IntercomNotification.Author author, IntercomNotification.Author user) {
        if (author == null) {
            return "Unknown";
        }
        if (author.name() != null) {
            return author.name();
        }
        if (user != null && user.name() != null && author.id() != null && author.id().equals(user.id())) {
            return user.name();
        }
        return author.type();
    }
}
