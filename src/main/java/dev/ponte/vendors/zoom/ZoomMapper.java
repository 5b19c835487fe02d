package dev.ponte.vendors.zoom;

import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.ContactResolver;
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
import dev.ponte.rd.events.MediaPlaybackStartedPayloadBuilder;
import dev.ponte.rd.events.MediaPlaybackStoppedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * Zoom webinars, live media: an attendee joining becomes MEDIA_PLAYBACK_STARTED, leaving
 * MEDIA_PLAYBACK_STOPPED with the time watched and its share of the scheduled duration. Zoom's
 * URL validation challenge is answered. Every other request must carry {@code x-zm-signature}:
 * {@code v0=} hex HMAC-SHA256 of {@code v0:<x-zm-request-timestamp>:<body>}, signed recently.
 */
@ApplicationScoped
public class ZoomMapper implements VendorMapper {

    static final String SIGNATURE = "x-zm-signature";
    static final String TIMESTAMP = "x-zm-request-timestamp";
    static final String URL_VALIDATION = "endpoint.url_validation";
    private static final String ANONYMOUS = "The attendee gave Zoom no email, so RD has no contact for them.";
    /** A signature dated this far ahead of our clock is a forgery or a broken clock. */
    private static final Duration MAX_SKEW = Duration.ofMinutes(1);

    private final ZoomConfig config;
    private final ContactResolver contacts;
    private final ZoomAttendance attendance;
    private final Clock clock;

    @Inject
    public ZoomMapper(ZoomConfig config, ContactResolver contacts, ZoomAttendance attendance, Clock clock) {
        this.config = config;
        this.contacts = contacts;
        this.attendance = attendance;
        this.clock = clock;
    }

    @Override
    public String vendor() {
        return "zoom";
    }

    @Override
    public Credentials credentials() {
        return Credentials.inHeaders(SIGNATURE);
    }

