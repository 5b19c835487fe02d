package dev.ponte.rd.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A payload bound straight from its values is the record Jackson reads from the same values, for
 * every event type and every field the binding takes; what it does not take exactly is left to
 * Jackson (answered null), never bound another way.
 */
class PayloadBindingTest {

    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    /** Every field of {@code type} the binding takes, each with a value of its own. */
    private static Map<String, Object> everyBindableField(EventType type) {
        Map<String, Object> payload = new LinkedHashMap<>();
        int n = 0;
        for (RecordComponent component : type.payloadType().getRecordComponents()) {
            String name = NAMES.translate(component.getName());
            Class<?> kind = component.getType();
            n++;
            if (kind == String.class) {
                payload.put(name, "value of " + name);
            } else if (kind == Integer.class) {
                payload.put(name, n);
            } else if (kind == BigDecimal.class) {
                payload.put(name, new BigDecimal(n + ".50"));
            } else if (kind == Boolean.class) {
                payload.put(name, n % 2 == 0);
            } else if (kind == List.class && component.getGenericType() instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] == LegalBase.class) {
                payload.put(name, List.of(LegalBase.dataProcessing("consent"), LegalBase.communications("consent", "granted")));
            }
        }
        return payload;
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyFieldItTakesIsBoundAsJacksonReadsIt(EventType type) {
        Map<String, Object> payload = everyBindableField(type);
        RdPayload bound = PayloadBinding.bind(type, payload);
        assertThat(bound).isNotNull().isEqualTo(RdJson.eventByJackson(type, payload).payload());
        // Written out again, the record has every field that went in.
        assertThat(RdJson.tree(bound).size()).isEqualTo(payload.size());
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void noFieldsBindsTheEmptyRecordJacksonReads(EventType type) {
        assertThat(PayloadBinding.bind(type, Map.of())).isEqualTo(RdJson.eventByJackson(type, Map.of()).payload());
    }

    @Test
    void whatItDoesNotTakeExactlyIsLeftToJackson() {
        Map<String, Object> aNumberForAText = new LinkedHashMap<>(Map.of("email", "ana@example.com", "name", 42));
        assertThat(PayloadBinding.bind(EventType.CONVERSION, aNumberForAText)).isNull();
        // Jackson reads a number for a text as its digits: the fallback keeps that.
        assertThat(((ConversionPayload) RdJson.event(EventType.CONVERSION, aNumberForAText).payload()).name()).isEqualTo("42");

        assertThat(PayloadBinding.bind(EventType.CONVERSION, Map.of("cf_plan", "gold"))).isNull();
        assertThat(((ConversionPayload) RdJson.event(EventType.CONVERSION, Map.of("cf_plan", "gold")).payload()).customFields())
                .containsEntry("cf_plan", "gold");

        assertThat(PayloadBinding.bind(EventType.CONVERSION, Map.of("tags", List.of("a", "b")))).isNull();
        assertThat(PayloadBinding.bind(EventType.CONVERSION, Map.of("no_such_field", "x"))).isNull();
        assertThat(PayloadBinding.bind(EventType.SALE, Map.of("value", 99))).isNull(); // an integer for a decimal
        assertThat(PayloadBinding.bind(EventType.CONVERSION, Map.of("legal_bases", List.of("consent")))).isNull();
    }
}
