package dev.ponte.rd.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * RD's wire format: snake_case names, absent fields left out, decimals written as given. Kept
 * apart from the application's ObjectMapper so that nothing configured elsewhere can change what
 * RD receives.
 */
public final class RdJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            // 40.20 stays 40.20 and 200.0 stays 200.0: what a user sends is what RD receives.
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private RdJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Parses a request body; callers turn the exception into an RD-shaped 400. */
    public static JsonNode parse(byte[] body) throws IOException {
        return MAPPER.readTree(body);
    }

    /** Parses JSON Ponte wrote itself (a recorded answer): it is known to be well formed. */
    public static JsonNode parseText(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String string(Object value) {
        return new String(bytes(value), StandardCharsets.UTF_8);
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** One reader per payload type, made when that type is first read (a race makes two, harmlessly). */
    private static final ObjectReader[] READERS = new ObjectReader[EventType.values().length];

    private static ObjectReader reader(EventType type) {
        ObjectReader reader = READERS[type.ordinal()];
        if (reader == null) {
            reader = MAPPER.readerFor(type.payloadType());
            READERS[type.ordinal()] = reader;
        }
        return reader;
    }

    /** Reads an already validated event node into its typed record. */
    public static RdEvent event(JsonNode node) {
        EventType type = EventType.valueOf(node.get("event_type").asText());
        try {
            return RdEvent.of(reader(type).readValue(node.get("payload")));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event does not fit " + type + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a tree in memory has nothing to fail reading
        }
    }

    /**
     * An event of {@code type} whose payload is {@code payload}, by RD's field names, its values
     * texts, booleans, numbers, legal bases, lists, maps or trees (what a mapping file makes on
     * every webhook): made straight from the values where each is exactly of its field's type
     * ({@link PayloadBinding}), otherwise read by Jackson as if it were JSON.
     */
    public static RdEvent event(EventType type, Map<String, Object> payload) {
        RdPayload bound = PayloadBinding.bind(type, payload);
        return bound != null ? RdEvent.of(bound) : eventByJackson(type, payload);
    }

    /** The same payload read by Jackson: what {@link PayloadBinding} must always agree with. */
    static RdEvent eventByJackson(EventType type, Map<String, Object> payload) {
        try (TokenBuffer tokens = new TokenBuffer(MAPPER, false)) {
            tokens.writeStartObject();
            for (Map.Entry<String, Object> field : payload.entrySet()) {
                tokens.writeFieldName(field.getKey());
                write(tokens, field.getValue());
            }
            tokens.writeEndObject();
            try (JsonParser parser = tokens.asParser()) {
                return RdEvent.of(reader(type).readValue(parser));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event does not fit " + type + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // tokens in memory have nothing to fail reading
        }
    }

    private static void write(TokenBuffer tokens, Object value) throws IOException {
        if (value instanceof String text) {
            tokens.writeString(text);
        } else if (value instanceof Boolean flag) {
            tokens.writeBoolean(flag);
        } else if (value instanceof Integer number) {
            tokens.writeNumber(number);
        } else if (value instanceof Long number) {
            tokens.writeNumber(number);
        } else if (value instanceof java.math.BigInteger number) {
            tokens.writeNumber(number);
        } else if (value instanceof java.math.BigDecimal number) {
            tokens.writeNumber(number);
        } else if (value instanceof JsonNode tree) {
            tokens.writeTree(tree);
        } else {
            tokens.writeObject(value); // lists, maps and records, through the mapper, as valueToTree writes them
        }
    }
}
