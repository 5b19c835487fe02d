package dev.ponte.vendors.aircall;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.CallFinishedPayload;
import dev.ponte.rd.events.CallFinishedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Aircall: {@code call.ended} becomes CALL_FINISHED. Aircall signs nothing; every body carries the
 * webhook's token, compared in constant time. The contact's email comes from the Aircall contact
 * when it has one, else from the shared {@link ContactResolver}.
 */
@ApplicationScoped
public class AircallMapper implements VendorMapper {

    private final AircallConfig config;
    private final ContactResolver contacts;

    @Inject
    public AircallMapper(AircallConfig config, ContactResolver contacts) {
        this.config = config;
        this.contacts = contacts;
    }

    @Override
    public String vendor() {
        return "aircall";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inBody("token");
    }

    @Override
    public Verification verify(Webhook webhook) {
        String token;
        try {
            token = VendorJson.tree(webhook.body()).path("token").asText(null);
        } catch (MalformedPayload e) {
            return Verification.refused("The body is not JSON, so it carries no Aircall token.");
        }
        if (token == null) {
            return Verification.refused("The body carries no token.");
        }
        return Signatures.sameToken(token, config.secret().orElseThrow())
                ? Verification.GENUINE
                : Verification.refused("The body's token is not PONTE_VENDORS_AIRCALL_SECRET.");
    }

    @Override
    public MappingResult map(Webhook webhook) {
        AircallWebhook hook = VendorJson.read(webhook.body(), AircallWebhook.class);
        if (hook.event() == null) {
            throw new MalformedPayload("An Aircall webhook carries event.", "$.event");
        }
        if (!"call.ended".equals(hook.event())) {
            return new MappingResult.Ignored(hook.event(), "Only ended calls become CALL_FINISHED.");
        }
        AircallWebhook.Call call = hook.data();
        if (call == null || call.id() == null) {
            throw new MalformedPayload("An Aircall call.ended carries data.id.", "$.data.id");
        }
        String deliveryId = "call-" + call.id() + ":ended";
        String lead = Contacts.phone(call.rawDigits());
        AircallWebhook.Contact contact = call.contact();
        String contactEmail = contact == null || contact.emails() == null ? null
                : Contacts.email(contact.emails().stream().map(AircallWebhook.Value::value).filter(Objects::nonNull).toArray(String[]::new));
        Optional<String> email = contacts.email(webhook, contactEmail, lead);
        if (email.isEmpty()) {
            return new MappingResult.Unresolved(hook.event(), deliveryId, "No email for " + (lead == null ? "the caller" : lead)
                    + ": add an email to the Aircall contact or ?email= to the webhook URL, or let Ponte learn the number first.", lead);
        }
        String line = call.number() == null ? null : Optional.ofNullable(Contacts.phone(call.number().digits())).orElse(call.number().digits());
        boolean answered = call.answeredAt() != null;
        CallFinishedPayload payload = CallFinishedPayloadBuilder.builder()
                .name(contact == null ? null : Contacts.name(contact.firstName(), contact.lastName()))
                .email(email.get())
                .companyName(contact == null || contact.companyName() == null || contact.companyName().isBlank() ? null : contact.companyName())
                .personalPhone(lead)
                .callUserEmail(call.user() == null ? null : Contacts.email(call.user().email()))
                .callFromNumber(line != null ? line : lead)
                .callStartedAt(call.startedAt() == null ? null : Instant.ofEpochSecond(call.startedAt()).toString())
                .callDuration(call.duration() == null ? null : call.duration().toString())
                .callType("outbound".equals(call.direction()) ? "Outbound" : "Inbound")
                .callStatus(answered ? "answered" : call.voicemail() != null ? "voicemail" : "missed")
                .callStatusDescription(answered ? (call.user() == null ? null : call.user().name()) : call.missedCallReason())
                .callRecord(recordOf(call))
                .legalBases(LegalBases.orDefault(List.of(), config))
                .build();
        return new MappingResult.Mapped(hook.event(), deliveryId, List.of(RdEvent.of(payload)));
    }

    /** The recording, else the voicemail, else the asset link Aircall keeps for either. */
    private static String recordOf(AircallWebhook.Call call) {
        return call.recording() != null ? call.recording() : call.voicemail() != null ? call.voicemail() : call.asset();
    }
}
