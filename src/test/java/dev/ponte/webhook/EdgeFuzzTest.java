package dev.ponte.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.events.EventType;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.SignedRequests;
import dev.ponte.testing.SignedRequests.Sample;
import dev.ponte.testing.WireMockRd;
import io.quarkus.logging.Log;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Both edges driven with every real example and with generated mutations of them (truncated,
 * retyped, nulled, nested, oversized, invisible characters, flipped bytes), webhooks signed as
 * their vendors sign them so that the mutations reach the mappers. However bad the input: no 5xx,
 * no stack trace or Java name in the answer, and nothing sent to RD for a refused request.
 * Bounded by {@code -Dfuzz.seconds} (20 s by default).
 */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class EdgeFuzzTest {

    private static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.seconds", 20));
    /** What only a stack trace or a framework message would put in an answer. */
    private static final Pattern LEAK = Pattern.compile(
            "Exception|\\bat [a-z]+\\.[a-z]|java\\.|jakarta\\.|com\\.fasterxml|dev\\.ponte|io\\.quarkus|\\w\\$\\w|StreamReadConstraints");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @InjectRd
    WireMockServer rd;

    @Inject
    RdCircuit breakers;

    @Inject
    Clock clock;

    private final List<String> problems = new ArrayList<>();
    private int sent;

    @BeforeEach
    void acceptingRdAndVendorApis() {
        RdStubs.reset(rd);
        breakers.reset();
        rd.stubFor(post(urlPathEqualTo(RdStubs.EVENTS)).willReturn(RdStubs.accepted("fuzz-1")));
        rd.stubFor(post(urlEqualTo(RdStubs.BATCH)).willReturn(RdStubs.batchAccepted(500)));
        rd.stubFor(get(urlMatching("/v1/[^/]+/orders/.*"))
                .willReturn(RdStubs.json(200, Fixtures.text("sandbox/nuvemshop/order-450789469.json"))));
        rd.stubFor(get(urlMatching("/api/oms/pvt/orders/.*"))
                .willReturn(RdStubs.json(200, Fixtures.text("sandbox/vtex/order-1172452900788-01.json"))));
    }

    @Test
    void noInputGetsA5xxALeakOrAnEventSentWhenRefused() {
        List<Sample> webhooks = SignedRequests.fixtures();
        List<Sample> events = new ArrayList<>();
        for (EventType type : EventType.values()) {
            events.add(new Sample("events", type.name(), Fixtures.rdExample(type).getBytes(StandardCharsets.UTF_8)));
        }
        List<Sample> seeds = new ArrayList<>(webhooks);
        seeds.addAll(events);
        seeds.add(new Sample("events/batch", "all", batchOf(events)));
        for (Sample seed : seeds) {
            send(seed, seed.body(), "as published");
        }

        Arbitrary<Sample> pick = Arbitraries.of(seeds);
        Arbitrary<Mutation> mutation = Arbitraries.of(Mutation.values());
        long deadline = System.nanoTime() + BUDGET.toNanos();
        while (System.nanoTime() < deadline) {
            Sample seed = pick.sample();
            Mutation how = mutation.sample();
            send(seed, how.apply(seed.body()), how.name());
        }
        Log.infof("fuzzed the edge with %d requests in %d s", sent, BUDGET.toSeconds());
        assertThat(problems).as("answers that broke a promise, of %d requests", sent).isEmpty();
    }

    private void send(Sample seed, byte[] body, String how) {
        int before = rdEventCalls();
        Log.debugf("fuzz: %s %s (%d bytes)", seed, how, body.length);
        Response answer = switch (seed.vendor()) {
            case "events", "events/batch" -> RdStubs.operator().body(body).post("/" + seed.vendor());
            default -> SignedRequests.signed(seed.vendor(), seed.topic(), body, clock.instant())
                    .post("/webhooks/" + seed.vendor());
        };
        sent++;
        String text = answer.asString();
        String what = seed + " (" + how + "): " + answer.statusCode() + " " + abbreviate(text) + " for "
                + abbreviate(new String(body, StandardCharsets.UTF_8));
        if (answer.statusCode() >= 500) {
            problems.add("5xx: " + what);
        } else if (leaks(text, new String(body, StandardCharsets.UTF_8))) {
            problems.add("leak: " + what);
        } else if (answer.statusCode() >= 400 && rdEventCalls() != before) {
            problems.add("sent although refused: " + what);
        }
    }

    /** Whether the answer names the implementation; a field name echoed from the body (a path) is the sender's own. */
    private static boolean leaks(String answer, String body) {
        return LEAK.matcher(answer).results().anyMatch(found -> !body.contains(found.group()));
    }

    private int rdEventCalls() {
        return (int) rd.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/platform/events")).count();
    }

    private static byte[] batchOf(List<Sample> events) {
        ArrayNode batch = NODES.arrayNode();
        events.forEach(e -> batch.add(parse(e.body())));
        return RdJson.bytes(batch);
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    private static JsonNode parse(byte[] body) {
        try {
            return RdJson.parse(body);
        } catch (IOException e) {
            return null;
        }
    }

    /** Ways a careless vendor, a broken proxy or an attacker changes a body. */
    enum Mutation {
        TRUNCATED(body -> java.util.Arrays.copyOf(body, Arbitraries.integers().between(0, Math.max(0, body.length - 1)).sample())),
        FLIPPED_BYTES(body -> {
            byte[] copy = body.clone();
            int flips = Arbitraries.integers().between(1, 8).sample();
            for (int i = 0; i < flips && copy.length > 0; i++) {
                copy[Arbitraries.integers().between(0, copy.length - 1).sample()] = Arbitraries.bytes().sample();
            }
            return copy;
        }),
        VALUE_REPLACED(body -> json(body, tree -> {
            List<Slot> slots = slots(tree);
            if (!slots.isEmpty()) {
                Arbitraries.of(slots).sample().set(Arbitraries.of(hostileValues()).sample());
            }
            return tree;
        })),
        SEVERAL_VALUES_REPLACED(body -> json(body, tree -> {
            List<Slot> slots = slots(tree);
            for (int i = 0; i < 5 && !slots.isEmpty(); i++) {
                Arbitraries.of(slots).sample().set(Arbitraries.of(hostileValues()).sample());
            }
            return tree;
        })),
        TEXT_GENERATED(body -> json(body, tree -> {
            List<Slot> slots = slots(tree);
            if (!slots.isEmpty()) {
                Arbitraries.of(slots).sample().set(NODES.textNode(Arbitraries.strings().all().ofMaxLength(40).sample()));
            }
            return tree;
        })),
        FIELD_REMOVED(body -> json(body, tree -> {
            List<Slot> slots = slots(tree);
            if (!slots.isEmpty()) {
                Arbitraries.of(slots).sample().remove();
            }
            return tree;
        })),
        WHOLE_BODY_REPLACED(body -> Arbitraries.of("null", "[]", "{}", "\"text\"", "1", "", "[null]", "{\"a\":",
                "\uFEFF{}", "[" .repeat(1500), "{\"a\":1,\"a\":2}", "nul", "\u0000").sample().getBytes(StandardCharsets.UTF_8)),
        DEEPLY_NESTED(body -> ("[".repeat(1200) + new String(body, StandardCharsets.UTF_8) + "]".repeat(1200))
                .getBytes(StandardCharsets.UTF_8)),
        WRAPPED_IN_ARRAY(body -> ("[" + new String(body, StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8));

        private final Function<byte[], byte[]> change;

        Mutation(Function<byte[], byte[]> change) {
            this.change = change;
        }

        byte[] apply(byte[] body) {
            return change.apply(body);
        }
    }

    static List<JsonNode> hostileValues() {
        return List.of(NODES.nullNode(), NODES.textNode(""), NODES.numberNode(-3), NODES.numberNode(new java.math.BigDecimal("1.7")),
                NODES.numberNode(new java.math.BigDecimal("-5.00")), NODES.numberNode(new BigInteger("9".repeat(401))),
                NODES.numberNode(Long.MAX_VALUE), NODES.textNode("ana\u0000@example.com"), NODES.textNode("\u200bana@example.com"),
                NODES.textNode("ana@exam\u202eple.com"), NODES.textNode("ana\ud800@example.com"), NODES.arrayNode(),
                NODES.objectNode(), NODES.booleanNode(true), NODES.arrayNode().add(NODES.nullNode()),
                NODES.textNode("x".repeat(70_000)), NODES.textNode("2026-13-45T99:99:99Z"), NODES.textNode("<script>"),
                NODES.textNode("1e400"), NODES.numberNode(1e300));
    }

    private static byte[] json(byte[] body, java.util.function.UnaryOperator<JsonNode> change) {
        JsonNode tree = parse(body);
        if (tree == null || !tree.isContainerNode()) {
            return body; // a form or a text body: its bytes are mutated by the other mutations
        }
        return RdJson.bytes(change.apply(tree.deepCopy()));
    }

    /** A place in a JSON tree a value can be put in or taken from. */
    record Slot(JsonNode parent, String field, int index) {

        void set(JsonNode value) {
            if (parent instanceof ObjectNode object) {
                object.set(field, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode object) {
                object.remove(field);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static List<Slot> slots(JsonNode tree) {
        List<Slot> slots = new ArrayList<>();
        collect(tree, slots);
        return slots;
    }

    private static void collect(JsonNode node, List<Slot> slots) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            List<Map.Entry<String, JsonNode>> copy = new ArrayList<>();
            fields.forEachRemaining(copy::add);
            for (Map.Entry<String, JsonNode> field : copy) {
                slots.add(new Slot(object, field.getKey(), -1));
                collect(field.getValue(), slots);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                slots.add(new Slot(array, null, i));
                collect(array.get(i), slots);
            }
        }
    }
}
