package dev.ponte.vendors.intercom;

import java.time.Instant;
import java.util.ArrayList;
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

    /** The opening message and every comment after it, "[time] who: text"; notes and state changes are left out. */
    static String transcript(IntercomNotification.Conversation conversation) {
        List<String> lines = new ArrayList<>();
        IntercomNotification.Source source = conversation.source();
        if (source != null && !plain(source.body()).isEmpty()) {
            lines.add(line(conversation.createdAt(), source.author(), source.body()));
        }
        List<IntercomNotification.Part> parts = conversation.conversationParts() == null ? List.of()
                : Objects.requireNonNullElse(conversation.conversationParts().conversationParts(), List.of());
        for (IntercomNotification.Part part : parts) {
            if (("comment".equals(part.partType()) || "open".equals(part.partType()) || "close".equals(part.partType()))
                    && !plain(part.body()).isEmpty()) {
                lines.add(line(part.createdAt(), part.author(), part.body()));
            }
        }
        return lines.isEmpty() ? "(no messages)" : String.join("\n", lines);
    }

    private static String line(Long at, IntercomNotification.Author author, String body) {
        String who = author == null ? "Unknown" : author.name() != null ? author.name() : author.type();
        return (at == null ? "" : "[" + Instant.ofEpochSecond(at) + "] ") + who + ": " + plain(body);
    }
}
