package dev.ponte.rd.validation;

/**
 * One payload field of an RD event type: its JSON name, its kind, whether RD requires it, and for
 * strings the most characters RD takes (0: no published limit).
 */
record Field(String name, FieldType type, boolean required, int maxLength) {

    static Field required(String name, FieldType type) {
        return new Field(name, type, true, 0);
    }

    static Field optional(String name, FieldType type) {
        return new Field(name, type, false, 0);
    }

    static Field required(String name) {
        return required(name, FieldType.STRING);
    }

    static Field optional(String name) {
        return optional(name, FieldType.STRING);
    }

    Field atMost(int characters) {
        return new Field(name, type, required, characters);
    }
}
