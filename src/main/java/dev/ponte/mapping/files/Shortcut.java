package dev.ponte.mapping.files;

import dev.ponte.mapping.VendorJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSONata most mapping-file fields are written in, evaluated by Ponte itself: texts
 * ({@code 'online'}), paths ({@code visitor.email}, {@code $settings.funnel},
 * {@code $headers.`x-hook-event-id`}), {@code true} and {@code false}, joins with {@code &}, calls
 * of Ponte's rules ({@code $subject(message.text, $text(property.name, 'tawk.to chat'))}) and of
 * JSONata's {@code $lowercase}, {@code $uppercase}, {@code $substringBefore},
 * {@code $substringAfter}, {@code $join} and {@code $replace} with a text pattern, lists
 * ({@code [a, b]}), objects ({@code {'key': value}}), parentheses,
 * comparisons with {@code =}, {@code !=} and {@code in}, conditions ({@code a = 'v' ? 'x' : 'y'}), and a list of objects
 * filtered and turned into objects ({@code messages[sender.t != 's'].{'at': time, 'text': msg}}),
 * every such result compared with JSONata's by {@code ShortcutTest}. Nothing else is read:
 * for any other expression {@link #of} answers null, and where a value needs JSONata's own rules
 * (a list on a path, a number or nothing in a join) {@link #evaluate} answers {@link #JSONATA}, so
 * JSONata decides. Either way the result is what JSONata would give.
 */
abstract sealed class Shortcut {

    /** This value is JSONata's to work out. */
    static final Object JSONATA = new Object();

    /**
     * JSON's null, which JSONata tells from nothing: {@code null != 's'} holds, nothing compared
     * with anything does not. Expressions answer it as nothing.
     */
    static final Object NULL = com.dashjoin.jsonata.Jsonata.NULL_VALUE;

    /** Words JSONata reads as operators or values, never as field names. */
    private static final Set<String> RESERVED = Set.of("and", "or", "in", "true", "false", "null", "function");

    abstract Object evaluate(Object input, Map<String, Object> variables);

    /**
     * Adds to {@code body} the parts of the body this shortcut can read (and JSONata, when it
     * hands over, reads the same expression): a path's value whole; inside a filtered list only
     * the list's path, whole, as its filter and objects read each item.
     */
    static void want(Shortcut shortcut, VendorJson.Wanted body) {
        if (shortcut == null || shortcut instanceof Text || shortcut instanceof Flag) {
            return;
        }
        if (shortcut instanceof Path path) {
            if (path.variable == null) {
                VendorJson.Wanted at = body;
                for (String name : path.names) {
                    at = at.name(name);
                }
                at.whole();
            }
        } else if (shortcut instanceof Join join) {
            join.parts.forEach(part -> want(part, body));
        } else if (shortcut instanceof Call call) {
            call.args.forEach(arg -> want(arg, body));
        } else if (shortcut instanceof After after) {
            want(after.call, body); // its path reads the call's answer, not the body
        } else if (shortcut instanceof Obj object) {
            object.fields.forEach(field -> {
                want(field.getKey(), body);
                want(field.getValue(), body);
            });
        } else if (shortcut instanceof BuiltinCall call) {
            call.args.forEach(arg -> want(arg, body));
        } else if (shortcut instanceof ListOf list) {
            list.items.forEach(item -> want(item, body));
        } else if (shortcut instanceof In in) {
            want(in.value, body);
            want(in.among, body);
        } else if (shortcut instanceof Compare compare) {
            want(compare.left, body);
            want(compare.right, body);
        } else if (shortcut instanceof Condition condition) {
            want(condition.condition, body);
            want(condition.then, body);
            want(condition.otherwise, body);
        } else if (shortcut instanceof Each each) {
            want(each.path, body);
        } else {
            body.whole(); // a kind this method does not know yet reads everything
        }
    }

    /** The shortcut for {@code source}, or null when JSONata must evaluate it. */
    static Shortcut of(String source) {
        Reader reader = new Reader(source);
        Shortcut shortcut = reader.value();
        reader.spaces();
        return shortcut != null && reader.at == source.length() ? shortcut : null;
    }

    /** A quoted text without escapes, the same on every webhook. */
    static final class Text extends Shortcut {
        final String text;

        Text(String text) {
            this.text = text;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            return text;
        }
    }

    /** Names walked through maps, from the body or from a variable ({@code $settings}...). */
    static final class Path extends Shortcut {
        private final String variable;
        private final String[] names;

        Path(String variable, List<String> names) {
            this.variable = variable;
            this.names = names.toArray(String[]::new);
        }

        /** An object found is answered as it is (as JSONata answers it); a list follows JSONata's sequence rules. */
        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object value = walk(input, variables);
            return value instanceof List<?> ? JSONATA : value;
        }

        /**
         * The value at the path through maps, whatever it is: {@link #NULL} where the JSON says
         * null, null where there is nothing; {@link #JSONATA} where a list or a plain value is met
         * on the way.
         */
        Object walk(Object input, Map<String, Object> variables) {
            Object value = variable == null ? input : variables.get(variable);
            for (String name : names) {
                if (value instanceof Map<?, ?> map) {
                    value = map.get(name);
                    if (value == null && map.containsKey(name)) {
                        value = NULL;
                    }
                } else if (value == null || value == NULL) {
                    return null; // nothing goes on from null
                } else {
                    return JSONATA; // a list (JSONata maps over it) or a name asked of a plain value
                }
            }
            return value;
        }
    }

    /** {@code a & b & ...}: texts, whole numbers and booleans joined, as JSONata joins them. */
    static final class Join extends Shortcut {
        private final List<Shortcut> parts;

        Join(List<Shortcut> parts) {
            this.parts = parts;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            StringBuilder joined = new StringBuilder();
            for (Shortcut part : parts) {
                Object value = part.evaluate(input, variables);
                if (value instanceof String || value instanceof Integer || value instanceof Long || value instanceof Boolean) {
                    joined.append(value);
                } else {
                    return JSONATA; // nothing, decimals and structures follow JSONata's $string
                }
            }
            return joined.toString();
        }
    }

    /** One of Ponte's rules, given its arguments' values. */
    static final class Call extends Shortcut {
        private final MappingFunctions.Rule rule;
        private final List<Shortcut> args;

        Call(MappingFunctions.Rule rule, List<Shortcut> args) {
            this.rule = rule;
            this.args = args;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            List<Object> values = new ArrayList<>(args.size());
            for (Shortcut arg : args) {
                Object value = arg.evaluate(input, variables);
                if (value == JSONATA) {
                    return JSONATA;
                }
                values.add(value);
            }
            return rule.apply(values);
        }
    }

    /** {@code $rule(...).name}: the names walked through the object a rule answers (a form's answers by reference). */
    static final class After extends Shortcut {
        private final Shortcut call;
        private final Path path;

        After(Shortcut call, Path path) {
            this.call = call;
            this.path = path;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object value = call.evaluate(input, variables);
            if (value == JSONATA || value instanceof List<?>) {
                return JSONATA;
            }
            return path.evaluate(value, variables);
        }
    }

    /**
     * {@code {key: value, ...}}, evaluated over one object: keys are texts, values that are
     * nothing leave their key out. Anything JSONata would refuse or group (a key that is not a
     * text, one key twice, a list as the input) is left to it.
     */
    static final class Obj extends Shortcut {
        private final List<Map.Entry<Shortcut, Shortcut>> fields;

        Obj(List<Map.Entry<Shortcut, Shortcut>> fields) {
            this.fields = fields;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            if (input instanceof List<?>) {
                return JSONATA;
            }
            Map<String, Object> made = new java.util.LinkedHashMap<>();
            for (Map.Entry<Shortcut, Shortcut> field : fields) {
                Object key = field.getKey().evaluate(input, variables);
                Object value = field.getValue().evaluate(input, variables);
                if (!(key instanceof String name) || value == JSONATA || value == NULL || made.containsKey(name)) {
                    return JSONATA;
                }
                if (value != null) {
                    made.put(name, value);
                }
            }
            return made;
        }
    }

    /** {@code true} or {@code false}. */
    static final class Flag extends Shortcut {
        private final Boolean value;

        Flag(boolean value) {
            this.value = value;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            return value;
        }
    }

    /**
     * JSONata's own text functions, as JSONata computes them: nothing in, nothing out. An argument
     * that is not a text (a number, JSON's null) is JSONata's to refuse or convert.
     */
    enum Builtin {
        LOWERCASE("lowercase", 1), UPPERCASE("uppercase", 1), SUBSTRING_BEFORE("substringBefore", 2),
        SUBSTRING_AFTER("substringAfter", 2), REPLACE("replace", 3), JOIN("join", 2);

        final String name;
        final int arity;

        Builtin(String name, int arity) {
            this.name = name;
            this.arity = arity;
        }

        static Builtin named(String name) {
            for (Builtin builtin : values()) {
                if (builtin.name.equals(name)) {
                    return builtin;
                }
            }
            return null;
        }

        Object apply(List<Object> args) {
            return this == JOIN ? join(args.get(0), args.get(1)) : onTexts(args);
        }

        private Object onTexts(List<Object> args) {
            for (Object arg : args) {
                if (arg != null && !(arg instanceof String)) {
                    return JSONATA;
                }
            }
            String text = (String) args.get(0);
            if (text == null) {
                return null;
            }
            return switch (this) {
                case LOWERCASE -> text.toLowerCase();
                case UPPERCASE -> text.toUpperCase();
                case SUBSTRING_BEFORE -> args.get(1) == null ? text : before(text, (String) args.get(1));
                case SUBSTRING_AFTER -> args.get(1) == null ? JSONATA : after(text, (String) args.get(1));
                case REPLACE -> args.get(1) == null || args.get(2) == null || ((String) args.get(1)).isEmpty() ? JSONATA
                        : text.replace((String) args.get(1), (String) args.get(2));
                default -> JSONATA;
            };
        }

        /** {@code $join(texts, separator)}: a list of texts (or one text) joined; nothing for nothing. */
        private static Object join(Object texts, Object separator) {
            if (texts == null) {
                return null;
            }
            if (!(separator == null || separator instanceof String) || texts == NULL) {
                return JSONATA;
            }
            List<?> all = texts instanceof List<?> list ? list : List.of(texts);
            for (Object text : all) {
                if (!(text instanceof String)) {
                    return JSONATA;
                }
            }
            StringBuilder joined = new StringBuilder();
            for (int i = 0; i < all.size(); i++) {
                joined.append(i == 0 || separator == null ? "" : (String) separator).append((String) all.get(i));
            }
            return joined.toString();
        }

        private static String before(String text, String chars) {
            int at = text.indexOf(chars);
            return at < 0 ? text : text.substring(0, at);
        }

        private static String after(String text, String chars) {
            int at = text.indexOf(chars);
            return at < 0 ? text : text.substring(at + chars.length());
        }
    }

    /** A call of one of JSONata's text functions. */
    static final class BuiltinCall extends Shortcut {
        private final Builtin builtin;
        private final List<Shortcut> args;

        BuiltinCall(Builtin builtin, List<Shortcut> args) {
            this.builtin = builtin;
            this.args = args;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            List<Object> values = new ArrayList<>(args.size());
            for (Shortcut arg : args) {
                Object value = arg.evaluate(input, variables);
                if (value == JSONATA) {
                    return JSONATA;
                }
                values.add(value);
            }
            return builtin.apply(values);
        }
    }

    /** {@code [a, b]}: the values that are something, in order, always a list. */
    static final class ListOf extends Shortcut {
        private final List<Shortcut> items;

        ListOf(List<Shortcut> items) {
            this.items = items;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            List<Object> values = new ArrayList<>(items.size());
            for (Shortcut item : items) {
                Object value = item.evaluate(input, variables);
                if (value == JSONATA || value == NULL || value instanceof List<?> || value instanceof Map<?, ?>) {
                    return JSONATA; // lists are spliced in, and JSON's null kept, by JSONata's rules
                }
                if (value != null) {
                    values.add(value);
                }
            }
            return values;
        }
    }

    /** {@code a in [b, c]}: whether a equals one of them; false when either side is nothing. */
    static final class In extends Shortcut {
        private final Shortcut value;
        private final ListOf among;

        In(Shortcut value, ListOf among) {
            this.value = value;
            this.among = among;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object found = value.evaluate(input, variables);
            Object list = among.evaluate(input, variables);
            if (found == JSONATA || list == JSONATA) {
                return JSONATA;
            }
            if (found == null) {
                return false;
            }
            for (Object candidate : (List<?>) list) {
                if (Compare.equal(found, candidate)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** {@code a = b} or {@code a != b}: false when either side is nothing, numbers compared as numbers. */
    static final class Compare extends Shortcut {
        private final Shortcut left;
        private final Shortcut right;
        private final boolean equal;

        Compare(Shortcut left, Shortcut right, boolean equal) {
            this.left = left;
            this.right = right;
            this.equal = equal;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object l = left.evaluate(input, variables);
            Object r = right.evaluate(input, variables);
            if (l == JSONATA || r == JSONATA) {
                return JSONATA;
            }
            if (l == null || r == null) {
                return false;
            }
            return equal(l, r) == equal;
        }

        /** JSONata's equality of two values that are something. */
        static boolean equal(Object l, Object r) {
            l = l instanceof Number number ? (Object) number.doubleValue() : l;
            r = r instanceof Number number ? (Object) number.doubleValue() : r;
            return l.equals(r);
        }
    }

    /** {@code condition ? then : otherwise} ({@code otherwise} may be absent: nothing), the condition true as JSONata finds values true. */
    static final class Condition extends Shortcut {
        private final Shortcut condition;
        private final Shortcut then;
        private final Shortcut otherwise;

        Condition(Shortcut condition, Shortcut then, Shortcut otherwise) {
            this.condition = condition;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object value = condition.evaluate(input, variables);
            if (value == JSONATA) {
                return JSONATA;
            }
            if (com.dashjoin.jsonata.Jsonata.boolize(value)) {
                return then.evaluate(input, variables);
            }
            return otherwise == null ? null : otherwise.evaluate(input, variables);
        }
    }

    /**
     * {@code path[filter].{'key': value, ...}} (either part may be absent): the objects of a list
     * (or one object) at {@code path}, those the filter keeps, each made into the object
     * described, evaluated with that item as the input. As JSONata answers: nothing for none, the
     * object itself for one, a list for more. Keys whose value is nothing are left out.
     */
    static final class Each extends Shortcut {
        private final Path path;
        private final Shortcut filter;
        private final Obj object;

        Each(Path path, Shortcut filter, Obj object) {
            this.path = path;
            this.filter = filter;
            this.object = object;
        }

        @Override
        Object evaluate(Object input, Map<String, Object> variables) {
            Object found = path.walk(input, variables);
            if (found == JSONATA || found == null || found == NULL) {
                return found == NULL ? JSONATA : found;
            }
            List<?> items = found instanceof List<?> list ? list : List.of(found);
            List<Object> kept = new ArrayList<>();
            for (Object item : items) {
                if (!(item instanceof Map<?, ?>)) {
                    return JSONATA; // texts, numbers or nested lists follow JSONata's sequence rules
                }
                if (filter != null) {
                    Object keep = filter.evaluate(item, variables);
                    if (!(keep instanceof Boolean flag)) {
                        return JSONATA; // a number picks by position
                    }
                    if (!flag) {
                        continue;
                    }
                }
                if (object == null) {
                    kept.add(item);
                    continue;
                }
                Object made = object.evaluate(item, variables);
                if (made == JSONATA) {
                    return JSONATA;
                }
                kept.add(made);
            }
            return kept.isEmpty() ? null : kept.size() == 1 ? kept.get(0) : kept;
        }
    }

    /** A recursive descent over the shapes above; any other character ends it with null. */
    private static final class Reader {
        private final String source;
        private int at;

        Reader(String source) {
            this.source = source;
        }

        /** {@code join [(= | !=) join] [? value : value]}: JSONata's precedence, {@code &} above {@code =} above {@code ?}. */
        Shortcut value() {
            Shortcut left = join();
            if (left == null) {
                return null;
            }
            spaces();
            if (source.startsWith("in", at) && (at + 2 == source.length() || !Character.isLetterOrDigit(source.charAt(at + 2))
                    && source.charAt(at + 2) != '_')) {
                at += 2;
                spaces();
                if (!next('[')) {
                    return null;
                }
                Shortcut list = list();
                if (!(list instanceof ListOf among)) {
                    return null;
                }
                left = new In(left, among);
            } else if (source.startsWith("!=", at) || peek('=')) {
                boolean equal = peek('=');
                at += equal ? 1 : 2;
                Shortcut right = join();
                if (right == null) {
                    return null;
                }
                left = new Compare(left, right, equal);
            }
            if (next('?')) {
                Shortcut then = value();
                if (then == null) {
                    return null;
                }
                if (!next(':')) {
                    return new Condition(left, then, null); // nothing when the condition does not hold
                }
                Shortcut otherwise = value();
                return otherwise == null ? null : new Condition(left, then, otherwise);
            }
            return left;
        }

        Shortcut join() {
            List<Shortcut> parts = new ArrayList<>();
            Shortcut part = term();
            if (part == null) {
                return null;
            }
            parts.add(part);
            while (next('&')) {
                part = term();
                if (part == null) {
                    return null;
                }
                parts.add(part);
            }
            return parts.size() == 1 ? parts.get(0) : new Join(List.copyOf(parts));
        }

        private Shortcut term() {
            spaces();
            if (at >= source.length()) {
                return null;
            }
            char c = source.charAt(at);
            if (c == '\'' || c == '"') {
                return text(c);
            }
            if (c == '[') {
                at++;
                return list();
            }
            if (c == '{') {
                at++;
                return object();
            }
            if (c == '(') {
                at++;
                Shortcut inner = value();
                return inner != null && next(')') ? inner : null;
            }
            if (c == '$') {
                at++;
                String name = identifier();
                if (name == null) {
                    return null;
                }
                if (next('(')) {
                    MappingFunctions.Rule rule = MappingFunctions.RULES.get(name);
                    if (rule != null) {
                        Shortcut call = call(rule);
                        if (call == null || !peek('.')) {
                            return call;
                        }
                        Shortcut path = path(null, new ArrayList<>());
                        return path instanceof Path names ? new After(call, names) : null;
                    }
                    Builtin builtin = Builtin.named(name);
                    List<Shortcut> args = builtin == null ? null : arguments();
                    return args == null || args.size() != builtin.arity ? null : new BuiltinCall(builtin, args);
                }
                return Expression.VARIABLES.contains(name) ? path(name, new ArrayList<>()) : null;
            }
            String first = name();
            if ("true".equals(first) || "false".equals(first)) {
                return source.charAt(at - 1) == '`' ? path(null, new ArrayList<>(List.of(first))) : new Flag(first.equals("true"));
            }
            if (first == null || RESERVED.contains(first)) {
                return null;
            }
            List<String> names = new ArrayList<>();
            names.add(first);
            Shortcut path = path(null, names);
            if (!(path instanceof Path found) || !(peek('[') || source.startsWith(".{", at))) {
                return path;
            }
            Shortcut filter = null;
            if (next('[')) {
                filter = value();
                if (!(filter instanceof Compare || filter instanceof In) || !next(']')) {
                    return null; // only a comparison keeps items; anything else is JSONata's
                }
            }
            Obj object = null;
            if (source.startsWith(".{", at)) {
                at += 2;
                object = object();
                if (object == null) {
                    return null;
                }
            }
            return new Each(found, filter, object);
        }

        /** {@code key: value, ...}, then the closing brace. */
        private Obj object() {
            List<Map.Entry<Shortcut, Shortcut>> fields = new ArrayList<>();
            if (next('}')) {
                return new Obj(List.of());
            }
            do {
                Shortcut key = value();
                if (key == null || !next(':')) {
                    return null;
                }
                Shortcut value = value();
                if (value == null) {
                    return null;
                }
                fields.add(Map.entry(key, value));
            } while (next(','));
            return next('}') ? new Obj(List.copyOf(fields)) : null;
        }

        private Shortcut call(MappingFunctions.Rule rule) {
            List<Shortcut> args = arguments();
            return args == null ? null : new Call(rule, args);
        }

        /** The arguments after {@code (}, and the closing {@code )}; null when one is not a shortcut. */
        private List<Shortcut> arguments() {
            return items(')');
        }

        /** The items after {@code [}, and the closing {@code ]}. */
        private Shortcut list() {
            List<Shortcut> items = items(']');
            return items == null ? null : new ListOf(items);
        }

        private List<Shortcut> items(char close) {
            List<Shortcut> items = new ArrayList<>();
            if (next(close)) {
                return List.of();
            }
            do {
                Shortcut item = value();
                if (item == null) {
                    return null;
                }
                items.add(item);
            } while (next(','));
            return next(close) ? List.copyOf(items) : null;
        }

        /** A path from the body ({@code variable} null) or from a variable, {@code names} read so far, up to where the names end. */
        private Shortcut path(String variable, List<String> names) {
            while (peek('.') && !source.startsWith(".{", at)) {
                at++;
                String name = name();
                if (name == null || RESERVED.contains(name)) {
                    return null;
                }
                names.add(name);
            }
            return new Path(variable, names);
        }

        /** A field name, plain or in backquotes ({@code `x-hook-event-id`}). */
        private String name() {
            if (peek('`')) {
                int end = source.indexOf('`', at + 1);
                if (end < 0) {
                    return null;
                }
                String name = source.substring(at + 1, end);
                at = end + 1;
                return name;
            }
            return identifier();
        }

        private String identifier() {
            int start = at;
            while (at < source.length() && (Character.isLetterOrDigit(source.charAt(at)) || source.charAt(at) == '_')
                    && source.charAt(at) < 128) {
                at++;
            }
            if (at == start || Character.isDigit(source.charAt(start))) {
                at = start;
                return null;
            }
            return source.substring(start, at);
        }

        /** A quoted text, with JSON's escapes as JSONata reads them ({@code \\n}, {@code \\u00e9}...). */
        private Shortcut text(char quote) {
            StringBuilder text = new StringBuilder();
            int i = at + 1;
            while (i < source.length()) {
                char c = source.charAt(i);
                if (c == quote) {
                    at = i + 1;
                    return new Text(text.toString());
                }
                if (c == '\\') {
                    if (++i >= source.length()) {
                        return null;
                    }
                    char escaped = source.charAt(i);
                    int simple = "\"\\/bfnrt".indexOf(escaped);
                    if (simple >= 0) {
                        text.append("\"\\/\b\f\n\r\t".charAt(simple));
                    } else if (escaped == 'u' && i + 5 < source.length()
                            && source.substring(i + 1, i + 5).chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                        text.append((char) Integer.parseInt(source.substring(i + 1, i + 5), 16));
                        i += 4;
                    } else {
                        return null; // JSONata refuses any other escape
                    }
                } else {
                    text.append(c);
                }
                i++;
            }
            return null;
        }

        /** Skips spaces, then takes {@code c} if it is next. */
        private boolean next(char c) {
            spaces();
            if (peek(c)) {
                at++;
                return true;
            }
            return false;
        }

        private boolean peek(char c) {
            return at < source.length() && source.charAt(at) == c;
        }

        void spaces() {
            while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
                at++;
            }
        }
    }
}
