package dev.ponte.mapping;

import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import com.fasterxml.jackson.core.JsonProcessingException;
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
