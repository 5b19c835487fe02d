package dev.ponte.vendors.jivochat;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.ChatText;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.CustomFields;
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
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * JivoChat: an accepted chat becomes CHAT_STARTED, a finished one CHAT_FINISHED with its
 * transcript, a message left on the offline form a CONVERSION carrying the visit's UTM data.
 * JivoChat proves nothing about itself except knowing the URL, so the URL carries a token.
 */
@ApplicationScoped
public class JivoChatMapper implements VendorMapper {

    static final String CHAT_TYPE = "JivoChat";
    private static final String ANONYMOUS = "The visitor left neither an email nor a phone number, so RD has no contact for it.";

    private final JivoChatConfig config;
    private final ContactResolver contacts;

    @Inject
    public JivoChatMapper(JivoChatConfig config, ContactResolver contacts) {
        this.config = config;
        this.contacts = contacts;
    }

    @Override
    public String vendor() {
        return "jivochat";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inQuery("token");
    }

    @Override
    public Verification verify(Webhook webhook) {
        String token = webhook.queryParameter("token");
        if (token == null) {
            return Verification.refused("The token parameter is missing: configure JivoChat to call /webhooks/jivochat?token=<PONTE_VENDORS_JIVOCHAT_SECRET>.");
        }
        return Signatures.sameToken(token, config.secret().orElseThrow())
                ? Verification.GENUINE
                : Verification.refused("The token parameter is not PONTE_VENDORS_JIVOCHAT_SECRET.");
    }

    @Override
    public MappingResult map(Webhook webhook) {
        JivoEvent event = VendorJson.read(webhook.body(), JivoEvent.class);
        String name = event.eventName();
        if (name == null) {
            throw new MalformedPayload("A JivoChat webhook carries event_name.", "$.event_name");
        }
        return switch (name) {
            case "chat_accepted" -> chat(webhook, event, "accepted");
            case "chat_finished" -> chat(webhook, event, "finished");
            case "offline_message" -> offlineMessage(webhook, event);
            default -> new MappingResult.Ignored(name, "JivoChat's " + name + " has no RD event.");
        };
    }

    private MappingResult chat(Webhook webhook, JivoEvent event, String stage) {
        if (event.chatId() == null) {
            throw new MalformedPayload("A JivoChat chat event carries chat_id.", "$.chat_id");
        }
        String deliveryId = event.widgetId() + ":chat-" + event.chatId() + ":" + stage;
        Contact contact = contact(webhook, event);
        if (contact.email().isEmpty()) {
            return ContactResolver.noEmail(event.eventName(), deliveryId, contact.phone(), ANONYMOUS);
        }
        String subject = subject(event);
        RdEvent rd = "accepted".equals(stage)
                ? RdEvent.of(ChatStartedPayloadBuilder.builder()
                        .chatSubject(subject)
                        .cfChatStatus("online")
                        .cfChatType(CHAT_TYPE)
                        .name(contact.name())
                        .email(contact.email().get())
                        .personalPhone(contact.phone())
                        .legalBases(LegalBases.orDefault(List.of(), config))
                        .build())
                : RdEvent.of(ChatFinishedPayloadBuilder.builder()
                        .chatSubject(subject)
                        .cfChatStatus("finished")
                        .cfChatTranscriptMessage(JivoTranscript.of(event))
                        .cfChatType(CHAT_TYPE)
                        .name(contact.name())
                        .email(contact.email().get())
                        .personalPhone(contact.phone())
                        .legalBases(LegalBases.orDefault(List.of(), config))
                        .build());
        return new MappingResult.Mapped(event.eventName(), deliveryId, List.of(rd));
    }

    private MappingResult offlineMessage(Webhook webhook, JivoEvent event) {
        String id = event.offlineMessageId() != null ? event.offlineMessageId() : event.chatId();
        if (id == null) {
            throw new MalformedPayload("A JivoChat offline_message carries offline_message_id.", "$.offline_message_id");
        }
        String deliveryId = event.widgetId() + ":offline-" + id;
        Contact contact = contact(webhook, event);
        if (contact.email().isEmpty()) {
            return ContactResolver.noEmail(event.eventName(), deliveryId, contact.phone(), ANONYMOUS);
        }
        JivoEvent.Utm utm = event.session() == null ? new JivoEvent.Utm(null, null, null, null, null) : event.session().utmData();
        return new MappingResult.Mapped(event.eventName(), deliveryId, List.of(RdEvent.of(ConversionPayloadBuilder.builder()
                .conversionIdentifier(config.conversionIdentifier())
                .name(contact.name())
                .email(contact.email().get())
                .personalPhone(contact.phone())
                .trafficSource(VendorValues.text(utm.source()))
                .trafficMedium(VendorValues.text(utm.medium()))
                .trafficCampaign(VendorValues.text(utm.campaign()))
                .trafficValue(VendorValues.text(utm.term()))
                .legalBases(LegalBases.orDefault(List.of(), config))
                .customFields(CustomFields.of(config.messageField(), event.message()))
                .build())));
    }

    /** The visitor as RD knows them: name, phone in E.164, and the email if one can be found. */
    private record Contact(String name, String phone, Optional<String> email) {
    }

    private Contact contact(Webhook webhook, JivoEvent event) {
        JivoEvent.Visitor visitor = Optional.ofNullable(event.visitor()).orElse(new JivoEvent.Visitor(null, null, null, null));
        String phone = Contacts.phone(visitor.phone());
        return new Contact(VendorValues.text(visitor.name()), phone, contacts.email(webhook, visitor.email(), phone));
    }

    private static String subject(JivoEvent event) {
        return ChatText.subject("JivoChat chat " + event.chatId(), event.topic() == null ? null : event.topic().title(),
                event.department() == null ? null : event.department().name());
    }
}
