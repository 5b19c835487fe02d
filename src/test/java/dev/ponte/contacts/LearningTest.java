package dev.ponte.contacts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.Fact;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.RdJson;
import dev.ponte.rd.events.RdPayload;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a delivered event teaches is read from the event's record, and is what the same event as
 * RD receives it says: each phone number it sends as {@code personal_phone} or {@code mobile_phone}
 * belongs to its email. Checked for every event type, so a payload that gains a phone field and
 * not the interface that names it fails here.
 */
class LearningTest {

    private static final String PERSONAL = "+55 11 98765-4321";
    private static final String MOBILE = "(11) 91234-5678";

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyPhoneAnEventSendsIsLearnedForItsEmail(EventType type) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("email", "maria@example.com");
        putPhones(values, type);
        RdEvent event = RdEvent.of(RdJson.mapper().convertValue(values, type.payloadType()));

        JsonNode sent = RdJson.tree(event).path("payload");
        List<Fact> expected = new ArrayList<>();
        for (String field : List.of("personal_phone", "mobile_phone")) {
            if (sent.hasNonNull(field)) {
                expected.add(ContactDirectory.phone(Contacts.phone(sent.get(field).asText()), "maria@example.com"));
            }
        }

        assertThat(Learning.facts(List.of(event), List.of())).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void anEventWithoutAnEmailTeachesNoPhone(EventType type) {
        Map<String, Object> values = new LinkedHashMap<>();
        putPhones(values, type);
        RdPayload payload = RdJson.mapper().convertValue(values, type.payloadType());

        assertThat(Learning.facts(List.of(RdEvent.of(payload)), List.of())).isEmpty();
    }

    /** Both phone fields, where the type's payload has them (RD's payloads take no field they do not name). */
    private static void putPhones(Map<String, Object> values, EventType type) {
        List<String> fields = Arrays.stream(type.payloadType().getRecordComponents()).map(RecordComponent::getName).toList();
        if (fields.contains("personalPhone")) {
            values.put("personal_phone", PERSONAL);
        }
        if (fields.contains("mobilePhone")) {
            values.put("mobile_phone", MOBILE);
        }
    }
}
