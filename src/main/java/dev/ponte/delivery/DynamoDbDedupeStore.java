package dev.ponte.delivery;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Keys in a DynamoDB table, shared by every Lambda instance. A claim is a conditional put that
 * succeeds only when the key is absent or expired: DynamoDB deletes expired items lazily, so
 * an item past {@code expires_at} counts as gone.
 */
public final class DynamoDbDedupeStore implements DedupeStore {

    static final String KEY = "pk";
    static final String EXPIRES_AT = "expires_at";
    private static final String STATE = "state";
    private static final String RESULT = "result";

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;
    private final Duration ttl;
    private final Duration claimTimeout;

    public DynamoDbDedupeStore(DynamoDbClient dynamo, String table, Clock clock, Duration ttl, Duration claimTimeout) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.ttl = ttl;
        this.claimTimeout = claimTimeout;
    }

    @Override
    public Claim claim(String key) {
        long now = clock.instant().getEpochSecond();
        try {
            dynamo.putItem(put -> put.tableName(table)
                    .item(Map.of(KEY, s(key), STATE, s("pending"), EXPIRES_AT, n(now + claimTimeout.toSeconds())))
                    .conditionExpression("attribute_not_exists(#pk) OR #expires < :now")
                    .expressionAttributeNames(Map.of("#pk", KEY, "#expires", EXPIRES_AT))
                    .expressionAttributeValues(Map.of(":now", n(now))));
            return Claim.WON;
        } catch (ConditionalCheckFailedException taken) {
            GetItemResponse item = dynamo.getItem(get -> get.tableName(table).key(Map.of(KEY, s(key))).consistentRead(true));
            if (!item.hasItem()) {
                return claim(key); // released between our put and our read
            }
            AttributeValue state = item.item().get(STATE);
            if (state != null && "done".equals(state.s())) {
                AttributeValue result = item.item().get(RESULT);
                return Claim.done(result == null ? null : result.s());
            }
            return Claim.IN_PROGRESS;
        }
    }

    @Override
    public void complete(String key, String result) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        Map<String, AttributeValue> item = result == null
                ? Map.of(KEY, s(key), STATE, s("done"), EXPIRES_AT, n(expires))
                : Map.of(KEY, s(key), STATE, s("done"), RESULT, s(result), EXPIRES_AT, n(expires));
        dynamo.putItem(put -> put.tableName(table).item(item));
    }

    @Override
    public boolean completed(String key) {
        GetItemResponse item = dynamo.getItem(get -> get.tableName(table).key(Map.of(KEY, s(key))).consistentRead(true));
        if (!item.hasItem() || item.item().get(STATE) == null || !"done".equals(item.item().get(STATE).s())) {
            return false;
        }
        AttributeValue expires = item.item().get(EXPIRES_AT);
        return expires == null || Long.parseLong(expires.n()) >= clock.instant().getEpochSecond();
    }

    @Override
    public void release(String key) {
        dynamo.deleteItem(delete -> delete.tableName(table).key(Map.of(KEY, s(key))));
    }

    @Override
    public void remember(String key, String value, Duration ttl) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        dynamo.putItem(put -> put.tableName(table).item(Map.of(KEY, s(key), STATE, s("fact"), RESULT, s(value),
                EXPIRES_AT, n(expires))));
    }

    @Override
    public Optional<String> recall(String key) {
        GetItemResponse item = dynamo.getItem(get -> get.tableName(table).key(Map.of(KEY, s(key))));
        if (!item.hasItem() || item.item().get(RESULT) == null) {
            return Optional.empty();
        }
        AttributeValue expires = item.item().get(EXPIRES_AT);
        if (expires != null && Long.parseLong(expires.n()) < clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(item.item().get(RESULT).s());
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
