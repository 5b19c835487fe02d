package dev.ponte.webhook;

import io.quarkus.arc.ClientProxy;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * What the edge needs to answer a request whose receipts come later: a webhook waiting for a call
 * to RD it shares with others holds no thread (see {@code SharedCalls}), so its answer is made on
 * whichever thread hears RD's.
 */
final class LaterAnswers {

    private LaterAnswers() {
    }

    /**
     * The request's log entry itself rather than its proxy, taken on the request's thread: the
     * answer may be made on a thread where the request's context is not active.
     */
    static EdgeLogEntry entryOf(EdgeLogEntry proxy) {
        return ClientProxy.unwrap(proxy);
    }

    /**
     * The answer as the server should see it: a refusal thrown while answering reaches the
     * exception mappers as itself, as it would from the resource method, not wrapped in the
     * stage's {@link CompletionException}.
     */
    static CompletionStage<Response> unwrapped(CompletionStage<Response> answer) {
        CompletableFuture<Response> unwrapped = new CompletableFuture<>();
        answer.whenComplete((response, failure) -> {
            if (failure == null) {
                unwrapped.complete(response);
            } else {
                unwrapped.completeExceptionally(failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure);
            }
        });
        return unwrapped;
    }
}
