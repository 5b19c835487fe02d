package dev.ponte.delivery;

import java.util.Map;
import java.util.Optional;

/**
 * What the platform Ponte runs on does to a process, read from the variables each platform sets.
 * Two things matter to delivery: whether the local disk outlives the instance (Lambda's, Cloud
 * Run's and Fly's do not), and whether the process is frozen as soon as it has answered
 * (Lambda), so that nothing can run on after the answer.
 */
public record Platform(Map<String, String> env) {

    public static Platform current() {
        return new Platform(System.getenv());
    }

    /** The platform whose disk is lost with the instance, with the variable that told, if any. */
    public Optional<String> ephemeralDisk() {
        if (env.containsKey("AWS_LAMBDA_FUNCTION_NAME")) {
            return Optional.of("AWS Lambda (AWS_LAMBDA_FUNCTION_NAME is set)");
        }
        if (env.containsKey("K_SERVICE")) {
            return Optional.of("Cloud Run or Knative (K_SERVICE is set)");
        }
        if (env.containsKey("FLY_APP_NAME")) {
            return Optional.of("Fly (FLY_APP_NAME is set)");
        }
        if (env.containsKey("FUNCTIONS_CUSTOMHANDLER_PORT")) {
            return Optional.of("Azure Functions (FUNCTIONS_CUSTOMHANDLER_PORT is set)");
        }
        return Optional.empty();
    }

    /**
     * AWS Lambda: it freezes the process once the invocation is answered (a request to RD cannot
     * run on after it), and its instances share no disk, not even through a volume.
     */
    public boolean lambda() {
        return env.containsKey("AWS_LAMBDA_FUNCTION_NAME");
    }
}
