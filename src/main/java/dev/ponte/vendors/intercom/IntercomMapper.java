package dev.ponte.vendors.intercom;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.BodySignature;
import dev.ponte.mapping.ChatText;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.VendorValues;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.ChatFinishedPayloadBuilder;
import dev.ponte.rd.events.ChatStartedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/**
 * Intercom: a conversation a contact starts becomes CHAT_STARTED, one an admin closes
 * CHAT_FINISHED with its transcript. Signed with {@code X-Hub-Signature: sha1=<hex HMAC-SHA1 of
 * the body>}, keyed with the app's client secret; the notification id is the same on redelivery.
 */
@ApplicationScoped
public class IntercomMapper implements VendorMapper {

    static final String SIGNATURE = "X-Hub-Signature";
    private static final BodySignature BODY_SIGNATURE = new BodySignature("PONTE_VENDORS_INTERCOM_SECRET",
            SIGNATURE, Signatures.Algorithm.SHA1, BodySignature.Encoding.HEX, "sha1=");
    static final String CHAT_TYPE = "Intercom";
    private static final Set<String> CONTACTS = Set.of("user", "lead", "contact");

    private final IntercomConfig config;

    @Inject
    public IntercomMapper(IntercomConfig config) {
        this.config = config;
    }

    @Override
    public String vendor() {
        return "intercom";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(SIGNATURE);
    }

    @Override
    public Verification verify(Webhook webhook) {
        return BODY_SIGNATURE.check(config, webhook);
    }

    @Override
    public MappingResult map(Webhook webhook) {
        IntercomNotification notification = VendorJson.read(webhook.body(), IntercomNotification.class);
        String topic = notification.topic();
        if (topic == null) {
            throw new MalformedPayload("An Intercom notification carries topic.", "$.topic");
        }
        return switch (topic) {
            case "ping" -> new MappingResult.Reply(topic, 200, "application/json", "{\"outcome\":\"pong\"}");
            case "conversation.user.created" -> chat(notification, true);
            case "conversation.admin.closed" -> chat(notification, false);
            default -> new MappingResult.Ignored(topic, "Intercom's " + topic + " has no RD event.");
        };
    }

    private MappingResult chat(IntercomNotification notification, boolean started) {
        IntercomNotification.Conversation conversation = notification.data() == null ? null : notification.data().item();
        if (conversation == null || conversation.id() == null) {
            throw new MalformedPayload("An Intercom conversation notification carries data.item.id.", "$.data.item.id");
        }
        IntercomNotification.Author contact = contact(conversation);
        String email = contact == null ? null : Contacts.email(contact.email());
        if (email == null) {
            return new MappingResult.Ignored(notification.topic(),
                    "The conversation was not started by a contact with an email, so RD has no contact for it.");
        }
        String deliveryId = notification.id() != null ? notification.id()
                : "conversation-" + conversation.id() + ":" + notification.topic();
        String name = VendorValues.text(contact.name());
        String subject = subject(conversation);
        RdEvent event = started
                ? RdEvent.of(ChatStartedPayloadBuilder.builder()
                        .chatSubject(subject)
                        .cfChatStatus("open")
                        .cfChatType(CHAT_TYPE)
                        .name(name)
                        .email(email)
                        .legalBases(LegalBases.orDefault(List.of(), config))
                        .build())
                : RdEvent.of(ChatFinishedPayloadBuilder.builder()
                        .chatSubject(subject)
                        .cfChatStatus("closed")
                        .cfChatTranscriptMessage(IntercomText.transcript(conversation))
                        .cfChatType(CHAT_TYPE)
                        .name(name)
                        .email(email)
                        .legalBases(LegalBases.orDefault(List.of(), config))
                        .build());
        return new MappingResult.Mapped(notification.topic(), deliveryId, List.of(event));
    }

    /**
     * The contact who started the conversation: the opening message's author in API 2.x; in API
     * 1.x that author names only an id, and the contact is the conversation's {@code user}.
     */
    private static IntercomNotification.Author contact(IntercomNotification.Conversation conversation) {
        IntercomNotification.Source opening = conversation.opening();
        IntercomNotification.Author author = opening == null ? null : opening.author();
        if (author == null || !isContact(author)) {
            return null; // an admin opened it
        }
        if (author.email() != null) {
            return author;
        }
        IntercomNotification.Author user = conversation.user();
        boolean sameContact = user != null && isContact(user)
                && (author.id() == null || author.id().equals(user.id()));
        return sameContact ? user : author;
    }

    private static boolean isContact(IntercomNotification.Author author) {
        return author.type() != null && CONTACTS.contains(author.type()); // Set.of refuses to look up null
    }

    private static String subject(IntercomNotification.Conversation conversation) {
        IntercomNotification.Source source = conversation.opening();
        return ChatText.subject("Intercom conversation " + conversation.id(), conversation.title(),
                source == null ? null : IntercomText.plain(source.subject()), source == null ? null : IntercomText.plain(source.body()));
    }
}
