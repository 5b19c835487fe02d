package dev.ponte.delivery;

import dev.ponte.testing.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same promises, kept by conditional writes against a real DynamoDB-compatible server. */
class DynamoDbDedupeStoreTest extends DedupeStoreContract {

    private static DynamoDbClient dynamo;
    private final DedupeStore store = new DynamoDbDedupeStore(dynamo, Dynalite.TABLE, clock, TTL, CLAIM_TIMEOUT);

    @BeforeAll
    static void startDynalite() {
        Dynalite.ensureStarted();
        dynamo = Dynalite.client();
    }

    @AfterAll
    static void closeClient() {
        dynamo.close();
    }

    @Override
    DedupeStore store() {
        return store;
    }
}
