package dev.ponte.mapping.files;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;
import java.util.Map;

/**
 * One JSONata expression of a mapping file. The shapes most fields are written in (texts, paths,
 * joins, calls of Ponte's rules) are evaluated by {@link Shortcut}; everything else by JSONata.
 * A parsed JSONata keeps per-evaluation state in itself (its environment is rebound as it
 * evaluates), so each thread evaluates its own copy, parsed once per thread.
 */
public final class Expression {

    /** The variables a mapping file's expressions are given; each expression is bound only those it names. */
    static final List<String> VARIABLES = List.of("headers", "query", "settings", "topic", "ecommerce", "contact");

    private final String source;
    private final Shortcut shortcut;
    private final List<String> uses;
    /** This thread's JSONata parse: made when the file is read or, for a shortcut or a shipped file, when first needed. */
    private final ThreadLocal<Jsonata> parsed;

    private Expression(String source) {
        this.source = source;
        this.shortcut = Shortcut.of(source);
        List<String> uses = new java.util.ArrayList<>(0);
        if (source.indexOf('$') >= 0) {
            for (String name : VARIABLES) {
                if (names(source, name)) {
                    uses.add(name);
                }
            }
        }
        this.uses = List.copyOf(uses);
        this.parsed = ThreadLocal.withInitial(() -> prepared(Jsonata.jsonata(source)));
    }

    static Expression parse(String source, String file, int line, String field, boolean checkedBefore) {
        Expression expression = new Expression(source);
        // A shortcut is valid JSONata, and so is every expression of a file checked before (by the
        // build, or by an earlier start of it); JSONata parses either when a webhook first needs it.
        if (expression.shortcut == null && !checkedBefore) {
            try {
                // The thread that reads the file keeps the copy parsed to check it.
                expression.parsed.set(prepared(Jsonata.jsonata(source)));
            } catch (JException | IllegalArgumentException e) {
                throw new MappingFileError(file, line, field, "not a JSONata expression (" + e.getMessage() + "): " + source);
            }
        }
        return expression;
    }

    /**
     * With Ponte's functions, and without JSONata's walk over the whole input before each
     * evaluation: the input is parsed JSON (maps, lists, strings, numbers, booleans), which is
     * what that walk checks for.
     */
    private static Jsonata prepared(Jsonata expression) {
        expression.setValidateInput(false);
        return MappingFunctions.register(expression);
    }

    /**
     * The value for {@code input} (maps, lists, strings, numbers, booleans), with {@code variables}
     * bound as {@code $name}; null when the expression finds nothing.
     */
    public Object evaluate(Object input, Map<String, Object> variables) {
        if (shortcut != null) {
            Object value = shortcut.evaluate(input, variables);
            if (value != Shortcut.JSONATA) {
                return value == Shortcut.NULL ? null : value;
            }
        }
        return evaluateByJsonata(input, variables);
    }

    /** Adds to {@code body} what this expression reads of a body: all of it unless it is a shortcut. */
    void want(dev.ponte.mapping.VendorJson.Wanted body) {
        if (shortcut == null) {
            body.whole();
        } else {
            Shortcut.want(shortcut, body);
        }
    }

    /** Whether {@link Shortcut} evaluates it (for the values it leaves plain). */
    boolean hasShortcut() {
        return shortcut != null;
    }

    /** The value as JSONata alone finds it: what the shortcut must always agree with. */
    Object evaluateByJsonata(Object input, Map<String, Object> variables) {
        Jsonata expression = parsed.get();
        for (String name : uses) {
            expression.assign(name, variables.get(name));
        }
        Object value = expression.evaluate(input);
        return value == Jsonata.NULL_VALUE ? null : value;
    }

    /** Whether {@code source} names the variable {@code $name} (not a longer name that starts the same). */
    private static boolean names(String source, String name) {
        String variable = "$" + name;
        for (int at = source.indexOf(variable); at >= 0; at = source.indexOf(variable, at + 1)) {
            int after = at + variable.length();
            if (after == source.length() || !Character.isLetterOrDigit(source.charAt(after)) && source.charAt(after) != '_') {
                return true;
            }
        }
        return false;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
