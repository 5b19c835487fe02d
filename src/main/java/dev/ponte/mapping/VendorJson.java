package dev.ponte.mapping;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;

/**
 * Reads vendor payloads into the vendor's records. Vendors add fields without notice, so unknown
 * ones are ignored; a body that does not parse is a {@link MalformedPayload}, answered 400.
 */
public final class VendorJson {

    private static final ObjectMapper SNAKE = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A quantity of 1.7 is not one item: it is refused, never truncated.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A null inside a list ("line_items":[null]) stands for nothing: it is left out.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.SKIP))
            .build();

    private static final ObjectMapper CAMEL = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // A quantity of 1.7 is not one item: it is refused, never truncated.
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            // A null inside a list ("line_items":[null]) stands for nothing: it is left out.
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.SKIP))
            .build();

    private VendorJson() {
    }

    /** For vendors whose payloads are camelCase ({@code orderId}); records then need no annotations. */
    public static <T> T readCamelCase(byte[] body, Class<T> type) {
        return read(CAMEL, body, type);
    }

    /** Reads {@code body} into {@code type}, whose components are the snake_case fields of the payload. */
    public static <T> T read(byte[] body, Class<T> type) {
        return read(SNAKE, body, type);
    }

    private static <T> T read(ObjectMapper mapper, byte[] body, Class<T> type) {
        T value;
        try {
            value = mapper.readValue(body, type);
        } catch (JsonProcessingException e) {
            JsonProblems.Problem problem = JsonProblems.of(e, "$.body");
            throw new MalformedPayload(problem.message(), problem.path());
        } catch (IOException e) {
            throw new MalformedPayload("The body could not be read.");
        }
        if (value == null) {
            throw new MalformedPayload("The body is empty or null; the vendor documents a JSON object here.");
        }
        return value;
    }

    /**
     * Reads {@code body} into plain values, as mapping files' expressions walk them: objects as
     * ordered maps, arrays as lists, decimals as exact {@code BigDecimal}s, whole numbers as
     * {@code Integer}, {@code Long} or {@code BigInteger}. Streamed straight into those values: a
     * webhook is read this way once per delivery, and Jackson's general deserializer costs a
     * third more here.
     */
    public static Object values(byte[] body) {
        return values(body, Wanted.ALL);
    }

    /**
     * The parts of a body a mapping reads: names, each with the parts of its value it reads, or the
     * whole value. What is not wanted is skipped as the body streams by (still checked as JSON),
     * never put in a map: most of a vendor's body is fields no mapping uses.
     */
    public static final class Wanted {

        /** The whole body (never added to: a whole value has no parts to add). */
        private static final Wanted ALL = whole(new Wanted());

        private final java.util.Map<String, Wanted> names = new java.util.HashMap<>();
        private boolean whole;

        private static Wanted whole(Wanted wanted) {
            wanted.whole();
            return wanted;
        }

        /** Nothing yet: add what is read with {@link #name} and {@link #whole()}. */
        public static Wanted nothing() {
            return new Wanted();
        }

        /** What is wanted of this name's value (a list's items each), added to. */
        public Wanted name(String name) {
            return whole ? this : names.computeIfAbsent(name, n -> new Wanted());
        }

        /** All of this value. */
        public void whole() {
            whole = true;
            names.clear();
        }

        private Wanted at(String name) {
            return whole ? this : names.get(name);
        }
    }

    /**
     * As {@link #values(byte[])}, keeping only what {@code wanted} names: an object keeps the
     * wanted names it has, a list's items are each read as wanted.
     */
    public static Object values(byte[] body, Wanted wanted) {
        try (JsonParser parser = CAMEL.getFactory().createParser(body)) {
            if (parser.nextToken() == null) {
                throw new MalformedPayload("The body is empty or null; the vendor documents a JSON object here.");
            }
            Object value = value(parser, wanted);
            if (value == null) {
                throw new MalformedPayload("The body is empty or null; the vendor documents a JSON object here.");
            }
            return value;
        } catch (JsonProcessingException e) {
            JsonProblems.Problem problem = JsonProblems.of(e, "$.body");
            throw new MalformedPayload(problem.message(), problem.path());
        } catch (IOException e) {
            throw new MalformedPayload("The body could not be read.");
        }
    }

    private static Object value(JsonParser parser, Wanted wanted) throws IOException {
        if (wanted.whole) {
            return value(parser);
        }
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    Wanted part = wanted.at(name);
                    if (part == null) {
                        parser.skipChildren();
                    } else {
                        object.put(name, value(parser, part));
                    }
                }
                return object;
            }
            case START_ARRAY -> {
                java.util.List<Object> array = new java.util.ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser, wanted));
                }
                return array;
            }
            default -> {
                return value(parser);
            }
        }
    }

    /** The value whose first token the parser is on; the parser's own limits (nesting, lengths) apply. */
    private static Object value(JsonParser parser) throws IOException {
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                java.util.Map<String, Object> object = new java.util.LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    object.put(name, value(parser));
                }
                return object;
            }
            case START_ARRAY -> {
                java.util.List<Object> array = new java.util.ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    array.add(value(parser));
                }
                return array;
            }
            case VALUE_STRING -> {
                return parser.getText();
            }
            case VALUE_NUMBER_INT -> {
                return parser.getNumberValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return parser.getDecimalValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new MalformedPayload("The body is not JSON.");
        }
    }

    public static JsonNode tree(byte[] body) {
        JsonNode tree;
        try {
            tree = SNAKE.readTree(body);
        } catch (JsonProcessingException e) {
            JsonProblems.Problem problem = JsonProblems.of(e, "$.body");
            throw new MalformedPayload(problem.message(), problem.path());
        } catch (IOException e) {
            throw new MalformedPayload("The body could not be read.");
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            throw new MalformedPayload("The body is empty or null; the vendor documents a JSON object here.");
        }
        return tree;
    }
}
