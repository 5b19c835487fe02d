package dev.ponte.rd.events;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A payload record made straight from its fields' plain values, when each value is exactly of its
 * component's type (a text for a text, a boolean, an integer or a decimal for the same, legal
 * bases for legal bases): the record Jackson makes of the same values, without writing them out
 * as JSON and reading them back, which was an eighth of what a mapping file costs per webhook.
 * Anything else (a number for a text, a list, a name the record does not have, a constructor
 * that refuses) is Jackson's to read or to refuse: {@link #bind} answers null.
 */
final class PayloadBinding {

    /** A payload type's canonical constructor, and each field's position and type by RD's name. */
    private record Plan(Constructor<?> constructor, Map<String, Integer> positions, Class<?>[] types, boolean[] legalBases) {
    }

    private static final PropertyNamingStrategies.NamingBase NAMES =
            (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    /** Made when a type is first bound (a race makes two, harmlessly). */
    private static final Plan[] PLANS = new Plan[EventType.values().length];

    private PayloadBinding() {
    }

    static RdPayload bind(EventType type, Map<String, Object> payload) {
        Plan plan = PLANS[type.ordinal()];
        if (plan == null) {
            plan = plan(type.payloadType());
            PLANS[type.ordinal()] = plan;
        }
        Object[] arguments = new Object[plan.types().length];
        for (Map.Entry<String, Object> field : payload.entrySet()) {
            Integer at = plan.positions().get(field.getKey());
            if (at == null || !fits(field.getValue(), plan.types()[at], plan.legalBases()[at])) {
                return null;
            }
            arguments[at] = field.getValue();
        }
        try {
            return (RdPayload) plan.constructor().newInstance(arguments);
        } catch (InvocationTargetException | InstantiationException | IllegalAccessException | IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean fits(Object value, Class<?> type, boolean legalBases) {
        if (value instanceof String || value instanceof Boolean || value instanceof Integer || value instanceof BigDecimal) {
            return value.getClass() == type;
        }
        if (legalBases && value instanceof List<?> list) {
            for (Object item : list) {
                if (!(item instanceof LegalBase)) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private static Plan plan(Class<?> payloadType) {
        RecordComponent[] components = payloadType.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        boolean[] legalBases = new boolean[components.length];
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            Type generic = components[i].getGenericType();
            legalBases[i] = types[i] == List.class && generic instanceof ParameterizedType list
                    && list.getActualTypeArguments()[0] == LegalBase.class;
            positions.put(NAMES.translate(components[i].getName()), i);
        }
        try {
            return new Plan(payloadType.getDeclaredConstructor(types), Map.copyOf(positions), types, legalBases);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(payloadType + " is a record without its canonical constructor", e);
        }
    }
}
