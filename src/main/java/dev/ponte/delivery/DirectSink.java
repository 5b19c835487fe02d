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
 * the redelivery budget, paced under the account's rate limit.
 */
@ApplicationScoped
@Identifier("direct")
public class DirectSink implements DeliverySink {

    private final Sender sender;
    private final Settlement settlement;
    private final RdConfig rd;
    private final RedeliveryConfig redelivery;
    private final Clock clock;

    @Inject
    public DirectSink(Sender sender, Settlement settlement, RdConfig rd, RedeliveryConfig redelivery, Clock clock) {
        this.sender = sender;
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
        return sender.send(claimed, deadline, background).stream().map(sent -> settlement.settle(sent, background)).toList();
    }
}
