package dev.ponte.mapping.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ponte.mapping.VendorJson;
import dev.ponte.testing.FileVendors;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ponte's own evaluation of the simple JSONata shapes is only a shortcut: whatever it answers,
 * JSONata answers too. Every expression of every shipped file is evaluated both ways over every
 * payload of its vendor and over each payload changed one value at a time (left out, JSON's null,
 * a list, a number, a decimal, a text, a boolean, an object), and the answers must be the same:
 * the same value, or both a refusal.
 */
class ShortcutTest {

    @Test
    void theShortcutAgreesWithJsonataOnEveryShippedExpressionAndPayload() throws IOException {
        int compared = 0;
        int shortcuts = 0;
        List<String> disagreements = new ArrayList<>();
        for (MappingFile file : FileVendors.shippedFiles()) {
            List<Expression> expressions = new ArrayList<>();
            collect(file, expressions);
            Map<String, Object> variables = variables(file);
            for (Object input : inputs(file.vendor())) {
                for (Expression expression : expressions) {
                    if (!expression.hasShortcut()) {
                        continue;
                    }
                    compared++;
                    String ours = outcome(() -> expression.evaluate(input, variables));
                    String jsonata = outcome(() -> expression.evaluateByJsonata(input, variables));
                    if (!ours.equals(jsonata) && disagreements.size() < 20) {
                        disagreements.add(file.vendor() + ": " + expression + "\n  Ponte:   " + ours + "\n  JSONata: "
                                + jsonata + "\n  input: " + input);
                    }
                }
            }
            shortcuts += (int) expressions.stream().filter(Expression::hasShortcut).count();
        }
        assertThat(disagreements).isEmpty();
        assertThat(shortcuts).as("shipped expressions Ponte evaluates itself").isGreaterThan(400);
        assertThat(compared).isGreaterThan(100_000);
    }

    /**
     * A mapper reads only what its file's expressions can reach ({@link FileMapper#wanted}): over
     * every payload and every one-value change of it, every expression of the file (found in its
     * records by reflection, not by the list {@code wanted} walks) answers the same, by Ponte and
     * by JSONata, on the body read that way as on the whole body.
     */
    @Test
    void readingOnlyWhatTheFileWantsChangesNoAnswer() throws IOException {
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (MappingFile file : FileVendors.shippedFiles()) {
            List<Expression> expressions = new ArrayList<>();
            collect(file, expressions);
            Map<String, Object> variables = variables(file);
            dev.ponte.mapping.VendorJson.Wanted wanted = FileMapper.wanted(file);
            for (Object input : inputs(file.vendor())) {
                byte[] json = dev.ponte.rd.events.RdJson.mapper().writeValueAsBytes(input);
                Object whole = VendorJson.values(json);
                Object pruned = VendorJson.values(json, wanted);
                for (Expression expression : expressions) {
                    compared++;
                    String fromWhole = outcome(() -> expression.evaluate(whole, variables)) + " | "
                            + outcome(() -> expression.evaluateByJsonata(whole, variables));
                    String fromPruned = outcome(() -> expression.evaluate(pruned, variables)) + " | "
                            + outcome(() -> expression.evaluateByJsonata(pruned, variables));
                    if (!fromWhole.equals(fromPruned) && differences.size() < 20) {
                        differences.add(file.vendor() + ": " + expression + "\n  whole:  " + fromWhole + "\n  pruned: "
                                + fromPruned + "\n  input: " + input);
                    }
                }
            }
        }
        assertThat(differences).isEmpty();
        assertThat(compared).isGreaterThan(100_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b", "$text(a, 'x')", "'x' & a & 'y'", "$settings.funnel", "$headers.`x-id`",
        "$text($headers.`x-id`, 'id-' & a.b)", "$subject(a.c, $text(a.b, 'none'))", "$topic", "$email(a.b, 'X@Y.COM')",
        "a.b = 'x'", "a != 'z' ? 'x' : b.c", "$transcript(m[s.t != 's'].{'at': t, 'who': $text(s.n, s.t = 'v' ? 'V' : 'A')})",
        "m.{'a': b}", "m[t = 'x']", "$lowercase($substringAfter($topic, 'P_'))", "$replace(a.b, '_', '-')", "[a.b, 'b']",
        "a.b in ['x', 'y']", "a = true", "`true`.a", "in_stock", "$substringBefore(a.c, ' ')", "$uppercase(a.b)",
        "a ? a : (b = 'x' ? 'y')", "$answers(f).email", "($text(a.b))", "{'a': a.b, $settings.k: $join([a.b, a.c], '-')}",
        "a ? {'b': a.c}", "'a\\nb\\u00e9\\\"'", "m.b != 'z'"})
    void theseShapesAreShortcutsThatAgreeWithJsonata(String source) {
        Expression expression = Expression.parse(source, "f.yaml", 1, "field", false);
        assertThat(expression.hasShortcut()).isTrue();
        Map<String, Object> variables = new java.util.HashMap<>(Map.of("settings", Map.of("funnel", "default", "k", "key"),
                "headers", Map.of("x-id", "h-1"), "topic", "P_APPROVED"));
        List<Object> inputs = List.of(Map.of(), Map.of("a", Map.of("b", "x", "c", "two  words")),
                Map.of("a", "text", "b", "x", "n", 1, "in_stock", true, "true", Map.of("a", 2)),
                Map.of("m", List.of(Map.of("t", "x", "b", 1, "s", Map.of("t", "v", "n", "Ana")), Map.of("t", "s", "s", Map.of("t", "s")),
                        Map.of("t", "a", "s", Map.of("n", "Bia"))), "f", Map.of("answers", List.of())),
                Map.of("m", Map.of("t", "x", "b", "one")));
        for (Object input : inputs) {
            assertThat(outcome(() -> expression.evaluate(input, variables))).as("%s on %s", source, input)
                    .isEqualTo(outcome(() -> expression.evaluateByJsonata(input, variables)));
        }
        // Read as a mapper reads a body, only what the expression can reach: the same answer.
        dev.ponte.mapping.VendorJson.Wanted wanted = dev.ponte.mapping.VendorJson.Wanted.nothing();
        expression.want(wanted);
        for (Object input : inputs) {
            Object read = VendorJson.values(json(input), wanted);
            assertThat(outcome(() -> expression.evaluate(read, variables))).as("%s on %s read as %s", source, input, read)
                    .isEqualTo(outcome(() -> expression.evaluate(input, variables)));
        }
    }

