package dev.ponte.delivery;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where dead letters are parked. */
@ConfigMapping(prefix = "ponte.dead-letters")
public interface DeadLetterConfig {

    /** {@code PONTE_DEAD_LETTERS_DIR}: one JSON file per dead letter, when no queue is set. */
    @WithDefault("dead-letters")
    String dir();

    /** {@code PONTE_DEAD_LETTERS_QUEUE_URL}: an SQS queue, the store on AWS. */
    Optional<String> queueUrl();
}
