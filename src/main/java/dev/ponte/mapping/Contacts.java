package dev.ponte.mapping;

import dev.ponte.rd.validation.EventValidator;
import java.util.Locale;

/** Who an event is about, cleaned the same way for every vendor. */
public final class Contacts {

    private Contacts() {
    }

    /** The first of {@code candidates} that is a usable email, trimmed and lower-cased; null if none. */
    public static String email(String... candidates) {
        for (String candidate : candidates) {
            if (candidate != null) {
                String email = candidate.trim().toLowerCase(Locale.ROOT);
                if (!email.isEmpty() && EventValidator.isEmail(email)) {
                    return email;
                }
            }
        }
        return null;
    }

    /**
     * A phone number in E.164. Numbers written with a country code keep it; Brazilian numbers
     * written without one (10 or 11 digits: area code and number) get +55. Anything else is not
     * recognisably a phone number and gives null rather than a wrong one.
     */
    public static String phone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String trimmed = raw.trim();
        if (trimmed.chars().anyMatch(Character::isLetter)) {
            return null;
        }
        String digits = trimmed.replaceAll("\\D", "");
        if (trimmed.startsWith("+") || trimmed.startsWith("00")) {
            String international = trimmed.startsWith("00") ? digits.substring(2) : digits;
            return international.length() >= 8 && international.length() <= 15 ? "+" + international : null;
        }
        if (digits.startsWith("0")) {
            digits = digits.substring(1); // trunk prefix: (011) 91234-5678
        }
        if (digits.length() == 10 || digits.length() == 11) {
            return "+55" + digits;
        }
        if (digits.startsWith("55") && (digits.length() == 12 || digits.length() == 13)) {
            return "+" + digits;
        }
        return null;
    }

    /** "Maria" + "Silva" → "Maria Silva"; either may be missing. */
    public static String name(String first, String last) {
        String joined = ((first == null ? "" : first.trim()) + " " + (last == null ? "" : last.trim())).trim();
        return joined.isEmpty() ? null : joined;
    }
}
