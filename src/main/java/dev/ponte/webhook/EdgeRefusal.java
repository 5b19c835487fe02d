package dev.ponte.webhook;

import dev.ponte.rd.RdError;
import dev.ponte.rd.RdErrors;
import java.util.List;

/** A request the edge answers with an error in RD's shape and sends nothing for. */
public class EdgeRefusal extends RuntimeException {

    private final int status;
    private final RdErrors errors;

    public EdgeRefusal(int status, RdErrors errors) {
        super(errors.errors().isEmpty() ? "refused" : errors.errors().get(0).errorMessage(), null, false, false);
        this.status = status;
        this.errors = errors;
    }

    public static EdgeRefusal of(int status, String type, String message) {
        return new EdgeRefusal(status, RdErrors.of(type, message));
    }

    public static EdgeRefusal invalid(List<RdError> errors) {
        return new EdgeRefusal(400, new RdErrors(errors));
    }

    public int status() {
        return status;
    }

    public RdErrors errors() {
        return errors;
    }
}
