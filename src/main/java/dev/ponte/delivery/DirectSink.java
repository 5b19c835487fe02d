package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code PONTE_DELIVERY_MODE=direct}: sends while the sender waits, within {@code PONTE_RD_BUDGET}
 * (so a vendor with a 3-second timeout is answered in time), unpaced; in the background within
 * the redelivery budget, paced under the account's rate limit. Senders waiting at the same moment
 * share calls beyond {@code PONTE_RD_CALLS_AT_ONCE} ({@link SharedCalls}).
 */
@ApplicationScoped
@Identifier("direct")
public class DirectSink implements DeliverySink {

    private final Sender sender;
    private final SharedCalls sharedCalls;
    private final Settlement settlement;
    private final RdConfig rd;
    private final RedeliveryConfig redelivery;
    private final Clock clock;

    @Inject
    public DirectSink(Sender sender, SharedCalls sharedCalls, Settlement settlement, RdConfig rd, RedeliveryConfig redelivery,
            Clock clock) {
        this.sender = sender;
        this.sharedCalls = sharedCalls;
        this.settlement = settlement;
        this.rd = rd;
        this.redelivery = redelivery;
        this.clock = clock;
    }

    /**
     * In the background, sent and settled on the caller's thread. A sender waiting: within
     * {@code PONTE_RD_BUDGET}, in calls shared with other senders', no thread held while waiting for one.
     */
    @Override
    public CompletionStage<List<Receipt>> deliver(List<Delivery> claimed, Urgency urgency) {
        if (claimed.isEmpty()) {
            return CompletableFuture.completedFuture(List.of());
        }
        if (urgency == Urgency.BACKGROUND) {
            Instant deadline = clock.instant().plus(redelivery.budget());
            return CompletableFuture.completedFuture(
                    sender.send(claimed, deadline, true).stream().map(one -> settlement.settle(one, true)).toList());
        }
        Instant deadline = clock.instant().plus(rd.budget());
        return sharedCalls.send(claimed, deadline).thenApply(sent -> sent.stream().map(one -> settlement.settle(one, false)).toList());
    }
}
