package dev.ponte.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.ponte.delivery.state.StateStore;
import dev.ponte.rd.events.RdEvent;
import dev.ponte.rd.events.SalePayloadBuilder;
import dev.ponte.testing.TestState;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * What a delivery teaches is kept before its key records that RD took it: the embedded store then
 * commits the facts with the key (EmbeddedStateStoreTest checks that against a killed process),
 * instead of leaving them to a commit of their own, or to none before the process dies.
 */
class SettlementOrderTest {

    private final StateStore store = TestState.store();
    private final Claims claims = new Claims(store);
    private final List<Boolean> keyRecordedWhenObserved = new ArrayList<>();

    /** The observers of {@link Delivered}, as CDI calls them: here, one noting what the key said then. */
    private final Event<Delivered> observers = new Event<>() {
        @Override
        public void fire(Delivered delivered) {
            keyRecordedWhenObserved.add(claims.alreadyDelivered(delivered.delivery().source(),
                    delivered.delivery().deliveryId()));
        }

        @Override
        public <U extends Delivered> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException("Settlement fires synchronously");
        }

        @Override
        public <U extends Delivered> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException("Settlement fires synchronously");
        }

        @Override
        public Event<Delivered> select(Annotation... qualifiers) {
            return this;
        }

        @Override
        public <U extends Delivered> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException("Settlement selects no subtype");
        }

        @Override
        public <U extends Delivered> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException("Settlement selects no subtype");
        }
    };

    @Test
    void whatADeliveryTeachesIsObservedBeforeItsKeyRecordsIt() {
        Delivery order = Delivery.builder().source("shopify").topic("orders/create").deliveryId("order-7001:placed")
                .events(List.of(RdEvent.of(SalePayloadBuilder.builder().email("maria@example.com")
                        .funnelName("default").value(new BigDecimal("199.90")).build())))
                .build();
        assertThat(claims.claim(order).won()).isTrue();

        Settlement settlement = new Settlement(claims, null, null, observers);
        settlement.record(order, JsonNodeFactory.instance.objectNode().put("event_uuid", "u-1"), 1, false);

        assertThat(keyRecordedWhenObserved).containsExactly(false);
        assertThat(claims.alreadyDelivered("shopify", "order-7001:placed")).isTrue();
    }
}
