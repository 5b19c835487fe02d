package dev.ponte.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/** Contact details as logs and the console show them: enough to recognise, not enough to harvest. */
public final class Masking {

    /** The payload fields of RD events that identify a person. */
    private static final List<String> EMAILS = List.of("email");
    private static final List<String> PHONES = List.of("personal_phone", "mobile_phone", "phone");

    private Masking() {
    }

    /** {@code maria.silva@example.com} → {@code m***@e***.com}. */
    public static String email(String email) {
        if (email == null) {
            return null;
        }
        int at = email.indexOf('@');
        if (at < 1) {
            return "***";
        }
        String domain = email.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return email.charAt(0) + "***@" + (host.isEmpty() ? "" : host.charAt(0) + "***") + tld;
    }

    /** {@code +5511912341234} → {@code +55*******1234}: country code and last four digits. */
    public static String phone(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.length() <= 4) {
            return "***";
        }
        String country = phone.startsWith("+") && digits.length() > 8 ? "+" + digits.substring(0, 2) : "";
        int hidden = digits.length() - 4 - (country.isEmpty() ? 0 : 2);
        return country + "*".repeat(Math.max(hidden, 0)) + digits.substring(digits.length() - 4);
    }

    /** A copy of RD events (an array) with each payload's email and phone numbers masked. */
    public static JsonNode events(JsonNode events) {
        JsonNode copy = events.deepCopy();
        copy.forEach(event -> {
            if (event.path("payload") instanceof ObjectNode payload) {
                EMAILS.forEach(name -> {
                    if (payload.path(name).isTextual()) {
                        payload.put(name, email(payload.get(name).asText()));
                    }
                });
                PHONES.forEach(name -> {
                    if (payload.path(name).isTextual()) {
                        payload.put(name, phone(payload.get(name).asText()));
                    }
                });
            }
        });
        return copy;
    }
}
