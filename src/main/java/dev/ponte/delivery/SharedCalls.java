package dev.ponte.delivery;

import dev.ponte.rd.RdConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * than its own budget allows. A caller that finds a call free makes it on its own thread; a caller
 * that has to wait holds no thread while it waits: its answer is a future, completed when the
 * call that took it ends, and the next call is made on one of this class's threads. A burst with
 * RD slow to answer would otherwise hold a worker thread per waiting webhook, and with the worker
 * pool full, vendors waited for a thread before their budget even began (bench/slow-rd.sh: 800
 * vendors at once, RD answering in 1 s, waited 6 s at the median; 1.6 s since). Each caller then settles its
 * own deliveries. When RD refuses a shared call, each caller sends its own
 * deliveries again, all at the same moment, so the one RD refuses is found without holding up the
 * others (taken apart one delivery after another, a refused call of sixteen would outlast the
 * budget of most of them).
 */
@ApplicationScoped
public class SharedCalls {

    /** One caller's deliveries and what became of them, once a call has taken them and ended. */
    private static final class Waiting {
        final List<Delivery> deliveries;
        final Instant deadline;
        final CompletableFuture<List<Sender.Sent>> answer = new CompletableFuture<>();

        Waiting(List<Delivery> deliveries, Instant deadline) {
            this.deliveries = deliveries;
            this.deadline = deadline;
        }
    }

    private final Sender sender;
    private final int callsAtOnce;
    private final ReentrantLock lock = new ReentrantLock();
    /** Callers no call has taken yet, first come first. */
    private final ArrayDeque<Waiting> waiting = new ArrayDeque<>();
    private int underWay;
    /** Threads settling the deliveries of callers who waited, at most. */
    static final int SETTLING = 64;
    /**
     * Makes the calls of callers who waited (at most {@code PONTE_RD_CALLS_AT_ONCE} at a time, as
     * {@link #underWay} counts them), and hands their answers to callers who must send again alone
     * (RD refused the call they shared): those go all at the same moment, as before.
     */
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "ponte-shared-calls");
        thread.setDaemon(true);
        return thread;
    });
    /**
     * Hands callers who waited their answers, and settles their deliveries: up to {@value #SETTLING}
     * threads, made when first needed. One per caller would be hundreds in a burst (measured: 1 035
     * threads and 887 MB with 800 vendors at once); a few would settle a call's deliveries a few at a
     * time, and the embedded store's commits, which concurrent settlements share, would come one
     * after another (measured with four: a quarter fewer webhooks a second at 32 connections).
     */
    private final ExecutorService answers = Executors.newFixedThreadPool(SETTLING, runnable -> {
        Thread thread = new Thread(runnable, "ponte-shared-answers");
        thread.setDaemon(true);
        return thread;
    });

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

    /**
     * What {@link Sender#send} answers for {@code deliveries}, unpaced, sent alone or with others'.
     * Complete on return when this caller made the call itself; otherwise completed, on one of this
     * class's threads, when the call that takes them ends.
     */
    public CompletableFuture<List<Sender.Sent>> send(List<Delivery> deliveries, Instant deadline) {
        Waiting mine = new Waiting(deliveries, deadline);
        List<Waiting> group;
        lock.lock();
        try {
            waiting.add(mine);
            group = null;
            if (underWay < callsAtOnce) {
                underWay++;
                group = takeAll();
            }
        } finally {
            lock.unlock();
        }
        if (group != null) {
            call(group, mine);
        }
        return mine.answer.thenApply(sent -> againIfRefusedWithOthers(mine, sent));
    }

    /** Deliveries of a shared call RD refused as a whole go again, this sender's alone, to find which RD refuses. */
    private List<Sender.Sent> againIfRefusedWithOthers(Waiting mine, List<Sender.Sent> shared) {
        List<Delivery> again = shared.stream().filter(Sender.Sent::refusedWithOthers).map(Sender.Sent::delivery).toList();
        if (again.isEmpty()) {
            return shared;
        }
        List<Sender.Sent> answers = sender.send(again, mine.deadline, false);
        List<Sender.Sent> sent = new ArrayList<>(shared.size());
        int next = 0;
        for (Sender.Sent one : shared) {
            sent.add(one.refusedWithOthers() ? answers.get(next++) : one);
        }
        return sent;
    }

    /**
     * Makes one call for {@code group} (taken, with {@link #underWay} counted, under the lock),
     * without the lock. Whatever happens, everyone in the group hears: {@code caller}, who made the
     * call on its own thread, at once; the others on this class's answering threads, each settling its own.
     * Callers who came meanwhile go together in the next call, made on one of this class's threads.
     */
    private void call(List<Waiting> group, Waiting caller) {
        List<Delivery> all = new ArrayList<>();
        Instant deadline = group.get(0).deadline;
        for (Waiting one : group) {
            all.addAll(one.deliveries);
            deadline = one.deadline.isBefore(deadline) ? one.deadline : deadline;
        }
        List<Sender.Sent> sent = null;
        RuntimeException failure = null;
        List<Waiting> next;
        try {
            sent = group.size() == 1 ? sender.send(all, deadline, false) : sender.sendShared(all, deadline);
        } catch (RuntimeException e) {
            failure = e;
        } finally {
            lock.lock();
            try {
                // Those who came meanwhile take this call's place; with nobody waiting, it is free.
                next = waiting.isEmpty() ? null : takeAll();
                if (next == null) {
                    underWay--;
                }
            } finally {
                lock.unlock();
            }
            int at = 0;
            for (Waiting one : group) {
                List<Sender.Sent> own = sent == null ? null : sent.subList(at, at + one.deliveries.size());
                // What the send threw; with an Error on its way up, a failure made only then, so those
                // waiting on this call hear of it too.
                RuntimeException failed = failure != null ? failure : new IllegalStateException("sending to RD failed");
                Runnable hear = () -> {
                    if (own == null) {
                        one.answer.completeExceptionally(failed);
                    } else {
                        one.answer.complete(own);
                    }
                };
                if (one == caller) {
                    hear.run();
                } else if (own != null && own.stream().anyMatch(Sender.Sent::refusedWithOthers)) {
                    calls.execute(hear); // it sends again before it settles: not behind the others' settling
                } else {
                    answers.execute(hear);
                }
                at += one.deliveries.size();
            }
            if (next != null) {
                // This call's place goes to those who waited, on a thread of this class, so that the
                // caller answers its own sender now.
                calls.execute(() -> call(next, null));
            }
        }
    }

    /** Called holding the lock: every caller waiting, for one call. */
    private List<Waiting> takeAll() {
        List<Waiting> group = new ArrayList<>(waiting);
        waiting.clear();
        return group;
    }

    @PreDestroy
    void stop() {
        calls.shutdown();
        answers.shutdown();
    }
}
