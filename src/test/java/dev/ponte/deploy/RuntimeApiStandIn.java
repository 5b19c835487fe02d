package dev.ponte.deploy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Lambda Runtime API, as a function process sees it through {@code AWS_LAMBDA_RUNTIME_API}:
 * the runtime long-polls {@code invocation/next}, then posts the answer or the error for that
 * request id. {@link #invoke} hands it one event and waits for the answer.
 */
final class RuntimeApiStandIn implements AutoCloseable {

    private static final String PREFIX = "/2018-06-01/runtime/";

    private final HttpServer server;
    private final BlockingQueue<Invocation> pending = new LinkedBlockingQueue<>();
    private final Map<String, CompletableFuture<String>> answers = new ConcurrentHashMap<>();
    private final CompletableFuture<String> initError = new CompletableFuture<>();

    private record Invocation(String requestId, String event) {
    }

    RuntimeApiStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "runtime-api");
            thread.setDaemon(true);
            return thread;
        }));
        server.createContext(PREFIX, this::handle);
        server.start();
    }

    /** The value for {@code AWS_LAMBDA_RUNTIME_API}. */
    String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** Delivers the event to the function and returns what it answered. */
    String invoke(String event, Duration timeout) throws Exception {
        String requestId = UUID.randomUUID().toString();
        CompletableFuture<String> answer = new CompletableFuture<>();
        answers.put(requestId, answer);
        pending.add(new Invocation(requestId, event));
        return CompletableFuture.anyOf(answer, initError.thenApply(error -> {
            throw new IllegalStateException("the function failed to start: " + error);
        })).thenApply(String.class::cast).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The process is gone: whoever waits for an answer hears so now. */
    void abandon() {
        answers.values().forEach(answer -> answer.completeExceptionally(new IllegalStateException("the function is gone")));
        pending.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath().substring(PREFIX.length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (path.equals("invocation/next")) {
                next(exchange);
            } else if (path.equals("init/error")) {
                initError.complete(body);
                respond(exchange, 202, "{}");
            } else if (path.startsWith("invocation/") && path.endsWith("/response")) {
                answers.get(requestId(path)).complete(body);
                answers.remove(requestId(path));
                respond(exchange, 202, "{}");
            } else if (path.startsWith("invocation/") && path.endsWith("/error")) {
                answers.get(requestId(path)).completeExceptionally(new IllegalStateException("the function failed: " + body));
                respond(exchange, 202, "{}");
            } else {
                respond(exchange, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.close();
        }
    }

    private void next(HttpExchange exchange) throws IOException, InterruptedException {
        Invocation invocation;
        do {
            invocation = pending.poll(1, TimeUnit.SECONDS);
        } while (invocation == null && !initError.isDone());
        if (invocation == null) {
            exchange.close();
            return;
        }
        var headers = exchange.getResponseHeaders();
        headers.add("Lambda-Runtime-Aws-Request-Id", invocation.requestId());
        headers.add("Lambda-Runtime-Deadline-Ms", String.valueOf(System.currentTimeMillis() + 30_000));
        headers.add("Lambda-Runtime-Invoked-Function-Arn", "arn:aws:lambda:us-east-1:123456789012:function:ponte-ingress");
        headers.add("Lambda-Runtime-Trace-Id", "Root=1-00000000-000000000000000000000000;Sampled=0");
        respond(exchange, 200, invocation.event());
    }

    private static String requestId(String path) {
        return path.split("/")[1];
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
