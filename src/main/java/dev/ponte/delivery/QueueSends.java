package dev.ponte.delivery;

import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Puts messages on the queue for every request at once: what concurrent requests hand in while a
 * call to SQS is under way goes out together in the next call, up to SQS's ten per call, with
 * {@link #SENDERS} calls at a time. Under a burst that is a tenth of the calls, each request
 * waiting for one short call rather than queueing behind the others'; alone, a message goes at
 * once. Each message is answered with its SQS message id, or why it was not taken.
 */
@ApplicationScoped
public class QueueSends {

    /** What became of one message: its id, or why SQS did not take it. */
    public record Sent(String messageId, String failure) {
    }

    /** Calls to SQS in flight at once; the JDK's HTTP client keeps five connections per host alive. */
    static final int SENDERS = 4;
    private static final int PER_CALL = 10;

    private record Message(String queueUrl, String body, CompletableFuture<Sent> answer) {
    }

    private final AwsClients aws;
    private final BlockingQueue<Message> waiting = new LinkedBlockingQueue<>();
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean started;
    private volatile boolean running = true;
    private final AtomicBoolean warnedUnreachable = new AtomicBoolean();

    @Inject
    public QueueSends(AwsClients aws) {
        this.aws = aws;
    }

    /** Queues {@code bodies} on {@code queueUrl}; the answers are in the same order. */
    public List<CompletableFuture<Sent>> send(String queueUrl, List<String> bodies) {
        startSenders();
        List<CompletableFuture<Sent>> answers = new ArrayList<>(bodies.size());
        for (String body : bodies) {
            CompletableFuture<Sent> answer = new CompletableFuture<>();
            waiting.add(new Message(queueUrl, body, answer));
            answers.add(answer);
        }
        return answers;
    }

    /**
     * Starts the senders now, each opening its connection to SQS with one small call before it
     * takes messages, so that a burst arriving just after start does not wait for the SQS client
     * to be made and {@link #SENDERS} connections to be opened (that was the slowest 2% of a burst's
     * answers, 0.4–0.6 s). Any answer from SQS counts, a refusal too (the role may send without
     * reading the queue's attributes); no answer is logged, once.
     */
    public void warmUp(String queueUrl) {
        startSenders(queueUrl);
    }

    private void warm(String queueUrl) {
        try {
            aws.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES));
        } catch (SdkServiceException answered) {
            // SQS answered: the client is made and the connection open, which is all this was for.
        } catch (RuntimeException e) {
            if (warnedUnreachable.compareAndSet(false, true)) {
                Log.warnf("the queue %s did not answer at start-up: %s", queueUrl, e.getMessage());
            }
        }
    }

    /** Started by the first send (on Lambda) or at start ({@link #warmUp}): a deployment in direct mode never has them. */
    private void startSenders() {
        startSenders(null);
    }

    private void startSenders(String warmUpUrl) {
        if (started) {
            return;
        }
        synchronized (senders) {
            if (!started) {
                for (int i = 0; i < SENDERS; i++) {
                    Thread sender = new Thread(() -> {
                        if (warmUpUrl != null) {
                            warm(warmUpUrl);
                        }
                        sendWhileRunning();
                    }, "ponte-queue-send-" + i);
                    sender.setDaemon(true);
                    sender.start();
                    senders.add(sender);
                }
                started = true;
            }
        }
    }

    private void sendWhileRunning() {
        List<Message> batch = new ArrayList<>(PER_CALL);
        while (running) {
            try {
                Message first = waiting.poll(1, TimeUnit.SECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, PER_CALL - 1);
                sendBatch(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // Never leave a request waiting: whatever went wrong is its answer.
                batch.forEach(m -> m.answer().complete(new Sent(null, "the queue could not be reached")));
                Log.errorf(e, "could not enqueue %d deliveries", batch.size());
            } finally {
                batch.clear();
            }
        }
    }

    /** One call per queue URL among the gathered messages (there is one URL in practice). */
    private void sendBatch(List<Message> batch) {
        Map<String, List<Message>> byQueue = new HashMap<>();
        batch.forEach(m -> byQueue.computeIfAbsent(m.queueUrl(), url -> new ArrayList<>()).add(m));
        byQueue.forEach(this::sendTo);
    }

    private void sendTo(String url, List<Message> messages) {
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            entries.add(SendMessageBatchRequestEntry.builder().id(String.valueOf(i)).messageBody(messages.get(i).body())
                    .build());
        }
        SendMessageBatchResponse sent;
        try {
            sent = aws.sqs().sendMessageBatch(b -> b.queueUrl(url).entries(entries));
        } catch (RuntimeException e) {
            Log.errorf(e, "could not enqueue %d deliveries", messages.size());
            messages.forEach(m -> m.answer().complete(new Sent(null, "the queue could not be reached")));
            return;
        }
        Map<String, String> ids = new HashMap<>();
        sent.successful().forEach(ok -> ids.put(ok.id(), ok.messageId()));
        Map<String, String> errors = new HashMap<>();
        sent.failed().forEach(bad -> errors.put(bad.id(), bad.code() + ": " + bad.message()));
        for (int i = 0; i < messages.size(); i++) {
            String id = ids.get(String.valueOf(i));
            messages.get(i).answer().complete(id != null ? new Sent(id, null)
                    : new Sent(null, errors.getOrDefault(String.valueOf(i), "no answer from SQS")));
        }
    }

    @PreDestroy
    void stop() {
        running = false;
        synchronized (senders) {
            senders.forEach(Thread::interrupt);
        }
        Message left;
        while ((left = waiting.poll()) != null) {
            left.answer().complete(new Sent(null, "Ponte is stopping"));
        }
    }
}
