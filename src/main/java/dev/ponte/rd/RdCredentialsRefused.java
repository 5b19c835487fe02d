package dev.ponte.rd;

/** RD will not accept Ponte's credentials; only the operator can fix that. */
public class RdCredentialsRefused extends RuntimeException {

    public RdCredentialsRefused(String message) {
        super(message, null, false, false);
    }
}
