package dev.ponte.webhook;

import dev.ponte.rd.RdErrors;
import dev.ponte.rd.events.RdJson;
import io.quarkus.logging.Log;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.UncheckedIOException;

/**
 * Reads request bodies on the event loop, before a worker thread is given to the request: a
 * client that sends its headers and then stalls costs a connection and a little memory, never a
 * worker thread, and is answered 408 once {@code PONTE_BODY_READ_TIMEOUT} has passed without the
 * whole body. Bodies announced or grown beyond {@code PONTE_MAX_BODY_SIZE} are answered 413 as
 * soon as that is known. Both answers are in RD's error shape and close the connection.
 */
@ApplicationScoped
public class BodyReading {

    private static final String TIMER = "ponte.body-timer";
    private static final String READ = "ponte.body-read";
    /** Runs before the REST layer, which then finds the body already in memory. */
    private static final int ORDER = -200;

    void install(@Observes Router router, EdgeConfig config, Vertx vertx) {
        long max = config.maxBodySize().asLongValue();
        long timeoutMs = config.bodyReadTimeout().toMillis();
        Handler<RoutingContext> start = ctx -> {
            if (!readsBody(ctx)) {
                ctx.next();
                return;
            }
            String announced = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (announced != null && tooLarge(announced, max)) {
                refuse(ctx, 413, "PAYLOAD_TOO_LARGE", "The body announces " + announced.trim()
                        + " bytes; the limit is " + max + " (PONTE_MAX_BODY_SIZE).");
                return;
            }
            long timer = vertx.setTimer(timeoutMs, id -> refuse(ctx, 408, "REQUEST_TIMEOUT",
                    "The body did not arrive within " + config.bodyReadTimeout().toSeconds()
                            + " s (PONTE_BODY_READ_TIMEOUT); send the whole request again."));
            ctx.put(TIMER, timer);
            ctx.next();
        };
        // One byte over the limit is enough to know the body is too large.
        Handler<RoutingContext> body = BodyHandler.create(false).setBodyLimit(max + 1).setMergeFormAttributes(false);
        Handler<RoutingContext> done = ctx -> {
            if (!readsBody(ctx)) {
                ctx.next();
                return;
            }
            cancelTimer(ctx, vertx);
            ctx.put(READ, true);
            if (ctx.body() != null && ctx.body().length() > max) {
                refuse(ctx, 413, "PAYLOAD_TOO_LARGE", "The body is over " + max + " bytes (PONTE_MAX_BODY_SIZE).");
                return;
            }
            ctx.next();
        };
        Handler<RoutingContext> failed = ctx -> {
            if (ctx.failure() instanceof io.vertx.core.http.HttpClosedException) {
                // The sender hung up (a load generator stopping, a vendor's timeout): there is no one
                // to answer. What the request did is recorded as usual; the sender sends it again.
                cancelTimer(ctx, vertx);
                Log.debugf("%s %s: the sender closed the connection first", ctx.request().method(), ctx.normalizedPath());
                return;
            }
            if (!readsBody(ctx) || ctx.get(READ) != null) {
                ctx.next(); // a failure after the body was read belongs to whoever handles the request
                return;
            }
            cancelTimer(ctx, vertx);
            if (ctx.statusCode() == 413) {
                refuse(ctx, 413, "PAYLOAD_TOO_LARGE", "The body is over " + max + " bytes (PONTE_MAX_BODY_SIZE).");
            } else if (!ctx.response().ended()) {
                refuse(ctx, 400, "INVALID_FORMAT", "The body could not be read; send the request again.");
            }
        };
        Handler<RoutingContext> read = ctx -> {
            if (readsBody(ctx) && !ctx.request().isEnded()) {
                body.handle(ctx);
            } else {
                ctx.next();
            }
        };
        router.route().order(ORDER).handler(start).handler(read).handler(done).failureHandler(failed);
    }

    /**
     * Requests to the endpoints that take a body (webhooks and RD's Events API) that announce one:
     * HTTP/1.1 has a body only with a Content-Length above zero or a Transfer-Encoding. An empty
     * request is left to the REST layer, which answers it at once.
     */
    private static boolean readsBody(RoutingContext ctx) {
        if (!HttpMethod.POST.equals(ctx.request().method())) {
            return false;
        }
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean announced = ctx.request().getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || (length != null && !length.trim().equals("0"));
        if (!announced) {
            return false;
        }
        String path = ctx.normalizedPath();
        return path.startsWith("/webhooks/") || path.equals("/events") || path.startsWith("/events/");
    }

    private static boolean tooLarge(String announced, long max) {
        try {
            return Long.parseLong(announced.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // the server refuses a malformed Content-Length itself
        }
    }

    private static void cancelTimer(RoutingContext ctx, Vertx vertx) {
        Long timer = ctx.get(TIMER);
        if (timer != null) {
            vertx.cancelTimer(timer);
        }
    }

    private static void refuse(RoutingContext ctx, int status, String type, String message) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        String body;
        try {
            body = RdJson.mapper().writeValueAsString(RdErrors.of(type, message));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        Log.debugf("refused %s %s: %d %s", ctx.request().method(), ctx.normalizedPath(), status, type);
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close").end(body)
                .onComplete(ignored -> {
                    if (ctx.request().connection() != null) {
                        ctx.request().connection().close();
                    }
                });
    }
}
