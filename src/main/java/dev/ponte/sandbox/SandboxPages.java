package dev.ponte.sandbox;

import dev.ponte.rd.events.RdJson;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What the sandbox shows a person: the accepted events as JSON and as a small HTML page. */
final class SandboxPages {

    private SandboxPages() {
    }

    static String json(List<SandboxLedger.Entry> entries) {
        var array = RdJson.mapper().createArrayNode();
        entries.forEach(e -> array.addObject()
                .put("event_uuid", e.eventUuid())
                .put("received_at", DateTimeFormatter.ISO_INSTANT.format(e.receivedAt()))
                .put("endpoint", e.endpoint())
                .set("event", e.event()));
        return array.toString();
    }

    static String html(List<SandboxLedger.Entry> entries) {
        StringBuilder rows = new StringBuilder();
        for (SandboxLedger.Entry e : entries) {
            rows.append("<tr><td>").append(escape(DateTimeFormatter.ISO_INSTANT.format(e.receivedAt())))
                    .append("</td><td>").append(escape(e.event().path("event_type").asText()))
                    .append("</td><td>").append(escape(e.event().path("payload").path("email").asText()))
                    .append("</td><td><code>").append(escape(e.eventUuid()))
                    .append("</code></td><td><pre>").append(escape(e.event().path("payload").toPrettyString()))
                    .append("</pre></td></tr>\n");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Ponte sandbox: events RD received</title>
                <meta http-equiv="refresh" content="5">
                <style>body{font-family:system-ui,sans-serif;margin:2rem}table{border-collapse:collapse;width:100%%}
                td,th{border-bottom:1px solid #ddd;padding:.4rem;text-align:left;vertical-align:top}
                pre{margin:0;font-size:.8rem}</style></head><body>
                <h1>Events the local RD sandbox accepted</h1>
                <p>%d event(s), newest first. JSON at <a href="/sandbox/events">/sandbox/events</a>. This page refreshes every 5 s.</p>
                <table><thead><tr><th>Received</th><th>Type</th><th>Contact</th><th>event_uuid</th><th>Payload</th></tr></thead>
                <tbody>
                %s</tbody></table></body></html>
                """.formatted(entries.size(), rows);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
