package dev.ponte.rd.validation;

/** The value kinds RD's event documentation uses, plus the few formats it states in prose. */
enum FieldType {
    STRING("a string"),
    EMAIL("an email address"),
    /** Every integer of RD's events is a count, a duration or a percentage. */
    INTEGER("a whole number from 0 to 2147483647"),
    /** Every decimal of RD's events is an amount of money. */
    FLOAT("an amount from 0 to 999999999999.99"),
    BOOLEAN("true or false"),
    TIMESTAMP("an RFC 3339 date-time, such as 2019-03-15T15:00:00.05Z"),
    STRING_LIST("an array of strings"),
    LEGAL_BASES("an array of legal bases"),
    PAYMENT_METHOD("one of the valid options"),
    /** The ECOMMERCE_* family's counts of a cart's or checkout's items. */
    COUNT_FROM_ONE("a whole number from 1 to 2147483647"),
    CURRENCY("one of the valid options"),
    URL("an http:// or https:// URL"),
    LINE_ITEMS("an array of at most " + EventSchemas.MAX_LINE_ITEMS + " line items"),
    PAYMENT_METHODS("an array of at most " + EventSchemas.MAX_PAYMENT_METHODS + " non-empty strings"),
    CATEGORIES("an array of at most " + EventSchemas.MAX_CATEGORIES + " strings"),
    CANCEL_REASON("one of the valid options"),
    /** The ECOMMERCE_* family takes legal bases of the communications category only. */
    COMMUNICATIONS_LEGAL_BASES("an array of legal bases of the communications category");

    final String expected;

    FieldType(String expected) {
        this.expected = expected;
    }
}
