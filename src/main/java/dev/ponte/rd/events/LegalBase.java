package dev.ponte.rd.events;

/**
 * One LGPD legal basis. {@code status} may be absent for data_processing (and then only
 * {@code granted} is accepted); for communications it is {@code granted} or {@code declined}.
 */
public record LegalBase(String category, String type, String status) {

    public static LegalBase dataProcessing(String type) {
        return new LegalBase("data_processing", type, null);
    }

    public static LegalBase communications(String type, String status) {
        return new LegalBase("communications", type, status);
    }
}
