package dev.ponte.webhook;

import dev.ponte.delivery.Platform;
import io.quarkus.logging.Log;
import io.quarkus.runtime.PreloadClassesRecorder;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * Lambda SnapStart snapshots the function after start-up; what runs before the snapshot is
 * restored already loaded and compiled. Before the checkpoint, every application class is loaded
 * (as Quarkus would have loaded them at every start) and the webhook path is walked
 * ({@link WebhookPathPriming}: nothing sent, claimed, recorded or parked). The hook is
 * registered on Lambda only; a server never takes a snapshot.
 */
@Singleton
public class SnapStartPriming implements Resource {

    // Looked up when the hook runs: this bean is made at every start to register itself, and
    // what the walk needs (RD's REST client among it) is not made there.
    @Inject
    Instance<WebhookPathPriming> path;

    void register(@Observes StartupEvent start) {
        if (!Platform.current().lambda()) {
            return; // only Lambda takes snapshots; elsewhere registering would load CRaC's classes for nothing
        }
        // The context holds resources weakly: this bean (a singleton) keeps itself alive.
        Core.getGlobalContext().register(this);
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        // Quarkus would load and initialise every application class at each start for the snapshot's
        // sake (quarkus.snapstart.preload-classes); Ponte turns that off, so that a start with no
        // snapshot to take does not pay for it (about 60 ms of a cold start), and does it here.
        PreloadClassesRecorder.preloadClasses(true);
        try {
            Log.infof("primed before the snapshot: %s RD events built, nothing sent", path.get().prime());
        } catch (RuntimeException e) {
            // A snapshot without priming is slower to its first webhook, not wrong.
            Log.warnf(e, "priming before the snapshot failed; the snapshot is taken unprimed");
        }
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // Nothing to undo: priming kept nothing.
    }
}
