package dev.ponte.delivery.state;

class MemoryStateStoreTest extends StateStoreContract {

    private final MemoryStateStore store = new MemoryStateStore(clock, RETENTION);

    @Override
    protected StateStore store() {
        return store;
    }
}
