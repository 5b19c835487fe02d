package dev.ponte.sandbox;

import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Serves {@link SandboxRd} (and {@link SandboxStoreApis}) over real HTTP on its own port, so Ponte's RD client talks to it
 * exactly as it talks to RD, and so a Lambda-style dev loop never waits on a call into itself.
 * Started only when the sandbox is enabled.
 */
@Singleton
public class SandboxServer {

    @Inject
    SandboxConfig config;

    @Inject
    SandboxRd rd;

    @Inject
    SandboxLedger ledger;

    @Inject
    SandboxStoreApis stores;

    private HttpServer server;

    void start(@Observes StartupEvent start, Vertx vertx) throws Exception {
        if (!config.enabled()) {
            return;
        }
        Router router = Router.router(vertx);
        router.route().handler(BodyHandler.create().setBodyLimit(10 * 1024 * 1024));
        router.post("/auth/token").handler(ctx -> answer(ctx, rd.token(bytes(ctx))));
        router.post("/platform/events").handler(ctx -> answer(ctx, rd.event(ctx.request().getHeader("Authorization"),
                ctx.request().getParam("event_type"), bytes(ctx))));
        router.post("/platform/events/batch").handler(ctx -> answer(ctx, rd.batch(ctx.request().getHeader("Authorization"), bytes(ctx))));
        router.post("/platform/conversions").handler(ctx -> answer(ctx, rd.conversion(ctx.request().getParam("api_key"), bytes(ctx))));
        // The store APIs Nuvemshop's and VTEX's webhooks make Ponte call back (dev mode points them here).
        router.get("/nuvemshop/v1/:store/orders/:id").handler(ctx -> answer(ctx,
                stores.nuvemshopOrder(ctx.pathParam("id"), ctx.request().getHeader("Authentication"))));
        router.get("/vtex/:account/api/oms/pvt/orders/:orderId").handler(ctx -> answer(ctx, stores.vtexOrder(
                ctx.pathParam("orderId"), ctx.request().getHeader("X-VTEX-API-AppKey"),
                ctx.request().getHeader("X-VTEX-API-AppToken"))));
        router.get("/sandbox/events").handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .end(SandboxPages.json(ledger.newestFirst())));
        router.delete("/sandbox/events").handler(ctx -> {
            ledger.clear();
            ctx.response().setStatusCode(204).end();
        });
        router.post("/sandbox/clear").handler(ctx -> {
            ledger.clear();
            ctx.response().setStatusCode(303).putHeader("Location", "/sandbox").end();
        });
        router.get("/sandbox").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(SandboxPages.html(ledger.newestFirst())));
        server = vertx.createHttpServer().requestHandler(router).listen(config.port(), "localhost")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        Log.infof("RD sandbox listening on http://localhost:%d (accepted events at /sandbox)", server.actualPort());
    }

    void stop(@Observes ShutdownEvent stop) throws Exception {
        if (server != null) {
            server.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(RoutingContext ctx) {
        Buffer body = ctx.body().buffer();
        return body == null ? new byte[0] : body.getBytes();
    }

    private static void answer(RoutingContext ctx, SandboxRd.Answer answer) {
        ctx.response().setStatusCode(answer.status()).putHeader("Content-Type", "application/json")
                .end(answer.body() instanceof String text ? text : RdJson.string(answer.body())); // text: JSON already
    }
}
