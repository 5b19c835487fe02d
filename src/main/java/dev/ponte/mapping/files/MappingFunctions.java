package dev.ponte.mapping.files;

import com.dashjoin.jsonata.Jsonata;
import dev.ponte.mapping.Contacts;
import dev.ponte.mapping.PaymentMethods;
import java.math.BigDecimal;

/**
 * The shared rules a mapping file calls by name instead of re-implementing them, the same code
 * the Java mappers use: {@code $email(a, b, ...)} the first usable email, lower-cased;
 * {@code $phone(x)} E.164 (Brazilian numbers without a country code get +55);
 * {@code $name(first, last)}; {@code $cents(n)} an amount in cents as major units, exactly;
 * {@code $paymentMethod(x)} one of RD's four options.
 */
final class MappingFunctions {

    private MappingFunctions() {
    }

    static Jsonata register(Jsonata expression) {
        expression.registerFunction("email", Jsonata.function("email", (Jsonata.FnVarArgs<String>) args ->
                Contacts.email(args.stream().map(MappingFunctions::text).toArray(String[]::new)), null));
        expression.registerFunction("phone", (Jsonata.Fn1<Object, String>) raw -> raw == null ? null
                : Contacts.phone(String.valueOf(raw)));
        expression.registerFunction("name", (Jsonata.Fn2<Object, Object, String>) (first, last) ->
                Contacts.name(text(first), text(last)));
        expression.registerFunction("cents", (Jsonata.Fn1<Object, BigDecimal>) cents -> cents == null ? null
                : new BigDecimal(String.valueOf(cents)).movePointLeft(2));
        expression.registerFunction("paymentMethod", (Jsonata.Fn1<Object, String>) method -> PaymentMethods.of(text(method)));
        return expression;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
