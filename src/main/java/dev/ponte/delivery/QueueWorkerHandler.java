package dev.ponte.delivery;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Quarkus;
import java.time.Instant;
import java.util.List;

/**
 * The worker function's Lambda handler (Handler: {@code dev.ponte.delivery.QueueWorkerHandler::handleRequest}),
 * in the same artifact as the HTTP function. It is a plain class, not a RequestHandler bean:
 * the HTTP extension allows only one of those. Failed messages are reported one by one
 * (ReportBatchItemFailures), so only they come back.
 */
public class QueueWorkerHandler {

    public QueueWorkerHandler() {
        Quarkus.manualInitialize();
    }

    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        Quarkus.manualStart();
        return respond(Arc.container().instance(QueueWorker.class).get(), event);
    }

    static SQSBatchResponse respond(QueueWorker worker, SQSEvent event) {
        List<QueueWorker.Message> messages = event.getRecords().stream()
                .map(r -> new QueueWorker.Message(r.getMessageId(), r.getBody(), sentAt(r))).toList();
        List<SQSBatchResponse.BatchItemFailure> failures = worker.process(messages).stream()
                .map(id -> SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier(id).build())
                .toList();
        return SQSBatchResponse.builder().withBatchItemFailures(failures).build();
    }

    /** SQS's own clock: when it took the message, in the record's attributes. */
    private static Instant sentAt(SQSEvent.SQSMessage message) {
        return QueueWorker.Message.sentAt(message.getAttributes() == null ? null
                : message.getAttributes().get("SentTimestamp"));
    }
}
