package dev.ponte.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** Chooses the dedupe store from configuration: DynamoDB when a table is named, memory otherwise. */
@ApplicationScoped
public class DedupeStores {

    @Produces
    @ApplicationScoped
    DedupeStore dedupeStore(DedupeConfig config, AwsClients aws, Clock clock) {
        return config.table()
                .filter(table -> !table.isBlank())
                .<DedupeStore>map(table -> new DynamoDbDedupeStore(aws.dynamo(), table, clock, config.ttl(),
                        config.claimTimeout()))
                .orElseGet(() -> new InMemoryDedupeStore(clock, config.ttl(), config.claimTimeout()));
    }
}
