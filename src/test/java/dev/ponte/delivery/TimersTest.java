package dev.ponte.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.ponte.testing.RdStubs.EVENTS;
import static dev.ponte.testing.RdStubs.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ponte.rd.RdCircuit;
import dev.ponte.rd.events.RdJson;
import dev.ponte.testing.Fixtures;
import dev.ponte.testing.InjectRd;
import dev.ponte.testing.RdStubs;
import dev.ponte.testing.TestClock;
import dev.ponte.testing.WireMockRd;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A delivery scheduled for later reaches RD once when it comes due, and never if cancelled first. */
@QuarkusTest
@WithTestResource(WireMockRd.class)
class TimersTest {

    @InjectRd
    WireMockServer rd;

    @Inject
    Timers timers;

    @Inject
    Redelivery redelivery;

    @Inject
    RdCircuit circuit;

    @Inject
    Clock clock;

    @BeforeEach
    void fresh() {
        RdStubs.reset(rd);
        circuit.reset();
        redelivery.sweep(); // whatever earlier tests left due
        rd.resetRequests();
        rd.stubFor(post(urlPathEqualTo(EVENTS)).willReturn(accepted("cart-uuid")));
    }

    static Delivery abandonedCart(String id) {
        return Delivery.builder().source("shopify").deliveryId("cart-" + id + ":abandoned")
                .events(List.of(RdJson.event(Fixtures.json("rd/examples/CART_ABANDONED.json")))).build();
    }

    @Test
    void aTimerFiresOnceWhenItComesDueAndNotBefore() {
        String id = UUID.randomUUID().toString();
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofHours(1)), abandonedCart(id));

        TestClock.advance(Duration.ofMinutes(59));
        assertThat(redelivery.sweep().timers()).isZero();
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));

        TestClock.advance(Duration.ofMinutes(2));
        assertThat(redelivery.sweep().timers()).isEqualTo(1);
        assertThat(redelivery.sweep().timers()).isZero();
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
        assertThat(timers.scheduled("cart:" + id)).isFalse();
    }

    @Test
    void aCancelledTimerNeverFires() {
        String id = UUID.randomUUID().toString();
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofHours(1)), abandonedCart(id));
        assertThat(timers.cancel("cart:" + id)).isTrue();
        assertThat(timers.cancel("cart:" + id)).isFalse();

        TestClock.advance(Duration.ofHours(2));
        redelivery.sweep();
        rd.verify(0, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void schedulingAgainUnderTheSameNameMovesTheTimer() {
        String id = UUID.randomUUID().toString();
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofMinutes(10)), abandonedCart(id));
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofHours(1)), abandonedCart(id));

        TestClock.advance(Duration.ofMinutes(11));
        assertThat(redelivery.sweep().timers()).isZero();
        TestClock.advance(Duration.ofHours(1));
        assertThat(redelivery.sweep().timers()).isEqualTo(1);
        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }

    @Test
    void aTimerWhoseDeliveryWentThroughAnotherWayIsADuplicate() {
        String id = UUID.randomUUID().toString();
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofMinutes(5)), abandonedCart(id));
        TestClock.advance(Duration.ofMinutes(6));
        redelivery.sweep();
        timers.schedule("cart:" + id, clock.instant().plus(Duration.ofMinutes(5)), abandonedCart(id));
        TestClock.advance(Duration.ofMinutes(6));
        redelivery.sweep();

        rd.verify(1, postRequestedFor(urlPathEqualTo(EVENTS)));
    }
}
