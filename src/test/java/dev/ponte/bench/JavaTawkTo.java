package dev.ponte.bench;

import dev.ponte.mapping.ChatText;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.CustomFields;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorValues;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.ChatFinishedPayloadBuilder;
import dev.ponte.rd.events.ChatStartedPayloadBuilder;
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import java.util.List;
import java.util.Objects;

/**
 * Ponte's tawk.to mapper as it was in Java before mappings/tawkto.yaml replaced it (mapping only:
 * both verify with the same HMAC code): the reference {@link MappingCost} measures the file against.
 */
final class JavaTawkTo {

    static final String CHAT_TYPE = "tawk.to";
    static final String EVENT_ID = "X-Hook-Event-Id";

    MappingResult map(Webhook webhook) {
        TawkEvent event = VendorJson.readCamelCase(webhook.body(), TawkEvent.class);
        if (event.event() == null) {
            throw new MalformedPayload("A tawk.to webhook carries event.", "$.event");
        }
        return switch (event.event()) {
            case "chat:start" -> started(event);
            case "chat:end" -> ended(event);
            case "chat:transcript_created" -> transcribed(event);
            case "ticket:create" -> ticket(webhook, event);
            default -> new MappingResult.Ignored(event.event(), "tawk.to's " + event.event() + " has no RD event.");
        };
    }

    private MappingResult started(TawkEvent event) {
        String chatId = required(event.chatId(), "$.chatId");
        String email = event.visitor() == null ? null : Contacts.email(event.visitor().email());
        if (email == null) {
            return anonymous(event);
        }
        String subject = ChatText.subject(propertyName(event), event.message() == null ? null : event.message().text());
        return new MappingResult.Mapped(event.event(), "chat-" + chatId + ":started", List.of(RdEvent.of(ChatStartedPayloadBuilder.builder()
                .chatSubject(subject)
                .cfChatStatus("online")
                .cfChatType(CHAT_TYPE)
                .name(name(event.visitor()))
                .email(email)
                .legalBases(null)
                .build())));
    }

    private MappingResult ended(TawkEvent event) {
        String chatId = required(event.chatId(), "$.chatId");
        String email = event.visitor() == null ? null : Contacts.email(event.visitor().email());
        if (email == null) {
            return anonymous(event);
        }
        String transcript = "The chat ended at " + event.time() + "; its transcript is in tawk.to (chat " + chatId + ").";
        return finished(event, chatId, event.visitor(), email, transcript);
    }

    private MappingResult transcribed(TawkEvent event) {
        if (event.chat() == null) {
            throw new MalformedPayload("A tawk.to chat:transcript_created carries chat.", "$.chat");
        }
        String chatId = required(event.chat().id(), "$.chat.id");
        String email = event.chat().visitor() == null ? null : Contacts.email(event.chat().visitor().email());
        if (email == null) {
            return anonymous(event);
        }
        return finished(event, chatId, event.chat().visitor(), email, transcript(event.chat()));
    }

    private MappingResult finished(TawkEvent event, String chatId, TawkEvent.Visitor visitor, String email, String transcript) {
        return new MappingResult.Mapped(event.event(), "chat-" + chatId + ":finished", List.of(RdEvent.of(ChatFinishedPayloadBuilder.builder()
                .chatSubject(propertyName(event))
                .cfChatStatus("finished")
                .cfChatTranscriptMessage(transcript)
                .cfChatType(CHAT_TYPE)
                .name(name(visitor))
                .email(email)
                .legalBases(null)
                .build())));
    }

    private MappingResult ticket(Webhook webhook, TawkEvent event) {
        if (event.ticket() == null || event.ticket().id() == null) {
            throw new MalformedPayload("A tawk.to ticket:create carries ticket.id.", "$.ticket.id");
        }
        String email = event.requester() == null ? null : Contacts.email(event.requester().email());
        if (email == null) {
            return new MappingResult.Ignored(event.event(), "The ticket's requester has no email, so RD has no contact for it.");
        }
        String name = VendorValues.text(event.requester().name());
        return new MappingResult.Mapped(event.event(), deliveryId(webhook, "ticket-" + event.ticket().id()),
                List.of(RdEvent.of(ConversionPayloadBuilder.builder()
                        .conversionIdentifier("tawkto-ticket")
                        .name(name)
                        .email(email)
                        .legalBases(null)
                        .customFields(CustomFields.of(java.util.Optional.<String>empty(), ticketText(event.ticket())))
                        .build())));
    }

    private static String ticketText(TawkEvent.Ticket ticket) {
        String subject = ticket.subject() == null ? "" : ticket.subject().strip();
        String message = ticket.message() == null ? "" : ticket.message().strip();
        return subject.isEmpty() ? message : message.isEmpty() ? subject : subject + "\n" + message;
    }

    /** The visitor's and agents' messages; system notices are left out. */
    private static String transcript(TawkEvent.Chat chat) {
        ChatText.Transcript transcript = new ChatText.Transcript();
        for (TawkEvent.TranscriptMessage message : Objects.requireNonNullElse(chat.messages(), List.<TawkEvent.TranscriptMessage>of())) {
            if (message.sender() != null && !"s".equals(message.sender().t())) {
                String who = message.sender().n() != null ? message.sender().n() : "v".equals(message.sender().t()) ? "Visitor" : "Agent";
                transcript.add(message.time(), who, message.msg());
            }
        }
        return transcript.toString();
    }

    /** tawk.to's own event id is the same on every retry; chats have their own stable key instead. */
    private static String deliveryId(Webhook webhook, String fallback) {
        String eventId = webhook.header(EVENT_ID);
        return eventId == null || eventId.isBlank() ? fallback : eventId;
    }

    private static MappingResult anonymous(TawkEvent event) {
        return new MappingResult.Ignored(event.event(), "The visitor left no email, so RD has no contact for this chat.");
    }

    private static String propertyName(TawkEvent event) {
        return event.property() != null && event.property().name() != null ? event.property().name() : "tawk.to chat";
    }

    private static String name(TawkEvent.Visitor visitor) {
        return visitor == null ? null : VendorValues.text(visitor.name());
    }

    private static String required(String value, String path) {
        if (value == null || value.isBlank()) {
            throw new MalformedPayload("A tawk.to chat event carries " + path.substring(2) + ".", path);
        }
        return value;
    }

    record TawkEvent(
            String event,
            String chatId,
            String time,
            Message message,
            Visitor visitor,
            Property property,
            Chat chat,
            Requester requester,
            Ticket ticket) {

            public record Message(String text, String type, Sender sender) {
        }

            public record Sender(String type) {
        }

            public record Visitor(String name, String email, String city, String country) {
        }

            public record Property(String id, String name) {
        }

            public record Chat(String id, Visitor visitor, List<TranscriptMessage> messages) {
        }

        /** A transcript line: {@code sender.t} is v (visitor), a (agent) or s (system), {@code sender.n} the name. */
            public record TranscriptMessage(TranscriptSender sender, String type, String msg, String time) {
        }

            public record TranscriptSender(String t, String n) {
        }

            public record Requester(String name, String email, String type) {
        }

            public record Ticket(String id, Long humanId, String subject, String message) {
        }
    }
}
