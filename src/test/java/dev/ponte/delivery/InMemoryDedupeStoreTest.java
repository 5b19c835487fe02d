package dev.ponte.delivery;

class InMemoryDedupeStoreTest extends DedupeStoreContract {

    private final DedupeStore store = new InMemoryDedupeStore(clock, TTL, CLAIM_TIMEOUT);

    @Override
    DedupeStore store() {
        return store;
    }
}
