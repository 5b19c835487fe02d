package dev.ponte.deploy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.mapping.Signatures;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.WireMockRd;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Clients that send headers and then stall, as an attacker or a broken proxy would, against the
 * HTTP server build: each costs a connection, never a worker thread, so signed webhooks keep being
 * answered meanwhile.
 */
class SlowClientsIT {

    /** More than the 200 worker threads a request could otherwise hold while its body trickles in. */
    private static final int STALLED = 500;
    private static final java.util.concurrent.atomic.AtomicLong ORDERS = new java.util.concurrent.atomic.AtomicLong(7_000_000_000L);

    @TempDir
    static Path work;

    static WireMockServer rd;
    static HttpServer ponte;

    private final List<Socket> sockets = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        rd = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        rd.start();
        WireMockRd.stubToken(rd, WireMockRd.ACCESS_TOKEN, 86_400);
        ponte = HttpServer.start(Map.of(
                "PONTE_RD_URL", rd.baseUrl(),
                "PONTE_RD_CLIENT_ID", "client-id",
                "PONTE_RD_CLIENT_SECRET", "client-secret",
                "PONTE_RD_REFRESH_TOKEN", "refresh-token",
                "PONTE_API_TOKEN", WireMockRd.API_TOKEN,
                "PONTE_VENDORS_SHOPIFY_SECRET", WireMockRd.SHOPIFY_SECRET,
                "PONTE_STATE", "memory",
                "PONTE_BODY_READ_TIMEOUT", "3S"), work);
        RestAssured.port = ponte.port();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        ponte.close();
        rd.stop();
        RestAssured.reset();
    }

    @BeforeEach
    void freshRd() {
        rd.resetRequests();
        rd.stubFor(post(urlEqualTo(RdStubs.BATCH)).willReturn(RdStubs.batchAccepted(4)));
    }

    @AfterEach
    void closeSockets() throws IOException {
        for (Socket socket : sockets) {
            socket.close();
        }
        sockets.clear();
    }

    @Test
    void stalledUploadsHoldNoWorkerThreadSoSignedWebhooksAreStillAnswered() throws IOException {
        slowestOf(10); // warm: the first webhooks also fetch RD's token and load classes
        long usual = slowestOf(20);
        for (int i = 0; i < STALLED; i++) {
            stall(i % 2 == 0 ? "/webhooks/shopify" : "/events");
        }
        long slowest = slowestOf(20);
        System.out.printf("slow clients: slowest of 20 signed webhooks %d ms with %d stalled uploads open (usually %d ms)%n",
                slowest, STALLED, usual);
        assertThat(slowest).as("slowest signed webhook, ms, with %d stalled uploads open (usually %d ms)", STALLED, usual)
                .isLessThan(Math.max(500, 3 * usual));
        assertThat(sockets).as("the stalled uploads were still waiting meanwhile")
                .allSatisfy(socket -> assertThat(socket.getInputStream().available()).isZero());
        assertThat(RdStubs.acceptedEvents(rd)).hasSize(50 * 2); // ECOMMERCE_ORDER_PLACED and OPPORTUNITY_LOST
    }

    @Test
    void aBodyThatStopsMidwayIsAnswered408InRdsShapeAndTheConnectionClosed() throws IOException {
        Socket socket = stall("/webhooks/shopify");
        long started = System.nanoTime();
        String answer = readAll(socket.getInputStream());
        long waitedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(answer).startsWith("HTTP/1.1 408");
        JsonNode errors = RdJson.parseText(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(errors.at("/errors/0/error_type").asText()).isEqualTo("REQUEST_TIMEOUT");
        assertThat(errors.at("/errors/0/error_message").asText()).contains("PONTE_BODY_READ_TIMEOUT");
        assertThat(waitedMs).as("answered at PONTE_BODY_READ_TIMEOUT, 3 s").isBetween(2_000L, 6_000L);
    }

    @Test
    void aBodyAnnouncedOverTheLimitIsRefusedBeforeItIsSent() throws IOException {
        Socket socket = open();
        write(socket, "POST /events HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + WireMockRd.API_TOKEN + "\r\nContent-Length: 5000000\r\n\r\n");
        String answer = readAll(socket.getInputStream());

        assertThat(answer).startsWith("HTTP/1.1 413");
        assertThat(answer).contains("\"error_type\":\"PAYLOAD_TOO_LARGE\"").contains("PONTE_MAX_BODY_SIZE");
    }

    @Test
    void aChunkedBodyGrowingOverTheLimitIsRefusedInRdsShape() {
        byte[] large = ("[\"" + "x".repeat(1_100_000) + "\"]").getBytes(StandardCharsets.UTF_8);
        given().contentType("application/json").auth().oauth2(WireMockRd.API_TOKEN)
                .body(new java.io.ByteArrayInputStream(large)).post("/events")
                .then().statusCode(413).body("errors[0].error_type", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(RdStubs.acceptedEvents(rd)).isEmpty();
    }

    private static long slowestOf(int webhooks) {
        long slowest = 0;
        for (int i = 0; i < webhooks; i++) {
            long started = System.nanoTime();
            signedOrder().post("/webhooks/shopify").then().statusCode(200).body("outcome", equalTo("delivered"));
            slowest = Math.max(slowest, (System.nanoTime() - started) / 1_000_000);
        }
        return slowest;
    }

    /** Each a different order: the same order twice is a duplicate. */
    private static io.restassured.specification.RequestSpecification signedOrder() {
        byte[] body = Fixtures.text("vendors/shopify/orders-create.json")
                .replace("820982911946154508", String.valueOf(ORDERS.incrementAndGet()))
                .getBytes(StandardCharsets.UTF_8);
        return given().contentType("application/json")
                .header("X-Shopify-Topic", "orders/create")
                .header("X-Shopify-Webhook-Id", UUID.randomUUID().toString())
                .header("X-Shopify-Hmac-Sha256", Signatures.base64(Signatures.Algorithm.SHA256,
                        WireMockRd.SHOPIFY_SECRET, body))
                .body(body);
    }

    /** Headers announcing 2 000 bytes, then five of them, then nothing. */
    private Socket stall(String path) throws IOException {
        Socket socket = open();
        write(socket, "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Authorization: Bearer " + WireMockRd.API_TOKEN + "\r\nContent-Length: 2000\r\n\r\n{\"id\"");
        return socket;
    }

    private Socket open() throws IOException {
        Socket socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(15_000);
        sockets.add(socket);
        return socket;
    }

    private static void write(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One HTTP response: its head, then as many body bytes as its Content-Length says. */
    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int headEnd = -1;
        int length = -1;
        while (headEnd < 0 || out.size() < headEnd + length) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            out.write(b);
            String sofar = out.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && sofar.endsWith("\r\n\r\n")) {
                headEnd = sofar.length();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length:\\s*(\\d+)").matcher(sofar);
                length = m.find() ? Integer.parseInt(m.group(1)) : 0;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