    private static byte[] json(Object input) {
        try {
            return dev.ponte.rd.events.RdJson.mapper().writeValueAsBytes(input);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"a[0]", "a[b]", "m[t = 'x'].{a: b.", "m.{'a' b}", "a < 1", "$count(a)", "a ? b : ", "$unknownRule(a)", "'it\\'s'", "a.`b",
        "$text(a", "a.b.", "and", "$$", "$", "a & ", "1", "a.(b)", "$text(a, b) & $", "$settings.x[0]",
        "$replace(a, /x/, 'y')", "m[t = 'x'].b", "n = 1", "$lowercase(a, b)", "$substringAfter(a)", "a in b", "null"})
    void otherShapesAreLeftToJsonata(String source) {
        Expression expression;
        try {
            expression = Expression.parse(source, "f.yaml", 1, "field", false);
        } catch (MappingFileError notJsonata) {
            return; // not an expression at all: refused when the file is read
        }
        assertThat(expression.hasShortcut()).isFalse();
    }

    private static String outcome(java.util.function.Supplier<Object> evaluation) {
        try {
            Object value = evaluation.get();
            if (value == null || value == Shortcut.NULL) {
                return "nothing";
            }
            String kind = value instanceof List ? "List" : value instanceof Map ? "Map" : value.getClass().getSimpleName();
            return kind + " " + value;
        } catch (RuntimeException e) {
            return "refused";
        }
    }

    /** The variables a mapper binds, with the file's defaults as settings and a header of each kind. */
    private static Map<String, Object> variables(MappingFile file) {
        Map<String, Object> settings = new LinkedHashMap<>();
        file.settings().forEach((name, setting) -> {
            if (!name.equals("secret")) {
                settings.put(name.replace('-', '_'), setting.otherwise());
            }
        });
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("X-Hook-Event-Id", "evt-1");
        headers.put("Content-Type", "application/json");
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("headers", headers);
        variables.put("query", Map.of("email", "maria@example.com"));
        variables.put("settings", settings);
        variables.put("topic", "some-topic");
        variables.put("ecommerce", "current");
        variables.put("contact", "maria@example.com");
        return variables;
    }

    /** Every payload of the vendor as parsed JSON, and each with one value changed. */
    private static List<Object> inputs(String vendor) throws IOException {
        List<Object> inputs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/vendors/" + vendor))) {
            for (Path path : files.filter(p -> p.toString().endsWith(".json") && !p.toString().contains(".expected."))
                    .sorted().toList()) {
                Object body = VendorJson.values(Files.readAllBytes(path));
                inputs.add(body);
                for (Object changed : List.<Object>of(REMOVED, NOTHING, List.of("a", "b"), 7, 1.5, "text", true,
                        Map.of("k", "v"))) {
                    inputs.addAll(variants(body, changed));
                }
            }
        }
        return inputs;
    }

    /** The entry left out; JSON's null. */
    private static final Object REMOVED = new Object();
    private static final Object NOTHING = new Object();

    /** {@code value} with each of its entries, at every depth, in turn replaced by {@code changed}. */
    @SuppressWarnings("unchecked")
    private static List<Object> variants(Object value, Object changed) {
        List<Object> variants = new ArrayList<>();
        if (value instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) map);
                if (changed == REMOVED) {
                    copy.remove(key);
                } else {
                    copy.put((String) key, changed == NOTHING ? null : changed);
                }
                variants.add(copy);
                for (Object inner : variants(map.get(key), changed)) {
                    Map<String, Object> deeper = new LinkedHashMap<>((Map<String, Object>) map);
                    deeper.put((String) key, inner);
                    variants.add(deeper);
                }
            }
        } else if (value instanceof List<?> list && !list.isEmpty()) {
            for (Object inner : variants(list.get(0), changed)) {
                List<Object> copy = new ArrayList<>(list);
                copy.set(0, inner);
                variants.add(copy);
            }
        }
        return variants;
    }

    /** Every expression a file holds, wherever in its records. */
    private static void collect(Object value, List<Expression> into) {
        if (value instanceof Expression expression) {
            into.add(expression);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collect(v, into));
        } else if (value instanceof List<?> list) {
            list.forEach(v -> collect(v, into));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    collect(component.getAccessor().invoke(record), into);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