    @Override
    public Verification verify(Webhook webhook) {
        String signature = webhook.header(SIGNATURE);
        String timestamp = webhook.header(TIMESTAMP);
        if (signature == null || timestamp == null || !signature.startsWith("v0=")) {
            return Verification.refused("The " + SIGNATURE + " (v0=<hex>) or " + TIMESTAMP + " header is missing.");
        }
        Instant signedAt;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp.trim()));
        } catch (NumberFormatException e) {
            return Verification.refused(TIMESTAMP + " is not Unix seconds.");
        }
        byte[] signed = ("v0:" + timestamp.trim() + ":").getBytes(StandardCharsets.UTF_8);
        byte[] message = new byte[signed.length + webhook.body().length];
        System.arraycopy(signed, 0, message, 0, signed.length);
        System.arraycopy(webhook.body(), 0, message, signed.length, webhook.body().length);
        if (!Signatures.matchesHex(Signatures.Algorithm.SHA256, config.secret().orElseThrow(), message, signature.substring(3))) {
            return Verification.refused(SIGNATURE + " does not match: check PONTE_VENDORS_ZOOM_SECRET.");
        }
        return Signatures.fresh(signedAt, clock, config.maxAge(), MAX_SKEW)
                ? Verification.GENUINE
                : Verification.refused("The request was signed at " + signedAt + ", outside the replay window ("
                        + config.maxAge() + "); a replayed request is refused.");
    }

    @Override
    public MappingResult map(Webhook webhook) {
        ZoomEvent event = VendorJson.read(webhook.body(), ZoomEvent.class);
        if (event.event() == null) {
            throw new MalformedPayload("A Zoom event carries event.", "$.event");
        }
        return switch (event.event()) {
            case URL_VALIDATION -> validation(event);
            case "webinar.participant_joined" -> joined(webhook, event);
            case "webinar.participant_left" -> left(webhook, event);
            default -> new MappingResult.Ignored(event.event(), "Zoom's " + event.event() + " has no RD event.");
        };
    }

    /** Zoom checks the URL by asking for its plainToken signed with the secret token. */
    private MappingResult validation(ZoomEvent event) {
        String plainToken = event.payload() == null ? null : event.payload().plainToken();
        if (plainToken == null) {
            throw new MalformedPayload("Zoom's URL validation carries payload.plainToken.", "$.payload.plainToken");
        }
        String encrypted = Signatures.hex(Signatures.Algorithm.SHA256, config.secret().orElseThrow(),
                plainToken.getBytes(StandardCharsets.UTF_8));
        String body = RdJson.mapper().createObjectNode().put("plainToken", plainToken).put("encryptedToken", encrypted).toString();
        return new MappingResult.Reply(URL_VALIDATION, 200, "application/json", body);
    }

    private MappingResult joined(Webhook webhook, ZoomEvent event) {
        ZoomEvent.Webinar webinar = webinar(event);
        ZoomEvent.Participant participant = webinar.participant();
        String joinTime = required(participant.joinTime(), "join_time");
        String deliveryId = webinar.uuid() + ":" + participant.key() + ":joined:" + joinTime;
        return contact(webhook, participant).map(email -> (MappingResult) new MappingResult.Mapped(event.event(), deliveryId,
                List.of(RdEvent.of(MediaPlaybackStartedPayloadBuilder.builder()
                        .email(email)
                        .name(name(participant))
                        .personalPhone(phone(participant))
                        .mediaType("Video")
                        .mediaRecordedContent(false)
                        .mediaIdentifier(webinar.id())
                        .mediaCategory(category(webinar))
                        .mediaDuration(scheduledSeconds(webinar))
                        .mediaPublishedDateTimestamp(publishedAt(webinar))
                        .legalBases(LegalBases.orDefault(List.of(), config))
                        .build())),
                List.of(ZoomAttendance.joined(webinar.uuid(), participant.key(), joinTime))))
                .orElseGet(() -> ContactResolver.noEmail(event.event(), deliveryId, phone(participant), ANONYMOUS));
    }

    private MappingResult left(Webhook webhook, ZoomEvent event) {
        ZoomEvent.Webinar webinar = webinar(event);
        ZoomEvent.Participant participant = webinar.participant();
        String leaveTime = required(participant.leaveTime(), "leave_time");
        String deliveryId = webinar.uuid() + ":" + participant.key() + ":left:" + leaveTime;
        Optional<String> email = contact(webhook, participant);
        if (email.isEmpty()) {
            return ContactResolver.noEmail(event.event(), deliveryId, phone(participant), ANONYMOUS);
        }
        String joinTime = Optional.ofNullable(participant.joinTime())
                .or(() -> attendance.joinTime(webinar.uuid(), participant.key()))
                .orElse(webinar.startTime());
        Integer watched = secondsBetween(joinTime, leaveTime);
        Integer scheduled = scheduledSeconds(webinar);
        Integer percentage = watched == null || scheduled == null || scheduled == 0 ? null
                : (int) Math.min(100, Math.round(watched * 100.0 / scheduled));
        return new MappingResult.Mapped(event.event(), deliveryId, List.of(RdEvent.of(MediaPlaybackStoppedPayloadBuilder.builder()
                .email(email.get())
                .name(name(participant))
                .personalPhone(phone(participant))
                .mediaType("Video")
                .mediaRecordedContent(false)
                .mediaIdentifier(webinar.id())
                .mediaCategory(category(webinar))
                .mediaDuration(scheduled)
                .mediaPublishedDateTimestamp(publishedAt(webinar))
                .mediaFinished(percentage == null ? null : percentage >= 100)
                .mediaUserInteractionDuration(watched)
                .mediaUserInteractionPercentage(percentage)
                .mediaUserInteractionDateTimestamp(VendorValues.timestamp(leaveTime))
                .legalBases(LegalBases.orDefault(List.of(), config))
                .build())));
    }

    private Optional<String> contact(Webhook webhook, ZoomEvent.Participant participant) {
        return contacts.email(webhook, participant.email(), phone(participant));
    }

    private static ZoomEvent.Webinar webinar(ZoomEvent event) {
        ZoomEvent.Webinar webinar = event.payload() == null ? null : event.payload().object();
        if (webinar == null || webinar.uuid() == null || webinar.participant() == null || webinar.participant().key() == null) {
            throw new MalformedPayload("A Zoom participant event carries payload.object.uuid and payload.object.participant.",
                    "$.payload.object");
        }
        return webinar;
    }

    private static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new MalformedPayload("This Zoom event carries payload.object.participant." + field + ".",
                    "$.payload.object.participant." + field);
        }
        return value;
    }

    /** RD shows the category beside the media id; the topic is what marketers recognise a webinar by. */
    private static String category(ZoomEvent.Webinar webinar) {
        return webinar.topic() == null || webinar.topic().isBlank() ? "Webinar" : "Webinar: " + webinar.topic().strip();
    }

    private static Integer scheduledSeconds(ZoomEvent.Webinar webinar) {
        return webinar.duration() == null ? null : webinar.duration() * 60;
    }

    private static String publishedAt(ZoomEvent.Webinar webinar) {
        return VendorValues.timestamp(webinar.startTime());
    }

    private static Integer secondsBetween(String from, String to) {
        try {
            long seconds = Duration.between(Instant.parse(from), Instant.parse(to)).toSeconds();
            return (int) Math.max(0, seconds);
        } catch (DateTimeParseException | NullPointerException e) {
            return null;
        }
    }

    private static String name(ZoomEvent.Participant participant) {
        return VendorValues.text(participant.userName());
    }

    private static String phone(ZoomEvent.Participant participant) {
        String number = participant.phoneNumber();
        return number == null ? null : Contacts.phone(number.startsWith("+") ? number : "+" + number);
    }
}
