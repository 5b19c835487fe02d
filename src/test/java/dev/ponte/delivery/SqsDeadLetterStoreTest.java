package dev.ponte.delivery;

import dev.ponte.testing.ElasticMq;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The same promises, kept by messages of a real SQS-compatible queue. */
class SqsDeadLetterStoreTest extends DeadLetterStoreContract {

    private static SqsClient sqs;
    private DeadLetterStore store;

    @BeforeAll
    static void startElasticMq() {
        ElasticMq.ensureStarted();
        sqs = ElasticMq.client();
    }

    @AfterAll
    static void closeClient() {
        sqs.close();
    }

    @BeforeEach
    void freshQueue() {
        store = new SqsDeadLetterStore(sqs, ElasticMq.queue("dead-letters-" + UUID.randomUUID()));
    }

    @Override
    DeadLetterStore store() {
        return store;
    }
}
