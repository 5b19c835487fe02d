package dev.ponte.vendors.wistia;

import dev.ponte.contacts.ContactDirectory;
import dev.ponte.mapping.Credentials;
import dev.ponte.mapping.BodySignature;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.Fact;
import dev.ponte.mapping.LegalBases;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.MappingResult;
import dev.ponte.mapping.Signatures;
import dev.ponte.mapping.VendorJson;
import dev.ponte.mapping.VendorMapper;
import dev.ponte.mapping.VendorValues;
import dev.ponte.mapping.Verification;
import dev.ponte.mapping.Webhook;
import dev.ponte.rd.events.ConversionPayloadBuilder;
import dev.ponte.rd.events.MediaPlaybackStartedPayloadBuilder;
import dev.ponte.rd.events.MediaPlaybackStoppedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Wistia, recorded media. Each event of a body maps on its own and is deduplicated on its
 * uuid: a play becomes MEDIA_PLAYBACK_STARTED; a watched-percentage threshold
 * MEDIA_PLAYBACK_STOPPED with that share (finished at 100 %); an email given on a Turnstile a
 * CONVERSION, which also tells Ponte whose the visitor's other views are (in this body at once,
 * and later ones once RD has the conversion). Views by visitors who
 * never gave an email are acknowledged: RD has no contact for them. Signed with
 * {@code X-Wistia-Signature}, hex HMAC-SHA256 of the raw body.
 */
@ApplicationScoped
public class WistiaMapper implements VendorMapper {

    static final String SIGNATURE = "X-Wistia-Signature";
    private static final BodySignature BODY_SIGNATURE = new BodySignature("PONTE_VENDORS_WISTIA_SECRET",
            SIGNATURE, Signatures.Algorithm.SHA256, BodySignature.Encoding.HEX);
    static final String PLAY = "viewing_session.play";
    static final String PERCENT_WATCHED = "viewing_session.percent_watched";
    static final String TURNSTILE = "viewing_session.turnstile.converted";

    private final WistiaConfig config;
    private final ContactDirectory directory;

    @Inject
    public WistiaMapper(WistiaConfig config, ContactDirectory directory) {
        this.config = config;
        this.directory = directory;
    }

    @Override
    public String vendor() {
        return "wistia";
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
        WistiaHook hook = VendorJson.read(webhook.body(), WistiaHook.class);
        if (hook.events() == null) {
            throw new MalformedPayload("A Wistia webhook carries an events array.", "$.events");
        }
        // Turnstile conversions first: a play in the same body is then already the visitor's.
        List<WistiaHook.Event> events = new ArrayList<>(hook.events());
        events.sort(Comparator.comparing(e -> !TURNSTILE.equals(e.type())));
        List<MappingResult.Mapped> mapped = new ArrayList<>();
        Map<String, String> seen = new java.util.HashMap<>(); // visitor → email, from this body's Turnstiles
        for (int i = 0; i < events.size(); i++) {
            WistiaHook.Event event = events.get(i);
            if (event.uuid() == null || event.type() == null || event.payload() == null) {
                throw new MalformedPayload("Each Wistia event carries uuid, type and payload.", "$.events[" + i + "]");
            }
            map(event, seen).ifPresent(mapped::add);
        }
        if (mapped.isEmpty()) {
            return new MappingResult.Ignored(topics(hook), "No event in this body names a viewer who gave an email, or has an RD event.");
        }
        return new MappingResult.Several(topics(hook), mapped);
    }

    private Optional<MappingResult.Mapped> map(WistiaHook.Event event, Map<String, String> seen) {
        WistiaHook.Payload payload = event.payload();
        String visitor = payload.visitor() == null ? null : payload.visitor().id();
        String given = Contacts.email(payload.email());
        if (TURNSTILE.equals(event.type())) {
            if (given == null) {
                return Optional.empty();
            }
            List<Fact> learned = List.of();
            if (visitor != null) {
                seen.put(visitor, given);
                learned = List.of(ContactDirectory.visitor(vendor(), visitor, given));
            }
            return Optional.of(new MappingResult.Mapped(event.type(), event.uuid(), List.of(RdEvent.of(ConversionPayloadBuilder.builder()
                    .conversionIdentifier(config.conversionIdentifier())
                    .name(VendorValues.text(payload.name()))
                    .email(given)
                    .legalBases(LegalBases.orDefault(List.of(), config))
                    .customFields(Map.of())
                    .build())), learned));
        }
        if (!PLAY.equals(event.type()) && !PERCENT_WATCHED.equals(event.type())) {
            return Optional.empty();
        }
        Optional<String> email = Optional.ofNullable(given).or(() -> Optional.ofNullable(visitor).map(seen::get))
                .or(() -> directory.emailForVisitor(vendor(), visitor));
        if (email.isEmpty()) {
            return Optional.empty();
        }
        WistiaHook.Media media = payload.media() == null ? new WistiaHook.Media(null, null, null, null) : payload.media();
        if (media.id() == null) {
            throw new MalformedPayload("A Wistia viewing event carries payload.media.id.", "$.events[].payload.media.id");
        }
        Integer duration = media.duration() == null ? null : media.duration().setScale(0, RoundingMode.HALF_UP).intValue();
        RdEvent rd;
        if (PLAY.equals(event.type())) {
            rd = RdEvent.of(MediaPlaybackStartedPayloadBuilder.builder()
                    .email(email.get())
                    .name(VendorValues.text(payload.name()))
                    .mediaType("Video")
                    .mediaMetadata(media.url())
                    .mediaRecordedContent(true)
                    .mediaIdentifier(media.id())
                    .mediaCategory(VendorValues.text(media.name()))
                    .mediaDuration(duration)
                    .legalBases(LegalBases.orDefault(List.of(), config))
                    .build());
        } else {
            Integer percent = percent(payload.percentWatched());
            Integer watched = percent == null || media.duration() == null ? null
                    : media.duration().multiply(BigDecimal.valueOf(percent)).divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).intValue();
            rd = RdEvent.of(MediaPlaybackStoppedPayloadBuilder.builder()
                    .email(email.get())
                    .name(VendorValues.text(payload.name()))
                    .mediaType("Video")
                    .mediaMetadata(media.url())
                    .mediaRecordedContent(true)
                    .mediaIdentifier(media.id())
                    .mediaCategory(VendorValues.text(media.name()))
                    .mediaDuration(duration)
                    .mediaFinished(percent == null ? null : percent >= 100)
                    .mediaUserInteractionDuration(watched)
                    .mediaUserInteractionPercentage(percent)
                    .mediaUserInteractionDateTimestamp(VendorValues.timestamp(event.generatedAt()))
                    .legalBases(LegalBases.orDefault(List.of(), config))
                    .build());
        }
        return Optional.of(new MappingResult.Mapped(event.type(), event.uuid(), List.of(rd)));
    }

    /** Wistia reports thresholds; as a fraction (0.25) or a percentage (25). */
    private static Integer percent(BigDecimal reported) {
        if (reported == null) {
            return null;
        }
        BigDecimal percent = reported.compareTo(BigDecimal.ONE) <= 0 && reported.scale() > 0
                ? reported.multiply(BigDecimal.valueOf(100)) : reported;
        return Math.max(0, Math.min(100, percent.setScale(0, RoundingMode.HALF_UP).intValue()));
    }

    private static String topics(WistiaHook hook) {
        return hook.events().stream().map(WistiaHook.Event::type).distinct().reduce((a, b) -> a + "," + b).orElse("events");
    }

}
