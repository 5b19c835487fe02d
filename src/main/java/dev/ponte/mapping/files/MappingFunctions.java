package dev.ponte.mapping.files;

import com.dashjoin.jsonata.Jsonata;
import dev.ponte.mapping.ChatText;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.MalformedPayload;
import dev.ponte.mapping.PaymentMethods;
import dev.ponte.mapping.VendorValues;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The shared rules a mapping file calls by name instead of re-implementing them, the same code
 * the Java mappers use: {@code $email(a, b, ...)} the first usable email, lower-cased;
 * {@code $phone(x)} E.164 (Brazilian numbers without a country code get +55);
 * {@code $name(first, last)}; {@code $cents(n)} an amount in cents as major units, exactly;
 * {@code $paymentMethod(x)} one of RD's four options; {@code $minor(amount, currency)} an amount in
 * the currency's minor unit as major units; {@code $subject(text, fallback)} a chat subject on one
 * line; {@code $transcript(lines)} a chat transcript from {@code {at, who, text}} objects;
 * {@code $text(a, b, ...)} the first that says something, stripped; {@code $answers(form_response)} a
 * form's answers by question reference.
 */
final class MappingFunctions {

    private MappingFunctions() {
    }

    /** One rule: how many arguments it takes (-1: any number) and what it does with them. */
    record Rule(int arity, java.util.function.Function<List<Object>, Object> body) {
        Object apply(List<Object> args) {
            if (arity < 0 || args.size() == arity) {
                return body.apply(args);
            }
            List<Object> padded = new java.util.ArrayList<>(args);
            while (padded.size() < arity) {
                padded.add(null);
            }
            return body.apply(padded.subList(0, arity));
        }
    }

    static final Map<String, Rule> RULES = Map.ofEntries(
            Map.entry("email", new Rule(-1, args -> Contacts.email(texts(args)))),
            Map.entry("phone", new Rule(1, args -> absent(args.get(0)) ? null : Contacts.phone(String.valueOf(args.get(0))))),
            Map.entry("name", new Rule(2, args -> Contacts.name(text(args.get(0)), text(args.get(1))))),
            Map.entry("cents", new Rule(1, args -> absent(args.get(0)) ? null : amount(args.get(0)).movePointLeft(2))),
            Map.entry("paymentMethod", new Rule(1, args -> PaymentMethods.of(text(args.get(0))))),
            Map.entry("text", new Rule(-1, args -> VendorValues.first(texts(args)))),
            Map.entry("answers", new Rule(1, args -> answers(args.get(0)))),
            Map.entry("minor", new Rule(2, args -> minor(args.get(0), args.get(1)))),
            Map.entry("subject", new Rule(2, args -> ChatText.subject(text(args.get(1)), text(args.get(0))))),
            Map.entry("transcript", new Rule(1, args -> transcript(args.get(0)))));

    static Jsonata register(Jsonata expression) {
        RULES.forEach((name, rule) -> {
            switch (rule.arity()) {
                case 1 -> expression.registerFunction(name, (Jsonata.Fn1<Object, Object>) a -> rule.apply(java.util.Collections.singletonList(a)));
                case 2 -> expression.registerFunction(name, (Jsonata.Fn2<Object, Object, Object>) (a, b) ->
                        rule.apply(java.util.Arrays.asList(a, b)));
                default -> expression.registerFunction(name, Jsonata.function(name,
                        (Jsonata.FnVarArgs<Object>) args -> rule.apply(new java.util.ArrayList<>(args)), null));
            }
        });
        return expression;
    }

    private static String[] texts(List<?> args) {
        return args.stream().map(MappingFunctions::text).toArray(String[]::new);
    }

    /** An amount in the currency's minor unit (Stripe's 1999 USD, 500 JPY) as major units: 19.99, 500. */
    static BigDecimal minor(Object amount, Object currency) {
        if (absent(amount)) {
            return null;
        }
        int digits = 2;
        if (!absent(currency)) {
            try {
                digits = Math.max(0, Currency.getInstance(String.valueOf(currency).trim().toUpperCase(Locale.ROOT))
                        .getDefaultFractionDigits());
            } catch (IllegalArgumentException unknown) {
                throw new MalformedPayload("Not a currency: " + String.valueOf(currency).substring(0,
                        Math.min(String.valueOf(currency).length(), 20)));
            }
        }
        return amount(amount).movePointLeft(digits);
    }

    private static BigDecimal amount(Object value) {
        try {
            return new BigDecimal(String.valueOf(value).trim());
        } catch (NumberFormatException e) {
            String text = String.valueOf(value);
            throw new MalformedPayload("Not an amount: " + text.substring(0, Math.min(text.length(), 40)));
        }
    }

    /**
     * A form response's answers by question reference (Typeform's {@code form_response}): each
     * answer's value by its type (text, email, phone number, number, boolean, date, URL, a choice's
     * label, several choices' labels joined with commas), keyed by the answer's {@code field.ref},
     * else the reference its question has in {@code definition.fields}, else the question's id.
     */
    static Map<String, Object> answers(Object response) {
        Map<String, Object> byRef = new java.util.LinkedHashMap<>();
        if (!(response instanceof Map<?, ?> form) || !(form.get("answers") instanceof List<?> answers)) {
            return byRef;
        }
        Map<Object, Object> refs = new java.util.HashMap<>();
        if (form.get("definition") instanceof Map<?, ?> definition && definition.get("fields") instanceof List<?> fields) {
            for (Object field : fields) {
                if (field instanceof Map<?, ?> question && question.get("ref") != null) {
                    refs.put(question.get("id"), question.get("ref"));
                }
            }
        }
        for (Object item : answers) {
            if (!(item instanceof Map<?, ?> answer) || !(answer.get("field") instanceof Map<?, ?> field)) {
                continue;
            }
            Object ref = field.get("ref") != null ? field.get("ref") : refs.getOrDefault(field.get("id"), field.get("id"));
            Object value = answerValue(answer);
            if (ref != null && !absent(value)) {
                byRef.put(String.valueOf(ref), value);
            }
        }
        return byRef;
    }

    private static Object answerValue(Map<?, ?> answer) {
        String type = text(answer.get("type"));
        if (type == null) {
            return null;
        }
        Object value = answer.get(type);
        if (value instanceof Map<?, ?> choice) {
            if (choice.get("labels") instanceof List<?> labels) {
                List<String> all = new java.util.ArrayList<>();
                labels.forEach(label -> all.add(String.valueOf(label)));
                if (text(choice.get("other")) != null) {
                    all.add(text(choice.get("other")));
                }
                return String.join(", ", all);
            }
            return text(choice.get("label")) != null ? text(choice.get("label")) : text(choice.get("other"));
        }
        return value;
    }

    /** {@code cf_chat_transcript_message} from a list of {@code {at, who, text}}, as every chat vendor writes it. */
    static String transcript(Object lines) {
        ChatText.Transcript transcript = new ChatText.Transcript();
        List<?> list = lines == null ? List.of() : lines instanceof List<?> many ? many : List.of(lines);
        for (Object line : list) {
            if (line instanceof Map<?, ?> message) {
                transcript.add(text(message.get("at")), String.valueOf(message.get("who")), text(message.get("text")));
            }
        }
        return transcript.toString();
    }

    /** JSON's null arrives as JSONata's own marker; to every rule it is nothing. */
    private static String text(Object value) {
        return absent(value) ? null : String.valueOf(value);
    }

    private static boolean absent(Object value) {
        return value == null || value == Jsonata.NULL_VALUE;
    }
}
