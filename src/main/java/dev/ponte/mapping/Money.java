package dev.ponte.mapping;

import java.math.BigDecimal;

/** Amounts as vendors send them (strings like "1575.90", or numbers) → RD's Float, kept exact. */
public final class Money {

    private Money() {
    }

    public static BigDecimal of(String amount) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(amount.trim());
        } catch (NumberFormatException e) {
            throw new MalformedPayload("Not an amount: " + amount);
        }
    }

    /** Amounts in cents, as VTEX sends them: 1160 → 11.60. */
    public static BigDecimal cents(Long cents) {
        return cents == null ? null : BigDecimal.valueOf(cents, 2);
    }

    public static BigDecimal of(Number amount) {
        return amount == null ? null : new BigDecimal(amount.toString());
    }
}
