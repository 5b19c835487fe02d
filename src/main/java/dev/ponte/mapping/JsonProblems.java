package dev.ponte.mapping;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says what is wrong with a JSON body in the words of the JSON itself: a path such as
 * {@code $.body.line_items[2].quantity} and what was expected there. Jackson's own messages name
 * Java classes and its internal limits; none of that reaches a caller.
 */
public final class JsonProblems {

    /** A problem: its message and the path it is at. */
    public record Problem(String message, String path) {
    }

    private static final Pattern LIMIT = Pattern.compile("\\((\\d+)\\) exceeds the maximum allowed \\((\\d+)");

    private JsonProblems() {
    }

    public static Problem of(JsonProcessingException e, String root) {
        if (e instanceof StreamConstraintsException limit) {
            return new Problem(limit(limit.getOriginalMessage()), root);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String path = path(root, mapping);
            return new Problem(path.substring(root.length()).isEmpty() ? "The body is not the documented object."
                    : "Expected " + expected(mapping) + " at " + path + given(mapping) + ".", path);
        }
        if (e instanceof JsonMappingException mapping) {
            return new Problem("The body must be " + expected(mapping) + given(mapping) + ".", root);
        }
        String message = clean(e.getOriginalMessage());
        JsonLocation at = e.getLocation();
        if (at != null && at.getLineNr() > 0) {
            message += " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
        }
        return new Problem("The body is not valid JSON: " + message + ".", root);
    }

    /** The JSON path of a mapping problem, from the fields and indexes Jackson walked through. */
    private static String path(String root, JsonMappingException e) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference step : e.getPath()) {
            if (step.getFieldName() != null) {
                path.append('.').append(step.getFieldName());
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String expected(JsonMappingException e) {
        Class<?> type = e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch
                ? mismatch.getTargetType() : null;
        if (type == null) {
            return "a JSON object";
        }
        if (type == String.class || type == Character.class || CharSequence.class.isAssignableFrom(type)) {
            return "a text";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class
                || type == BigInteger.class || type == Short.class || type == short.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class || type == BigDecimal.class) {
            return "a number";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (Map.class.isAssignableFrom(type) || !type.isPrimitive()) {
            return "an object";
        }
        return "a value of the documented type";
    }

    private static String given(JsonMappingException e) {
        if (e instanceof InvalidFormatException invalid && invalid.getValue() != null) {
            String value = String.valueOf(invalid.getValue());
            return ", not " + (value.length() > 40 ? value.substring(0, 40) + "…" : value);
        }
        return "";
    }

    private static String limit(String message) {
        Matcher numbers = LIMIT.matcher(message == null ? "" : message);
        String found = numbers.find() ? numbers.group(1) : null;
        String max = found == null ? null : numbers.group(2);
        String lower = message == null ? "" : message.toLowerCase(java.util.Locale.ROOT);
        String what;
        if (lower.contains("nesting depth")) {
            what = "The body nests objects and arrays " + found + " levels deep; at most " + max + " are accepted.";
        } else if (lower.contains("number value length")) {
            what = "A number in the body has " + found + " digits; at most " + max + " are accepted.";
        } else if (lower.contains("string value length")) {
            what = "A text in the body has " + found + " characters; at most " + max + " are accepted.";
        } else if (lower.contains("name length")) {
            what = "A field name in the body has " + found + " characters; at most " + max + " are accepted.";
        } else {
            what = "The body exceeds a size limit for JSON.";
        }
        return found == null ? "The body exceeds a size limit for JSON." : what;
    }

    /** Jackson's parse messages speak of JSON; only the source excerpt it appends is dropped. */
    private static String clean(String message) {
        if (message == null) {
            return "it could not be read";
        }
        String text = message;
        int source = text.indexOf("[Source:");
        if (source >= 0) {
            text = text.substring(0, source);
        }
        text = text.replace("(start marker at ", "").replace("\n", " ").trim();
        while (text.endsWith(".") || text.endsWith(":") || text.endsWith("(") || text.endsWith(";")) {
            text = text.substring(0, text.length() - 1).trim();
        }
        return text;
    }
}
