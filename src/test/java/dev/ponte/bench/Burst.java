package dev.ponte.bench;

import dev.ponte.delivery.Delivery;
import dev.ponte.delivery.DeliverySink;
import dev.ponte.delivery.Intake;
import dev.ponte.rd.events.OrderPlacedItemPayloadBuilder;
import dev.ponte.rd.events.OrderPlacedPayloadBuilder;
import dev.ponte.rd.events.RdEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** The burst both benchmarks send: 1 000 orders of 3 items from 16 concurrent senders ({@code -Dsenders=}), and its report. */
final class Burst {

    static final int ORDERS = 1_000;
    static final int SENDERS = Integer.getInteger("senders", 16);

    record Sent(long millis, Map<String, Integer> receipts, List<Long> answerMicros) {
    }

    private Burst() {
    }

    static Delivery order(int n) {
        String id = String.valueOf(100_000 + n);
        String email = "cliente" + (n % 400) + "@example.com.br";
        List<RdEvent> events = new ArrayList<>();
        events.add(RdEvent.of(OrderPlacedPayloadBuilder.builder()
                .name("Cliente " + n)
                .email(email)
                .cfOrderId(id)
                .cfOrderTotalItems(3)
                .cfOrderStatus("pending_payment")
                .cfOrderPaymentMethod("Credit Card")
                .cfOrderPaymentAmount(new BigDecimal("249.70"))
                .build()));
        for (int item = 1; item <= 3; item++) {
            events.add(RdEvent.of(OrderPlacedItemPayloadBuilder.builder()
                    .name("Cliente " + n)
                    .email(email)
                    .cfOrderId(id)
                    .cfOrderProductId("produto-" + item)
                    .cfOrderProductSku("SKU-" + item + "-" + (n % 50))
                    .build()));
        }
        return Delivery.builder().source("bench").deliveryId("order-" + id).events(events).build();
    }

    static Sent send(Intake intake) throws Exception {
        return send(intake, 0);
    }

    /** {@link #ORDERS} orders numbered from {@code from}: a later burst's orders are new ones. */
    static Sent send(Intake intake, int from) throws Exception {
        return send(n -> intake.accept(order(from + n), DeliverySink.Urgency.ANSWERING).getClass().getSimpleName());
    }

    /** Sends {@link #ORDERS} of whatever {@code one} sends for its number, from {@link #SENDERS} threads; {@code one} names the outcome. */
    static Sent send(java.util.function.IntFunction<String> one) throws Exception {
        Map<String, Integer> receipts = new ConcurrentHashMap<>();
        List<Long> answers = Collections.synchronizedList(new ArrayList<>());
        AtomicLong next = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        long started = System.nanoTime();
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < SENDERS; s++) {
                senders.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < ORDERS; n = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        String outcome = one.apply((int) n);
                        answers.add((System.nanoTime() - t0) / 1_000);
                        receipts.merge(outcome, 1, Integer::sum);
                    }
                }));
            }
            for (Future<?> sender : senders) {
                sender.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return new Sent((System.nanoTime() - started) / 1_000_000, receipts, answers);
    }

    /** Waits until RD has accepted {@code events} events, or ten minutes have passed. */
    static void awaitEvents(long events) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (RateLimitedRd.EVENTS.get() < events && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p * sorted.size()) - 1));
    }

    static void report(String mode, Sent sent, long totalMillis) {
        report(mode, ORDERS * 4, sent, totalMillis);
    }

    static void report(String mode, int eventsSent, Sent sent, long totalMillis) {
        long requests = RateLimitedRd.REQUESTS.get();
        long accepted = RateLimitedRd.ACCEPTED_REQUESTS.get();
        long events = RateLimitedRd.EVENTS.get();
        String row = String.format("| %s | %d | %d | %d | %.1f | %d | %d | %.1f | %.1f | %s |%n", mode, eventsSent, events,
                requests, accepted == 0 ? 0.0 : (double) events / accepted, RateLimitedRd.TOO_MANY.get(), totalMillis,
                percentile(sent.answerMicros(), 0.5) / 1000.0, percentile(sent.answerMicros(), 0.99) / 1000.0,
                sent.receipts());
        System.out.println("BENCH " + row.trim());
        try {
            Path file = Path.of("target/bench/delivery-burst.md");
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                Files.writeString(file, "| mode | events sent | events RD accepted | RD requests | events per accepted"
                        + " request | 429s | total ms | answer p50 ms | answer p99 ms | receipts |\n"
                        + "|---|---|---|---|---|---|---|---|---|---|\n");
            }
            Files.writeString(file, row, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
