package dev.ponte.mapping;

/** The body is not what the vendor documents for this topic: answered 400, with this message. */
public class MalformedPayload extends RuntimeException {

    private final String path;

    public MalformedPayload(String message, String path) {
        super(message, null, false, false);
        this.path = path;
    }

    public MalformedPayload(String message) {
        this(message, "$.body");
    }

    public String path() {
        return path;
    }
}
