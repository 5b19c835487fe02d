package dev.ponte.mapping;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * RD knows four payment methods. Vendors name gateways and methods freely, so Ponte decides once
 * for all of them: boleto → Invoice; debit → Debit Card; cards and card gateways → Credit Card;
 * Pix, cash on delivery, bank transfer and anything unrecognised → Others (RD has no Pix option,
 * and guessing a card would mislead an automation).
 */
public final class PaymentMethods {

    public static final String CREDIT_CARD = "Credit Card";
    public static final String DEBIT_CARD = "Debit Card";
    public static final String INVOICE = "Invoice";
    public static final String OTHERS = "Others";

    private static final List<String> CARD_WORDS = List.of("credit", "credito", "card", "cartao", "visa", "master",
            "amex", "american express", "elo", "hipercard", "diners", "discover", "stripe", "shopify_payments",
            "shopify payments", "bogus", "pagarme_credit", "cielo", "rede", "stone", "getnet");

    private PaymentMethods() {
    }

    /** The RD option for the first method that says something; {@code Others} when none does. */
    public static String of(List<String> methods) {
        String others = null;
        for (String method : methods) {
            String option = classify(method);
            if (option != null && !option.equals(OTHERS)) {
                return option;
            }
            others = option == null ? others : option;
        }
        return OTHERS;
    }

    /** Vendors often leave one of these out: nulls are allowed and mean "not said". */
    public static String of(String... methods) {
        return of(Arrays.asList(methods));
    }

    private static String classify(String method) {
        if (method == null || method.isBlank()) {
            return null;
        }
        String m = Normalizer.normalize(method, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        if (m.contains("boleto") || m.contains("bank_slip") || m.contains("bankslip") || m.contains("ticket")
                || m.contains("bankinvoice")) {
            return INVOICE;
        }
        if (m.contains("pix")) {
            return OTHERS;
        }
        if (m.contains("debit") || m.contains("debito")) {
            return DEBIT_CARD;
        }
        return CARD_WORDS.stream().anyMatch(m::contains) ? CREDIT_CARD : OTHERS;
    }
}
