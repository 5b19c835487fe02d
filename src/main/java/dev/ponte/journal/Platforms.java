package dev.ponte.journal;

/** What Ponte can tell about where it runs. */
public final class Platforms {

    private Platforms() {
    }

    /** AWS Lambda's runtime names the function in the environment of every function it starts. */
    public static boolean onLambda() {
        String function = System.getenv("AWS_LAMBDA_FUNCTION_NAME");
        return function != null && !function.isBlank();
    }
}
