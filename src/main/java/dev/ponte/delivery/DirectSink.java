package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

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

    @Override
    public List<Receipt> deliver(List<Delivery> claimed, Urgency urgency) {
        if (claimed.isEmpty()) {
            return List.of();
        }
        boolean background = urgency == Urgency.BACKGROUND;
        Instant deadline = clock.instant().plus(background ? redelivery.budget() : rd.budget());
        List<Sender.Sent> sent = background ? sender.send(claimed, deadline, true) : sharedCalls.send(claimed, deadline);
        return sent.stream().map(one -> settlement.settle(one, background)).toList();
    }
}
