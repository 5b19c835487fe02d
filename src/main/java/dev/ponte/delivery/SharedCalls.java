package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The calls to RD made while senders wait. Up to {@code PONTE_RD_CALLS_AT_ONCE} are under way at
 * once, each delivery in its own call as it comes; when that many are under way, the deliveries
 * that arrive meanwhile wait for the first call to end, then go together in the next, as one
 * batch ({@link Sender} packs it, finds a delivery RD refuses, keeps a contact's events in order).
 * Light traffic is sent exactly as it comes; a burst costs RD a fraction of the calls (RD counts
 * calls against the account's limit, not events), and Ponte a fraction of the requests it makes.
 *
 * <p>A shared call ends by the earliest deadline of the deliveries in it, so none is answered later
 * than its own budget allows. Whoever sends a shared call does it on its own thread, then each
 * caller settles its own deliveries. When RD refuses a shared call, each caller sends its own
 * deliveries again, all at the same moment, so the one RD refuses is found without holding up the
 * others (taken apart one delivery after another, a refused call of sixteen would outlast the
 * budget of most of them).
 */
@ApplicationScoped
public class SharedCalls {

    /** One caller's deliveries, what became of them, and whether a call has taken them. */
    private static final class Waiting {
        final List<Delivery> deliveries;
        final Instant deadline;
        boolean taken;
        List<Sender.Sent> sent;
        RuntimeException failure;

        Waiting(List<Delivery> deliveries, Instant deadline) {
            this.deliveries = deliveries;
            this.deadline = deadline;
        }

        boolean done() {
            return sent != null || failure != null;
        }
    }

    private final Sender sender;
    private final int callsAtOnce;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition callEnded = lock.newCondition();
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int underWay;

    @Inject
    public SharedCalls(Sender sender, RdConfig rd) {
        this.sender = sender;
        this.callsAtOnce = atOnce(rd.callsAtOnce());
    }

    /** {@code PONTE_RD_CALLS_AT_ONCE} as configured, refused (at start, by {@link Sinks}) when it allows no call. */
    static int atOnce(int configured) {
        if (configured < 1) {
            throw new IllegalStateException("PONTE_RD_CALLS_AT_ONCE must be at least 1, not " + configured);
        }
        return configured;
    }

    /** What {@link Sender#send} answers for {@code deliveries}, unpaced, sent alone or with others'. */
    public List<Sender.Sent> send(List<Delivery> deliveries, Instant deadline) {
        Waiting mine = new Waiting(deliveries, deadline);
        lock.lock();
        try {
            waiting.add(mine);
            while (!mine.done()) {
                if (!mine.taken && underWay < callsAtOnce) {
                    call(takeAll());
                } else {
                    callEnded.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return againIfRefusedWithOthers(mine);
    }

    /** Deliveries of a shared call RD refused as a whole go again, this sender's alone, to find which RD refuses. */
    private List<Sender.Sent> againIfRefusedWithOthers(Waiting mine) {
        List<Delivery> again = mine.sent.stream().filter(Sender.Sent::refusedWithOthers).map(Sender.Sent::delivery).toList();
        if (again.isEmpty()) {
            return mine.sent;
        }
        List<Sender.Sent> answers = sender.send(again, mine.deadline, false);
        List<Sender.Sent> sent = new ArrayList<>(mine.sent.size());
        int next = 0;
        for (Sender.Sent one : mine.sent) {
            sent.add(one.refusedWithOthers() ? answers.get(next++) : one);
        }
        return sent;
    }

    /** Called holding the lock; sends without it. Whatever happens, everyone in {@code group} hears. */
    private void call(List<Waiting> group) {
        underWay++;
        List<Delivery> all = new ArrayList<>();
        Instant deadline = group.get(0).deadline;
        for (Waiting one : group) {
            all.addAll(one.deliveries);
            deadline = one.deadline.isBefore(deadline) ? one.deadline : deadline;
        }
        List<Sender.Sent> sent = null;
        RuntimeException failure = null;
        lock.unlock();
        try {
            sent = group.size() == 1 ? sender.send(all, deadline, false) : sender.sendShared(all, deadline);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            underWay--;
            int at = 0;
            for (Waiting one : group) {
                if (sent == null) {
                    // What the send threw; with an Error on its way up, a failure made only then, so those
                    // waiting on this call hear of it too.
                    one.failure = failure != null ? failure : new IllegalStateException("sending to RD failed");
                } else {
                    one.sent = sent.subList(at, at + one.deliveries.size());
                }
                at += one.deliveries.size();
            }
            callEnded.signalAll();
        }
    }

    private List<Waiting> takeAll() {
        List<Waiting> group = new ArrayList<>(waiting);
        waiting.clear();
        group.forEach(one -> one.taken = true);
        return group;
    }
}
