package dev.ponte.mapping.files;

import com.dashjoin.jsonata.JException;
import com.dashjoin.jsonata.Jsonata;
import java.util.List;

/**
 * One JSONata expression of a mapping file, parsed when the file is read (a syntax error stops
 * start-up with the file and line). A parsed JSONata keeps per-evaluation state, so each thread
 * evaluates its own copy, parsed once per thread.
 */
public final class Expression {

    /** The variables a mapping file's expressions are given; each expression is bound only those it names. */
    static final java.util.List<String> VARIABLES = java.util.List.of("headers", "query", "settings", "topic",
            "ecommerce", "contact");

    private final String source;
    private final ThreadLocal<Jsonata> parsed;
    private final java.util.List<String> uses;
    /** A plain path ({@code visitor.email}), walked through the maps without JSONata; null otherwise. */
    private final String[] path;
    /** A quoted text without escapes ({@code 'online'}), the same on every webhook; null otherwise. */
    private final String constant;
    private final Call direct;
    private final List<Expression> concatenated;

    private static final java.util.regex.Pattern PLAIN_PATH = java.util.regex.Pattern.compile(
            "[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final java.util.regex.Pattern PLAIN_TEXT = java.util.regex.Pattern.compile("'[^'\\\\]*'");
    // Words JSONata reads as operators or values, never as field names.
    private static final java.util.Set<String> RESERVED = java.util.Set.of("and", "or", "in", "true", "false", "null",
            "function");

    /** {@code whole}: an expression of the file, which may be a call or a concatenation; else one of their parts. */
    private Expression(String source, boolean whole) {
        this.source = source;
        String trimmed = source.strip();
        this.path = plainPath(trimmed);
        this.constant = PLAIN_TEXT.matcher(trimmed).matches() ? trimmed.substring(1, trimmed.length() - 1) : null;
        this.direct = whole && trimmed.startsWith("$") ? call(trimmed) : null;
        this.concatenated = whole ? concatenation(trimmed) : null;
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

    static Expression parse(String source, String file, int line, String field, boolean checkedAtBuild) {
        Expression expression = new Expression(source, true);
        // A shape Ponte reads itself is valid JSONata, and so is every expression of a shipped
        // file (the build reads them all); JSONata parses either when a webhook first needs it.
        if (!expression.isPlain() && !checkedAtBuild) {
            try {
                // The thread that reads the file keeps the copy parsed to check it.
                expression.parsed.set(prepared(Jsonata.jsonata(source)));
            } catch (JException | IllegalArgumentException e) {
                throw new MappingFileError(file, line, field, "not a JSONata expression (" + e.getMessage() + "): " + source);
            }
        }
        return expression;
    }

    private boolean isPlain() {
        return path != null || constant != null || direct != null || concatenated != null;
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
    public Object evaluate(Object input, java.util.Map<String, Object> variables) {
        if (constant != null) {
            return constant;
        }
        if (path != null) {
            Object value = walk(input);
            if (value != NOT_PLAIN) {
                return value;
            }
        }
        if (concatenated != null) {
            Object value = join(input);
            if (value != NOT_PLAIN) {
                return value;
            }
        }
        if (direct != null) {
            List<Object> args = new java.util.ArrayList<>(direct.args().size());
            boolean plain = true;
            for (Expression arg : direct.args()) {
                Object value = arg.constant != null ? arg.constant : arg.walk(input);
                if (value == NOT_PLAIN) {
                    plain = false;
                    break;
                }
                args.add(value);
            }
            if (plain) {
                return direct.rule().apply(args);
            }
        }
        Jsonata expression = parsed.get();
        for (String name : uses) {
            expression.assign(name, variables.get(name));
        }
        Object value = expression.evaluate(input);
        return value == Jsonata.NULL_VALUE ? null : value;
    }

    private static final Object NOT_PLAIN = new Object();

    private static String[] plainPath(String trimmed) {
        if (!PLAIN_PATH.matcher(trimmed).matches()) {
            return null;
        }
        String[] names = trimmed.split("\\.");
        for (String name : names) {
            if (RESERVED.contains(name)) {
                return null;
            }
        }
        return names;
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

    /**
     * {@code $text(visitor.name, 'tawk.to chat')}: one of Ponte's rules over plain paths and
     * texts, called directly; null when the expression is anything else.
     */
    private record Call(MappingFunctions.Rule rule, List<Expression> args) {
    }

    private static final java.util.regex.Pattern CALL = java.util.regex.Pattern.compile("\\$([A-Za-z]+)\\((.*)\\)");
    private static final java.util.regex.Pattern ARGUMENT = java.util.regex.Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.]*|'[^'\\\\]*')\\s*(,|$)");

    /** {@code 'chat-' & chatId & ':started'}: texts and plain paths joined; null when the expression is anything else. */
    private static List<Expression> concatenation(String source) {
        if (!source.contains("&")) {
            return null;
        }
        List<Expression> parts = new java.util.ArrayList<>();
        java.util.regex.Matcher part = PART.matcher(source);
        int at = 0;
        while (at < source.length()) {
            if (!part.find(at) || part.start() != at) {
                return null;
            }
            Expression piece = new Expression(part.group(1), false);
            if (piece.path == null && piece.constant == null) {
                return null;
            }
            parts.add(piece);
            at = part.end();
        }
        return parts.size() > 1 ? List.copyOf(parts) : null;
    }

    private static final java.util.regex.Pattern PART = java.util.regex.Pattern.compile(
            "\\s*([A-Za-z_][A-Za-z0-9_.]*|'[^'\\\\]*')\\s*(&|$)");

    /** The joined text, as JSONata joins texts, whole numbers and booleans; {@link #NOT_PLAIN} for anything else. */
    private Object join(Object input) {
        StringBuilder joined = new StringBuilder();
        for (Expression part : concatenated) {
            Object value = part.constant != null ? part.constant : part.walk(input);
            if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
                joined.append(value);
            } else {
                return NOT_PLAIN;
            }
        }
        return joined.toString();
    }

    private static Call call(String source) {
        java.util.regex.Matcher call = CALL.matcher(source);
        if (!call.matches() || !MappingFunctions.RULES.containsKey(call.group(1))) {
            return null;
        }
        List<Expression> args = new java.util.ArrayList<>();
        java.util.regex.Matcher argument = ARGUMENT.matcher(call.group(2));
        int at = 0;
        while (at < call.group(2).length()) {
            if (!argument.find(at) || argument.start() != at) {
                return null;
            }
            Expression arg = new Expression(argument.group(1), false);
            if (arg.path == null && arg.constant == null) {
                return null;
            }
            args.add(arg);
            at = argument.end();
        }
        return new Call(MappingFunctions.RULES.get(call.group(1)), List.copyOf(args));
    }

    /**
     * The value at a plain path through maps, as JSONata finds it; {@link #NOT_PLAIN} where a list
     * is met, whose sequence rules JSONata itself applies.
     */
    private Object walk(Object input) {
        Object value = input;
        for (String name : path) {
            if (value instanceof java.util.Map<?, ?> map) {
                value = map.get(name);
            } else if (value == null) {
                return null;
            } else {
                return NOT_PLAIN;
            }
        }
        return value instanceof java.util.List<?> || value instanceof java.util.Map<?, ?> ? NOT_PLAIN : value;
    }

    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
