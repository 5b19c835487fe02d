package dev.ponte.delivery.state;

import dev.ponte.testing.Dynalite;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The same promises, kept by conditional writes and the due index of a real DynamoDB-compatible server. */
class DynamoDbStateStoreTest extends StateStoreContract {

    private static DynamoDbClient dynamo;
    private final StateStore store = new DynamoDbStateStore(dynamo, Dynalite.TABLE, clock, RETENTION);

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
    protected StateStore store() {
        return store;
    }
}
