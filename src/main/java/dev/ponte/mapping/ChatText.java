package dev.ponte.mapping;

import java.util.ArrayList;
import java.util.List;

/**
 * How every chat vendor fills RD's chat text fields, so a subject and a transcript read the same
 * whichever widget they came from.
 */
public final class ChatText {

    static final int SUBJECT_LENGTH = 100;
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private ChatText() {
    }

    /** The first non-blank candidate on one line, at most 100 characters; {@code fallback} when there is none. */
    public static String subject(String fallback, String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null && !candidate.isBlank()) {
                String line = SPACES.matcher(candidate.strip()).replaceAll(" ");
                return line.length() <= SUBJECT_LENGTH ? line : line.substring(0, SUBJECT_LENGTH - 1) + "…";
            }
        }
        return fallback;
    }

    /** {@code cf_chat_transcript_message}: one line per message, "[time] who: text". */
    public static final class Transcript {

        private final List<String> lines = new ArrayList<>();

        /** Adds a message; one without text is left out, and {@code at} may be unknown. */
        public Transcript add(String at, String who, String text) {
            if (text != null && !text.isBlank()) {
                lines.add((at == null ? "" : "[" + at + "] ") + who + ": " + text.strip());
            }
            return this;
        }

        /** RD requires the field, so a chat without messages says so. */
        @Override
        public String toString() {
            return lines.isEmpty() ? "(no messages)" : String.join("\n", lines);
        }
    }
}
