package dev.ponte.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ponte.rd.events.RdJson;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the sandbox shows a person: the accepted events as JSON and as a small HTML page. */
final class SandboxPages {

    /** Received times as a person reads them, in UTC as the JSON gives them. */
    private static final DateTimeFormatter SHOWN_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS 'UTC'")
            .withZone(java.time.ZoneOffset.UTC);

    private SandboxPages() {
    }

    static String json(List<SandboxLedger.Entry> entries) {
        var array = RdJson.mapper().createArrayNode();
        for (SandboxLedger.Entry e : entries) {
            ObjectNode entry = array.addObject()
                    .put("event_uuid", e.eventUuid())
                    .put("received_at", DateTimeFormatter.ISO_INSTANT.format(e.receivedAt()))
                    .put("endpoint", e.endpoint());
            if (e.from() != null) {
                entry.put("source", e.from().source()).put("topic", e.from().topic()).put("delivery_id", e.from().deliveryId());
            }
            entry.set("event", e.event());
        }
        return array.toString();
    }

    static String html(List<SandboxLedger.Entry> entries) {
        StringBuilder rows = new StringBuilder();
        for (SandboxLedger.Entry e : entries) {
            rows.append("<tr><td>").append(escape(SHOWN_TIME.format(e.receivedAt())))
                    .append("</td><td><b>").append(escape(e.event().path("event_type").asText())).append("</b>")
                    .append("<br>").append(escape(e.event().path("payload").path("email").asText()))
                    .append("</td><td>").append(from(e.from()))
                    .append("</td><td><code>").append(escape(e.eventUuid())).append("</code>")
                    .append("</td><td><details><summary>payload</summary><pre>")
                    .append(escape(e.event().path("payload").toPrettyString()))
                    .append("</pre></details></td></tr>\n");
        }
        // Fits 1280 px: fixed columns, long ids and values wrap instead of widening the table.
        // Refreshes every 5 s unless a payload is open, so reading one is not interrupted.
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Ponte sandbox: events RD received</title>
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <style>body{font-family:system-ui,sans-serif;margin:1.5rem;max-width:100%%}
                table{border-collapse:collapse;width:100%%;table-layout:fixed}
                td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
                th:nth-child(1){width:8rem}th:nth-child(2){width:16rem}th:nth-child(3){width:20rem}th:nth-child(4){width:10rem}
                pre{margin:0;font-size:.8rem;white-space:pre-wrap;overflow-wrap:anywhere}code{font-size:.8rem}
                .muted{color:#777}header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap}</style></head><body>
                <header><h1>Events the local RD sandbox accepted</h1>
                <form method="post" action="/sandbox/clear"><button id="clear" type="submit">Clear</button></form></header>
                <p>%d event(s), newest first. JSON at <a href="/sandbox/events">/sandbox/events</a>. This page refreshes every 5 s.</p>
                <table><thead><tr><th>Received</th><th>Type and contact</th><th>From</th><th>event_uuid</th><th>Payload</th></tr></thead>
                <tbody>
                %s</tbody></table>
                <script>setInterval(function(){if(!document.querySelector('details[open]'))location.reload()},5000)</script>
                </body></html>
                """.formatted(entries.size(), rows);
    }

    /** The vendor, topic and delivery id, or a note that Ponte has not recorded the delivery (yet). */
    private static String from(SandboxLedger.From from) {
        if (from == null) {
            return "<span class=\"muted\">not recorded by Ponte (yet)</span>";
        }
        // The Events API's deliveries are named by their path: "events" alone reads like a vendor.
        String source = "events".equals(from.source()) ? "/events" : from.source();
        StringBuilder text = new StringBuilder("<b>").append(escape(source)).append("</b>");
        if (from.topic() != null) {
            text.append(" · ").append(escape(from.topic()));
        }
        text.append("<br><span class=\"muted\">delivery</span> ")
                .append(from.deliveryId() == null ? "<span class=\"muted\">none named</span>"
                        : "<code>" + escape(from.deliveryId()) + "</code>");
        return text.toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
