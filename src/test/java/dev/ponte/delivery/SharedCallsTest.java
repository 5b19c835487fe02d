package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.BATCH;
import static dev.ponte.testing.RdStubs.EVENTS;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdConfig;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Senders waiting at the same moment beyond PONTE_RD_CALLS_AT_ONCE (4 by default) share RD calls,
 * counted at RD. The deliveries go straight to the intake from 24 threads, as 24 webhooks reach it
 * on a server (the test harness serves HTTP one request at a time, as Lambda does).
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class SharedCallsTest {

    private static final int SENDERS = 24;

    @InjectRd
    WireMockServer rd;

    @Inject
    Intake intake;

    @Inject
    RdConfig config;

    @Inject
    Redelivery redelivery;

    @Inject
    DeadLetters deadLetters;

    @Test
    void aBurstBeyondTheCallsAtOnceSharesBatchCallsAndEveryEventReachesRdOnce() throws Exception {
        slowRdAcceptingAll();
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<Receipt> receipts = allAtOnce(run);

        assertThat(receipts).allSatisfy(receipt -> assertThat(receipt).isInstanceOfSatisfying(Receipt.Delivered.class,
                delivered -> assertThat(delivered.answer().path("event_uuid").asText()).isNotBlank()));
        int alone = config.callsAtOnce();
        rd.verify(alone, postRequestedFor(urlPathEqualTo(EVENTS)));
        int batches = rd.findAll(postRequestedFor(urlPathEqualTo(BATCH))).size();
        assertThat(batches).as("calls shared by those that waited").isBetween(1, 4);
        List<String> inRd = emailsInRd(run);
        assertThat(inRd).as("one copy of each sender's event").hasSize(SENDERS).doesNotHaveDuplicates();
        assertThat(receipts.stream().map(receipt -> ((Receipt.Delivered) receipt).answer().path("event_uuid").asText())
                .filter(uuid -> !uuid.equals("alone")))
                .as("those that waited, each answered with its own part of a shared call's answer").hasSize(SENDERS - alone);
    }

    /**
     * A sender that has to wait for a call holds no thread: once the first senders have every call
     * there is, the others are handed on from one thread, each at once, and answered when the
     * call that takes them ends. (Holding a thread each, a burst with RD slow to answer filled the
     * server's worker pool, and vendors waited for a thread before their budget even began.)
     */
    @Test
    void sendersWaitingForASharedCallHoldNoThreadAndAreAnsweredWhenItEnds() throws Exception {
        slowRdAcceptingAll();
        String run = UUID.randomUUID().toString().substring(0, 8);
        int alone = config.callsAtOnce();
        ExecutorService firstSenders = Executors.newFixedThreadPool(alone);
        try {
            List<Future<Receipt>> first = IntStream.range(0, alone).mapToObj(i -> firstSenders.submit(() ->
                    intake.accept(sale(run, i), DeliverySink.Urgency.ANSWERING))).toList();
            Thread.sleep(200); // every call there is under way, RD taking 600 ms over each

            long started = System.nanoTime();
            List<CompletableFuture<List<Receipt>>> waiting = IntStream.range(alone, SENDERS).mapToObj(i ->
                    intake.acceptWithoutWaiting(List.of(sale(run, i)), DeliverySink.Urgency.ANSWERING).toCompletableFuture()).toList();
            Duration handing = Duration.ofNanos(System.nanoTime() - started);

            assertThat(handing).as("%d senders handed on from one thread, none waiting for RD", SENDERS - alone)
                    .isLessThan(Duration.ofMillis(400));
            assertThat(waiting).as("none answered before RD").noneMatch(CompletableFuture::isDone);
            assertThat(first.stream().map(SharedCallsTest::get).toList()).allSatisfy(receipt ->
                    assertThat(receipt).isInstanceOf(Receipt.Delivered.class));
            assertThat(waiting.stream().map(CompletableFuture::join).map(receipts -> receipts.get(0)).toList())
                    .allSatisfy(receipt -> assertThat(receipt).isInstanceOfSatisfying(Receipt.Delivered.class,
                            delivered -> assertThat(delivered.answer().path("event_uuid").asText()).isNotBlank().isNotEqualTo("alone")));
        } finally {
            firstSenders.shutdownNow();
        }
        rd.verify(alone, postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(rd.findAll(postRequestedFor(urlPathEqualTo(BATCH))).size()).as("calls shared by those that waited").isBetween(1, 4);
        assertThat(emailsInRd(run)).as("one copy of each sender's event").hasSize(SENDERS).doesNotHaveDuplicates();
    }

    @Test
    void aSharedCallRdRefusesIsSentAgainOneDeliveryAtATimeAndOnlyTheRefusedOneIsHeld() throws Exception {
        RdStubs.reset(rd);
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(RdStubs.accepted("alone").withFixedDelay(600)));
        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.batchAccepted(SENDERS)));
        String refused = "{\"errors\":[{\"error_type\":\"CONTACT_NOT_FOUND\",\"error_message\":\"Contact not found.\"}]}";
        rd.stubFor(post(urlPathEqualTo(EVENTS)).withRequestBody(containing("spoiled")).atPriority(1)
                .willReturn(RdStubs.json(422, refused)));
        rd.stubFor(post(urlPathEqualTo(BATCH)).withRequestBody(containing("spoiled")).atPriority(1)
                .willReturn(RdStubs.json(422, refused)));
        String run = UUID.randomUUID().toString().substring(0, 8);

        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        List<Future<Receipt>> sent = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < SENDERS - 1; i++) {
                Delivery sale = sale(run, i);
                sent.add(pool.submit(() -> intake.accept(sale, DeliverySink.Urgency.ANSWERING)));
            }
            Thread.sleep(200); // the spoiled one arrives while the first calls are under way: it waits with the rest
            Delivery spoiled = sale("spoiled-" + run, 0);
            sent.add(pool.submit(() -> intake.accept(spoiled, DeliverySink.Urgency.ANSWERING)));
            List<Receipt> receipts = sent.stream().map(SharedCallsTest::get).toList();

            assertThat(receipts.subList(0, SENDERS - 1)).allSatisfy(receipt -> assertThat(receipt).isInstanceOf(Receipt.Delivered.class));
            assertThat(receipts.get(SENDERS - 1)).isInstanceOfSatisfying(Receipt.Parked.class, parked -> assertThat(
                    parked.letter().reason()).isEqualTo("RD refused the events (HTTP 422): CONTACT_NOT_FOUND Contact not found."));
        } finally {
            pool.shutdownNow();
        }
        assertThat(rd.findAll(postRequestedFor(urlPathEqualTo(BATCH))).size()).as("the shared call, refused").isBetween(1, 4);
        rd.verify(2, postRequestedFor(urlMatching("/platform/events.*")).withRequestBody(containing("spoiled")));
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)).withRequestBody(containing("spoiled")));
        List<String> inRd = emailsInRd(run);
        assertThat(inRd).as("every other sender's event once, the refused one not at all").hasSize(SENDERS - 1)
                .doesNotHaveDuplicates().noneMatch(email -> email.contains("spoiled"));
    }

    @Test
    void aSharedCallRdRateLimitsParksEachOfItsDeliveriesAndTheSweepDeliversEachOnce() throws Exception {
        RdStubs.reset(rd);
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id())); // earlier tests' letters
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(RdStubs.accepted("alone").withFixedDelay(600)));
        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.json(429, "{}").withHeader("Retry-After", "120")));
        String run = UUID.randomUUID().toString().substring(0, 8);

        List<Receipt> receipts = allAtOnce(run);
        int alone = config.callsAtOnce();
        assertThat(receipts).filteredOn(Receipt.Delivered.class::isInstance).hasSize(alone);
        assertThat(receipts).filteredOn(Receipt.Parked.class::isInstance).hasSize(SENDERS - alone)
                .allSatisfy(parked -> assertThat(((Receipt.Parked) parked).letter().cause()).isEqualTo(Cause.RATE_LIMITED));
        int limited = rd.findAll(postRequestedFor(urlPathEqualTo(BATCH))).size();
        assertThat(limited).as("shared calls RD answered 429").isBetween(1, 4);

        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.batchAccepted(SENDERS)));
        TestClock.advance(Duration.ofSeconds(121));
        assertThat(redelivery.sweep().delivered()).isEqualTo(SENDERS - alone);

        List<String> inRd = emailsInRd(run);
        assertThat(inRd).as("every sender's event in RD once, with no operator").hasSize(SENDERS).doesNotHaveDuplicates();
        assertThat(deadLetters.list(1_000)).isEmpty();
    }

    /** RD slower than the budget on a shared call: each sender hears "in flight" in time, and RD's late answer is recorded for each. */
    @Test
    void aSharedCallRdAnswersAfterTheBudgetAnswersEverySenderInTimeAndRecordsEachOnce() throws Exception {
        RdStubs.reset(rd);
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id())); // earlier tests' letters
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(RdStubs.accepted("alone").withFixedDelay(600)));
        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.batchAccepted(SENDERS).withFixedDelay(3_000)));
        String run = UUID.randomUUID().toString().substring(0, 8);

        long started = System.nanoTime();
        List<Receipt> receipts = allAtOnce(run);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("until the last sender was answered (budget 2.5 s)")
                .isLessThan(Duration.ofMillis(2_900));
        int alone = config.callsAtOnce();
        assertThat(receipts).filteredOn(Receipt.Delivered.class::isInstance).hasSize(alone);
        assertThat(receipts).filteredOn(Receipt.InFlight.class::isInstance).hasSize(SENDERS - alone);

        // RD answers the shared call about 3.6 s after the burst; then each of its deliveries is recorded.
        List<Receipt> again = List.of();
        for (long until = System.nanoTime() + Duration.ofSeconds(15).toNanos(); System.nanoTime() < until; ) {
            again = IntStream.range(0, SENDERS).mapToObj(i -> intake.accept(sale(run, i), DeliverySink.Urgency.ANSWERING)).toList();
            if (again.stream().allMatch(Receipt.Duplicate.class::isInstance)) {
                break;
            }
            Thread.sleep(200);
        }
        assertThat(again).as("each delivery again, once RD answered").allSatisfy(receipt -> assertThat(receipt)
                .isInstanceOfSatisfying(Receipt.Duplicate.class, duplicate -> assertThat(duplicate.earlierAnswer()).contains("event_uuid")));
        List<String> inRd = emailsInRd(run);
        assertThat(inRd).as("every sender's event in RD once").hasSize(SENDERS).doesNotHaveDuplicates();
        assertThat(deadLetters.list(1_000)).isEmpty();
    }

    /** A slow RD that accepts everything, so that the first calls are still under way when the others arrive. */
    private void slowRdAcceptingAll() {
        RdStubs.reset(rd);
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(RdStubs.accepted("alone").withFixedDelay(600)));
        rd.stubFor(post(urlPathEqualTo(BATCH)).willReturn(RdStubs.batchAccepted(SENDERS).withFixedDelay(600)));
    }

    /** The contacts of {@code run}'s events RD accepted, one per copy it holds. */
    private List<String> emailsInRd(String run) {
        return RdStubs.acceptedEvents(rd).stream().map(event -> event.path("payload").path("email").asText())
                .filter(email -> email.contains(run)).toList();
    }

    /** {@link #SENDERS} sales of {@code run}, each a different contact, handed to the intake from as many threads at once. */
    private List<Receipt> allAtOnce(String run) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Callable<Receipt>> sends = IntStream.range(0, SENDERS).<Callable<Receipt>>mapToObj(i -> () ->
                    intake.accept(sale(run, i), DeliverySink.Urgency.ANSWERING)).toList();
            return pool.invokeAll(sends).stream().map(SharedCallsTest::get).toList();
        } finally {
            pool.shutdownNow();
        }
    }

    private static Delivery sale(String run, int i) {
        ObjectNode sale = (ObjectNode) Fixtures.json("rd/examples/SALE.json").deepCopy();
        ((ObjectNode) sale.path("payload")).put("email", "buyer-" + run + "-" + i + "@example.com");
        return Delivery.builder().source("woocommerce").deliveryId(run + "-" + i).events(List.of(RdJson.event(sale))).build();
    }

    private static Receipt get(Future<Receipt> answer) {
        try {
            return answer.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
