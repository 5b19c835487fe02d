package dev.ponte.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.delivery.DeadLetters;
import dev.ponte.rd.RdCircuit;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * What a Quarkus test that sends webhooks starts from: RD's stand-in with no stubs and no requests
 * ({@link RdStubs#reset}), every circuit closed, and no dead letter left by an earlier test.
 */
@Singleton
public class FreshState {

    @Inject
    RdCircuit breakers;

    @Inject
    DeadLetters deadLetters;

    public void reset(WireMockServer rd) {
        RdStubs.reset(rd);
        breakers.reset();
        deadLetters.list(1_000).forEach(letter -> deadLetters.remove(letter.id()));
    }
}
