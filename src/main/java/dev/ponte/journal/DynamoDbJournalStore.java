package dev.ponte.journal;

import dev.ponte.delivery.state.Gzip;
import io.quarkus.logging.Log;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The journal in the state table ({@code PONTE_DEDUPE_TABLE}), so the console sees what every
 * instance did (on Lambda, every function and every instance of it). Each entry is an item
 * {@code journal#<id>} in the {@code due} index under kind {@code journal}, ordered by when its
 * request arrived, so "newest first" is one query read backwards; each delivery key points to
 * its entry ({@code journal-key#<key>}). Both go in one batch write, and expire after
 * {@code PONTE_JOURNAL_TTL} by the table's TTL (and are skipped once past it, as TTL deletes
 * late). A later fate rewrites the entry: the last writer wins, which for one delivery's fate is
 * the latest one.
 */
public final class DynamoDbJournalStore implements JournalStore {

    static final String KIND = "journal";
    private static final String PK = "pk";
    private static final String KIND_ATTRIBUTE = "kind";
    private static final String DUE_AT = "due_at";
    private static final String EXPIRES_AT = "expires_at";
    private static final String BODY = "body";
    private static final String ENTRY_ID = "journal_id";
    private static final String INDEX = "due";
    /** How many entries a filtered listing reads at most before it answers with what it found. */
    private static final int MAX_READ = 2_000;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration ttl;

    public DynamoDbJournalStore(DynamoDbClient dynamo, String table, Clock clock, Duration ttl) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public void put(JournalEntry entry) {
        long expires = clock.millis() / 1000 + ttl.toSeconds();
        List<WriteRequest> writes = new ArrayList<>();
        writes.add(write(item(entry, expires)));
        // DynamoDB takes at most 25 writes per batch; a request has a handful of deliveries.
        for (String key : entry.keys().subList(0, Math.min(entry.keys().size(), 24))) {
            writes.add(write(Map.of(PK, s("journal-key#" + key), ENTRY_ID, s(entry.id()), EXPIRES_AT, n(expires))));
        }
        Map<String, List<WriteRequest>> left = Map.of(table, writes);
        for (int round = 0; round < 5 && !left.isEmpty(); round++) {
            Map<String, List<WriteRequest>> batch = left;
            left = dynamo.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
        }
        if (!left.isEmpty()) {
            // The table is throttling: the journal is a view, so this request goes unlisted rather than slower.
            Log.warnf("the journal left %s %s unrecorded: DynamoDB did not take its items after five tries",
                    entry.method(), entry.route());
        }
    }

    @Override
    public void replace(JournalEntry entry) {
        dynamo.putItem(p -> p.tableName(table).item(item(entry, clock.millis() / 1000 + ttl.toSeconds())));
    }

    @Override
    public Optional<JournalEntry> get(String id) {
        GetItemResponse found = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s("journal#" + id))));
        return found.hasItem() && !expired(found.item()) ? Optional.of(entry(found.item())) : Optional.empty();
    }

    @Override
    public Optional<JournalEntry> byKey(String key) {
        GetItemResponse pointer = dynamo.getItem(g -> g.tableName(table).key(Map.of(PK, s("journal-key#" + key))));
        if (!pointer.hasItem() || expired(pointer.item())) {
            return Optional.empty();
        }
        return get(pointer.item().get(ENTRY_ID).s());
    }

    @Override
    public List<JournalEntry> newestFirst(Predicate<JournalEntry> filter, int limit) {
        List<JournalEntry> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int read = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(INDEX)
                    .keyConditionExpression("#kind = :kind AND #due <= :now")
                    .expressionAttributeNames(Map.of("#kind", KIND_ATTRIBUTE, "#due", DUE_AT))
                    .expressionAttributeValues(Map.of(":kind", s(KIND), ":now", n(clock.millis())))
                    .scanIndexForward(false).limit(Math.min(100, MAX_READ)).exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                read++;
                if (expired(item)) {
                    continue;
                }
                JournalEntry entry = entry(item);
                if (filter.test(entry) && found.size() < limit) {
                    found.add(entry);
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < limit && read < MAX_READ);
        return found;
    }

    private static Map<String, AttributeValue> item(JournalEntry entry, long expires) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PK, s("journal#" + entry.id()));
        item.put(KIND_ATTRIBUTE, s(KIND));
        item.put(DUE_AT, n(entry.at().toEpochMilli()));
        item.put(EXPIRES_AT, n(expires));
        item.put(BODY, AttributeValue.fromB(SdkBytes.fromByteArray(
                Gzip.pack(JournalEntryJson.write(entry).getBytes(StandardCharsets.UTF_8)))));
        return item;
    }

    private static JournalEntry entry(Map<String, AttributeValue> item) {
        return JournalEntryJson.read(new String(Gzip.unpack(item.get(BODY).b().asByteArray()), StandardCharsets.UTF_8));
    }

    private boolean expired(Map<String, AttributeValue> item) {
        AttributeValue expires = item.get(EXPIRES_AT);
        return expires != null && Long.parseLong(expires.n()) < clock.millis() / 1000;
    }

    private static WriteRequest write(Map<String, AttributeValue> item) {
        return WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build();
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
