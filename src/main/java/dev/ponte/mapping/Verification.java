package dev.ponte.mapping;

/** The outcome of checking a webhook's signature or token. */
public record Verification(boolean genuine, String problem) {

    public static final Verification GENUINE = new Verification(true, null);

    public static Verification refused(String problem) {
        return new Verification(false, problem);
    }
}
