package dev.ponte.journal;

import dev.ponte.delivery.AwsClients;
import dev.ponte.delivery.DedupeConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * Chooses where the journal lives, once: with the rest of Ponte's state in the DynamoDB table
 * when {@code PONTE_DEDUPE_TABLE} is set (every instance writes there, so the console sees them
 * all), else in this process's memory. Nothing is opened until the first request.
 */
@ApplicationScoped
public class JournalStores {

    @Produces
    @Singleton
    JournalStore store(DedupeConfig dedupe, JournalConfig journal, AwsClients aws, Clock clock) {
        return dedupe.table().filter(table -> !table.isBlank())
                .<JournalStore>map(table -> new DynamoDbJournalStore(aws.dynamo(), table, clock, journal.ttl()))
                .orElseGet(() -> new MemoryJournalStore(journal.size()));
    }
}
