package dev.ponte.delivery.state;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * State in one DynamoDB table ({@code PONTE_DEDUPE_TABLE}), shared by every instance. Keys and
 * facts are items under their own {@code pk}; entries under {@code entry#KIND#id}. One global
 * secondary index, {@code due} ({@code kind} + {@code due_at}), finds what is due: dead letters and
 * timers by their next time, and pending claims by their timeout (the orphans). {@code expires_at}
 * is only DynamoDB's TTL sweep; every read decides expiry itself, since the sweep is lazy.
 */
public final class DynamoDbStateStore implements StateStore {

    public static final String INDEX = "due";
    static final String PK = "pk";
    static final String EXPIRES_AT = "expires_at";
    static final String KIND = "kind";
    static final String DUE_AT = "due_at";
    private static final String STATE = "state";
    private static final String RESULT = "result";
    private static final String LETTER = "letter";
    private static final String IN_FLIGHT = "in_flight";
    private static final String CLAIM_UNTIL = "claim_until";
    private static final String BODY = "body";
    private static final String WAITING_FOR = "waiting_for";
    private static final String CLAIM_KIND = "claim";
    /** The due time of an entry that is not scheduled: never reached, still listed. */
    private static final long HELD = Long.MAX_VALUE / 2;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Retention retention;

    public DynamoDbStateStore(DynamoDbClient dynamo, String table, Clock clock, Retention retention) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.retention = retention;
    }

    // --- delivery keys ---------------------------------------------------------------------

    @Override
    public Claim claim(String key, byte[] inFlight) {
        return claim(key, inFlight, false);
    }

    @Override
    public Claim take(String key, byte[] inFlight) {
        return claim(key, inFlight, true);
    }

    private Claim claim(String key, byte[] written, boolean take) {
        long now = clock.millis();
        long until = now + retention.claimTimeout().toMillis();
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(key));
        item.put(STATE, s("pending"));
        item.put(CLAIM_UNTIL, n(until));
        item.put(KIND, s(CLAIM_KIND));
        item.put(DUE_AT, n(until));
        item.put(EXPIRES_AT, n(seconds(now) + retention.ttl().toSeconds()));
        if (written != null) {
            item.put(IN_FLIGHT, AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.pack(written))));
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pending", s("pending"), ":parked", s("parked"),
                ":now", n(seconds(now))));
        String condition = "attribute_not_exists(#pk) OR #state = :parked OR (#state <> :pending AND #expires < :now)";
        if (take) {
            condition += " OR #state = :queued";
            values.put(":queued", s("queued"));
        }
        try {
            String finalCondition = condition;
            PutItemResponse put = dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression(finalCondition)
                    .expressionAttributeNames(Map.of("#pk", PK, "#state", STATE, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(values).returnValues(ReturnValue.ALL_OLD));
            Map<String, AttributeValue> old = put.attributes();
            boolean wasParked = old != null && old.containsKey(STATE) && "parked".equals(old.get(STATE).s());
            return Claim.won(wasParked ? text(old, LETTER) : null);
        } catch (ConditionalCheckFailedException taken) {
            GetItemResponse found = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s(key))).consistentRead(true));
            if (!found.hasItem()) {
                return claim(key, written, take); // released between the put and the read
            }
            return switch (text(found.item(), STATE)) {
                case "done", "queued" -> new Claim(Status.DONE, text(found.item(), RESULT), null);
                case "maybe" -> new Claim(Status.MAYBE, null, text(found.item(), LETTER));
                default -> new Claim(Status.IN_PROGRESS, null, null);
            };
        }
    }

    @Override
    public void queued(String key, String answer) {
        settle(key, "queued", retention.ttl(), null, answer);
    }

    @Override
    public void complete(String key, String answer) {
        settle(key, "done", retention.ttl(), null, answer);
    }

    @Override
    public void parked(String key, String letterId) {
        settle(key, "parked", retention.parkedHold(), letterId, null);
    }

    @Override
    public void maybe(String key, String letterId) {
        settle(key, "maybe", retention.parkedHold(), letterId, null);
    }

    private void settle(String key, String state, Duration keep, String letterId, String answer) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(key));
        item.put(STATE, s(state));
        item.put(EXPIRES_AT, n(seconds(clock.millis()) + keep.toSeconds()));
        if (letterId != null) {
            item.put(LETTER, s(letterId));
        }
        if (answer != null) {
            item.put(RESULT, s(answer));
        }
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(key))));
    }

    @Override
    public boolean completed(String key) {
        GetItemResponse found = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s(key))).consistentRead(true));
        if (!found.hasItem()) {
            return false;
        }
        String state = text(found.item(), STATE);
        return ("done".equals(state) || "queued".equals(state)) && !expired(found.item());
    }

    @Override
    public List<Orphan> orphans(int max) {
        List<Orphan> orphans = new ArrayList<>();
        for (Map<String, AttributeValue> item : query(CLAIM_KIND, clock.millis(), max)) {
            if (!"pending".equals(text(item, STATE))) {
                continue;
            }
            byte[] written = item.containsKey(IN_FLIGHT) ? Gzip.unpack(item.get(IN_FLIGHT).b().asByteArray()) : null;
            orphans.add(new Orphan(text(item, PK), written, item.get(CLAIM_UNTIL).n()));
        }
        return orphans;
    }

    @Override
    public boolean adopt(Orphan orphan, String letterId) {
        Map<String, AttributeValue> item = Map.of(PK, s(orphan.key()), STATE, s("maybe"), LETTER, s(letterId),
                EXPIRES_AT, n(seconds(clock.millis()) + retention.parkedHold().toSeconds()));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression("#state = :pending AND #until = :until")
                    .expressionAttributeNames(Map.of("#state", STATE, "#until", CLAIM_UNTIL))
                    .expressionAttributeValues(Map.of(":pending", s("pending"), ":until", AttributeValue.fromN(orphan.marker()))));
            return true;
        } catch (ConditionalCheckFailedException settled) {
            return false;
        }
    }

    // --- facts -----------------------------------------------------------------------------

    @Override
    public void remember(String key, String value, Duration ttl) {
        dynamo.putItem(p -> p.tableName(table).item(Map.of(PK, s(key), STATE, s("fact"), RESULT, s(value),
                EXPIRES_AT, n(seconds(clock.millis()) + ttl.toSeconds()))));
    }

    @Override
    public Optional<String> rememberFirst(String key, String value, Duration ttl) {
        long now = clock.millis();
        try {
            dynamo.putItem(p -> p.tableName(table)
                    .item(Map.of(PK, s(key), STATE, s("fact"), RESULT, s(value), EXPIRES_AT, n(seconds(now) + ttl.toSeconds())))
                    .conditionExpression("attribute_not_exists(#pk) OR #expires < :now")
                    .expressionAttributeNames(Map.of("#pk", PK, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(seconds(now)))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException kept) {
            return recall(key).or(() -> Optional.of(value));
        }
    }

    @Override
    public Optional<String> recall(String key) {
        GetItemResponse found = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s(key))));
        if (!found.hasItem() || !found.item().containsKey(RESULT) || expired(found.item())) {
            return Optional.empty();
        }
        return Optional.of(text(found.item(), RESULT));
    }

    // --- scheduled entries -----------------------------------------------------------------

    @Override
    public void put(Entry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s(entryKey(entry.kind(), entry.id())));
        item.put(KIND, s(entry.kind().name()));
        item.put(DUE_AT, n(entry.dueAt() == null ? HELD : entry.dueAt().toEpochMilli()));
        item.put(BODY, AttributeValue.fromB(SdkBytes.fromByteArray(Gzip.pack(entry.body().getBytes(StandardCharsets.UTF_8)))));
        if (entry.waitingFor() != null) {
            item.put(WAITING_FOR, s(entry.waitingFor()));
        }
        Map<String, AttributeValue> old = dynamo.putItem(p -> p.tableName(table).item(item).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        String oldWaiting = old == null ? null : text(old, WAITING_FOR);
        if (oldWaiting != null && !oldWaiting.equals(entry.waitingFor())) {
            dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(waitingKey(entry.kind(), oldWaiting, entry.id())))));
        }
        if (entry.waitingFor() != null) {
            // A pointer in the same index, so "who waits for this subject" is one query.
            dynamo.putItem(p -> p.tableName(table).item(Map.of(
                    PK, s(waitingKey(entry.kind(), entry.waitingFor(), entry.id())),
                    KIND, s(waitingKind(entry.kind(), entry.waitingFor())), DUE_AT, n(0), RESULT, s(entry.id()))));
        }
    }

    @Override
    public Optional<Entry> get(Kind kind, String id) {
        GetItemResponse found = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s(entryKey(kind, id))))
                .consistentRead(true));
        return found.hasItem() ? Optional.of(entry(kind, id, found.item())) : Optional.empty();
    }

    @Override
    public void remove(Kind kind, String id) {
        Map<String, AttributeValue> old = dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(entryKey(kind, id))))
                .returnValues(ReturnValue.ALL_OLD)).attributes();
        String waiting = old == null ? null : text(old, WAITING_FOR);
        if (waiting != null) {
            dynamo.deleteItem(d -> d.tableName(table).key(Map.of(PK, s(waitingKey(kind, waiting, id)))));
        }
    }

    @Override
    public List<Entry> due(Kind kind, Instant now, int max) {
        return query(kind.name(), now.toEpochMilli(), max).stream()
                .map(item -> entry(kind, idOf(kind, text(item, PK)), item)).toList();
    }

    @Override
    public List<Entry> list(Kind kind, int max) {
        return query(kind.name(), HELD, max).stream()
                .map(item -> entry(kind, idOf(kind, text(item, PK)), item)).toList();
    }

    @Override
    public List<Entry> waitingFor(Kind kind, String subject) {
        List<Entry> waiting = new ArrayList<>();
        for (Map<String, AttributeValue> pointer : query(waitingKind(kind, subject), 0, 1_000)) {
            get(kind, text(pointer, RESULT)).filter(e -> subject.equals(e.waitingFor())).ifPresent(waiting::add);
        }
        return waiting;
    }

    @Override
    public boolean lease(Entry found, Instant until) {
        long was = found.dueAt() == null ? HELD : found.dueAt().toEpochMilli();
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Map.of(PK, s(entryKey(found.kind(), found.id()))))
                    .updateExpression("SET #due = :until").conditionExpression("#due = :was")
                    .expressionAttributeNames(Map.of("#due", DUE_AT))
                    .expressionAttributeValues(Map.of(":until", n(until.toEpochMilli()), ":was", n(was))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Items of the index under {@code kind} due at or before {@code upTo}, earliest first, every page read. */
    private List<Map<String, AttributeValue>> query(String kind, long upTo, int max) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            int room = max - items.size();
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(INDEX)
                    .keyConditionExpression("#kind = :kind AND #due <= :upTo")
                    .expressionAttributeNames(Map.of("#kind", KIND, "#due", DUE_AT))
                    .expressionAttributeValues(Map.of(":kind", s(kind), ":upTo", n(upTo)))
                    .limit(room).exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < max);
        return items;
    }

    private static Entry entry(Kind kind, String id, Map<String, AttributeValue> item) {
        long due = Long.parseLong(item.get(DUE_AT).n());
        String body = new String(Gzip.unpack(item.get(BODY).b().asByteArray()), StandardCharsets.UTF_8);
        return new Entry(kind, id, due >= HELD ? null : Instant.ofEpochMilli(due), text(item, WAITING_FOR), body);
    }

    private boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expires = item.get(EXPIRES_AT);
        return expires != null && Long.parseLong(expires.n()) < seconds(clock.millis());
    }

    private static String entryKey(Kind kind, String id) {
        return "entry#" + kind + "#" + id;
    }

    private static String idOf(Kind kind, String pk) {
        return pk.substring(("entry#" + kind + "#").length());
    }

    private static String waitingKey(Kind kind, String subject, String id) {
        return "waiting#" + kind + "#" + subject + "#" + id;
    }

    private static String waitingKind(Kind kind, String subject) {
        return "waiting#" + kind + "#" + subject;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static long seconds(long millis) {
        return millis / 1000;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
