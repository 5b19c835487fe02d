package dev.ponte.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An RD stand-in that enforces RD's rate limit as RD does: at most {@link #LIMIT} requests in any
 * 60 seconds, 429 with Retry-After beyond that, and a little latency per request. It counts
 * what it receives, so a benchmark can report requests, events per request and 429s.
 */
public final class RateLimitedRd implements QuarkusTestResourceLifecycleManager {

    static final int LIMIT = 120;
    static final long LATENCY_MS = 80;
    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong ACCEPTED_REQUESTS = new AtomicLong();
    static final AtomicLong EVENTS = new AtomicLong();
    static final AtomicLong TOO_MANY = new AtomicLong();

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Deque<Long> window = new ArrayDeque<>();
    private HttpServer server;

    static void resetCounters() {
        REQUESTS.set(0);
        ACCEPTED_REQUESTS.set(0);
        EVENTS.set(0);
        TOO_MANY.set(0);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newFixedThreadPool(16));
            server.createContext("/auth/token", exchange -> answer(exchange, 200,
                    "{\"access_token\":\"bench\",\"expires_in\":86400}"));
            server.createContext("/platform/events", this::events);
            server.start();
            return Map.of(
                    "ponte.rd.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "ponte.rd.client-id", "bench", "ponte.rd.client-secret", "bench", "ponte.rd.refresh-token", "bench",
                    "ponte.api-token", "bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void events(HttpExchange exchange) throws IOException {
        REQUESTS.incrementAndGet();
        byte[] body = exchange.getRequestBody().readAllBytes();
        long retryAfter = admit(System.currentTimeMillis());
        if (retryAfter > 0) {
            TOO_MANY.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", String.valueOf(retryAfter));
            answer(exchange, 429, "{\"errors\":{\"error_type\":\"TOO_MANY_REQUESTS\",\"error_message\":\"Rate limit exceeded\"}}");
            return;
        }
        sleep(LATENCY_MS);
        JsonNode sent = JSON.readTree(body);
        int count = sent.isArray() ? sent.size() : 1;
        ACCEPTED_REQUESTS.incrementAndGet();
        EVENTS.addAndGet(count);
        StringBuilder uuids = new StringBuilder();
        for (int i = 0; i < count; i++) {
            uuids.append(i == 0 ? "" : ",").append("{\"event_uuid\":\"").append(UUID.randomUUID()).append("\"}");
        }
        answer(exchange, 200, sent.isArray()
                ? "{\"event_batch_uuid\":\"" + UUID.randomUUID() + "\",\"events\":[" + uuids + "]}"
                : "{\"event_uuid\":\"" + UUID.randomUUID() + "\"}");
    }

    /** 0 if the request fits the last minute's budget, else the seconds until it would. */
    private synchronized long admit(long now) {
        while (!window.isEmpty() && window.peekFirst() <= now - 60_000) {
            window.removeFirst();
        }
        if (window.size() < LIMIT) {
            window.addLast(now);
            return 0;
        }
        return Math.max(1, (window.peekFirst() + 60_000 - now + 999) / 1000);
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
