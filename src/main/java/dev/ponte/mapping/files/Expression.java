package dev.ponte.mapping.files;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;

/**
 * One JSONata expression of a mapping file, parsed when the file is read (a syntax error stops
 * start-up with the file and line). A parsed JSONata keeps per-evaluation state, so each thread
 * evaluates its own copy, parsed once per thread.
 */
public final class Expression {

    private final String source;
    private final ThreadLocal<Jsonata> parsed;

    private Expression(String source) {
        this.source = source;
        this.parsed = ThreadLocal.withInitial(() -> MappingFunctions.register(Jsonata.jsonata(source)));
    }

    static Expression parse(String source, String file, int line, String field) {
        try {
            Jsonata.jsonata(source);
        } catch (JException | IllegalArgumentException e) {
            throw new MappingFileError(file, line, field, "not a JSONata expression (" + e.getMessage() + "): " + source);
        }
        return new Expression(source);
    }

    /**
     * The value for {@code input} (maps, lists, strings, numbers, booleans), with {@code variables}
     * bound as {@code $name}; null when the expression finds nothing.
     */
    public Object evaluate(Object input, java.util.Map<String, Object> variables) {
        Jsonata expression = parsed.get();
        variables.forEach(expression::assign);
        Object value = expression.evaluate(input);
        return value == Jsonata.NULL_VALUE ? null : value;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
