package dev.ponte.rd.validation;

/** One payload field of an RD event type: its JSON name, its kind, and whether RD requires it. */
record Field(String name, FieldType type, boolean required) {

    static Field required(String name, FieldType type) {
        return new Field(name, type, true);
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, false);
    }

    static Field required(String name) {
        return required(name, FieldType.STRING);
    }

    static Field optional(String name) {
        return optional(name, FieldType.STRING);
    }
}
