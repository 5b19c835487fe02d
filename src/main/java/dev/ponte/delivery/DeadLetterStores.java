package dev.ponte.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;

/** Chooses the dead-letter store: the SQS queue when one is named, the directory otherwise. */
@ApplicationScoped
public class DeadLetterStores {

    @Produces
    @ApplicationScoped
    DeadLetterStore deadLetterStore(DeadLetterConfig config, AwsClients aws) {
        return config.queueUrl()
                .filter(url -> !url.isBlank())
                .<DeadLetterStore>map(url -> new SqsDeadLetterStore(aws.sqs(), url))
                .orElseGet(() -> new DirectoryDeadLetterStore(Path.of(config.dir())));
    }
}
