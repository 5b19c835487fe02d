package dev.ponte.vendors.twilio;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.ContactResolver;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.FormBody;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.CallFinishedPayload;
import dev.ponte.rd.events.CallFinishedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Twilio voice status callbacks (form-encoded). A call that ended — completed, or busy, unanswered,
 * failed or canceled — becomes CALL_FINISHED; the other statuses are acknowledged. The contact is
 * the other party: the number called on outbound calls, the caller on inbound ones; its email
 * comes from the shared {@link ContactResolver}. Deduplicated on CallSid and status.
 */
@ApplicationScoped
public class TwilioMapper implements VendorMapper {

    static final String SIGNATURE = "X-Twilio-Signature";
    private static final Set<String> ENDED = Set.of("completed", "busy", "no-answer", "failed", "canceled");

    private final TwilioConfig config;
    private final ContactResolver contacts;

    @Inject
    public TwilioMapper(TwilioConfig config, ContactResolver contacts) {
        this.config = config;
        this.contacts = contacts;
    }

    @Override
    public String vendor() {
        return "twilio";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(SIGNATURE);
    }

    @Override
    public Verification verify(Webhook webhook) {
        String given = webhook.header(SIGNATURE);
        if (given == null) {
            return Verification.refused("The " + SIGNATURE + " header is missing.");
        }
        return TwilioSignature.matches(config.secret().orElseThrow(), webhook.calledUrl(), FormBody.parse(webhook.bodyText()), given)
                ? Verification.GENUINE
                : Verification.refused(SIGNATURE + " does not match: check PONTE_VENDORS_TWILIO_SECRET, and that"
                        + " PONTE_PUBLIC_URL is the base of the URL configured in Twilio (" + webhook.calledUrl() + ").");
    }

    @Override
    public MappingResult map(Webhook webhook) {
        Map<String, List<String>> form = FormBody.parse(webhook.bodyText());
        String callSid = first(form, "CallSid");
        String status = first(form, "CallStatus");
        if (callSid == null || status == null) {
            throw new MalformedPayload("A Twilio status callback carries CallSid and CallStatus.");
        }
        if (!ENDED.contains(status)) {
            return new MappingResult.Ignored(status, "Only calls that ended become CALL_FINISHED.");
        }
        String deliveryId = callSid + ":" + status;
        boolean outbound = Optional.ofNullable(first(form, "Direction")).orElse("").startsWith("outbound");
        String lead = Contacts.phone(first(form, outbound ? "To" : "From"));
        String line = Contacts.phone(first(form, outbound ? "From" : "To"));
        Optional<String> email = contacts.email(webhook, null, lead);
        if (email.isEmpty()) {
            return new MappingResult.Unresolved(status, deliveryId, "No email for " + (lead == null ? "the caller" : lead)
                    + ": add ?email= to the webhook URL, or let Ponte learn the number from a chat or conversion first.", lead);
        }
        String duration = first(form, "CallDuration");
        CallFinishedPayload call = CallFinishedPayloadBuilder.builder()
                .email(email.get())
                .personalPhone(lead)
                .callFromNumber(line != null ? line : first(form, outbound ? "From" : "To"))
                .callStartedAt(startedAt(first(form, "Timestamp"), duration))
                .callDuration(duration)
                .callType(outbound ? "Outbound" : "Inbound")
                .callStatus(status)
                .callStatusDescription(first(form, "AnsweredBy"))
                .callRecord(first(form, "RecordingUrl"))
                .legalBases(LegalBases.orDefault(List.of(), config))
                .build();
        return new MappingResult.Mapped(status, deliveryId, List.of(RdEvent.of(call)));
    }

    /** Twilio's {@code Timestamp} is when the call ended (RFC 1123); the call started its duration earlier. */
    private static String startedAt(String timestamp, String durationSeconds) {
        if (timestamp == null) {
            return null;
        }
        try {
            ZonedDateTime ended = ZonedDateTime.parse(timestamp, DateTimeFormatter.RFC_1123_DATE_TIME.withLocale(Locale.ENGLISH));
            long seconds = durationSeconds == null ? 0 : Long.parseLong(durationSeconds);
            return DateTimeFormatter.ISO_INSTANT.format(ended.minusSeconds(seconds).toInstant());
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    private static String first(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
    }
}
