package dev.ponte.rd.validation;

/** The value kinds RD's event documentation uses, plus the few formats it states in prose. */
enum FieldType {
    STRING("a string"),
    EMAIL("an email address"),
    INTEGER("an integer"),
    FLOAT("a number"),
    BOOLEAN("true or false"),
    TIMESTAMP("an RFC 3339 date-time, such as 2019-03-15T15:00:00.05Z"),
    STRING_LIST("an array of strings"),
    LEGAL_BASES("an array of legal bases"),
    PAYMENT_METHOD("one of the valid options");

    final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }
}
