package dev.ponte.delivery;

import java.util.List;
import java.util.Optional;

/** Where undeliverable events wait for an operator: a directory locally, an SQS queue on AWS. */
public interface DeadLetterStore {

    /** Parks it durably, or throws: the caller then answers 503 so the sender retries. */
    void park(DeadLetter letter);

    /** The oldest first, at most {@code max}. */
    List<DeadLetter> list(int max);

    Optional<DeadLetter> get(String id);

    /** Replaces a parked letter after another failed attempt. */
    void update(DeadLetter letter);

    void remove(String id);

    /**
     * Why parking would fail right now, if this store can tell without a remote call; a
     * readiness probe asks it on every tick, so it must stay cheap.
     */
    default Optional<String> cannotPark() {
        return Optional.empty();
    }
}
