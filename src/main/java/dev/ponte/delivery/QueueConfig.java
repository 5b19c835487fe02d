package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The SQS queue between ingress and worker, in queue mode. */
@ConfigMapping(prefix = "ponte.queue")
public interface QueueConfig {

    /** {@code PONTE_QUEUE_URL}. */
    Optional<String> url();

    /** How long the worker may spend on one RD call, retries included; SQS redelivers the rest later. */
    @WithDefault("20s")
    Duration workerBudget();

    /**
     * {@code PONTE_QUEUE_POLL}: whether this process consumes the queue itself (the plain HTTP
     * server). On Lambda the SQS trigger feeds the worker function, and this is false.
     */
    @WithDefault("true")
    boolean poll();

    /**
     * {@code PONTE_QUEUE_BATCH_SIZE}: how many queued deliveries the poller gathers for one worker
     * run. More per run means fuller RD batches and fewer calls against the rate limit.
     */
    @WithDefault("100")
    int batchSize();

    /**
     * {@code PONTE_QUEUE_BATCH_WINDOW}: after the first message, how long the poller keeps
     * gathering before the worker runs (as the Lambda trigger's batching window does).
     */
    @WithDefault("2s")
    java.time.Duration batchWindow();
}
