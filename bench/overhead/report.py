#!/usr/bin/env python3
"""Prints bench/overhead.sh's table: requests/s and latency per path (the nginx relay and the Quarkus forwarder
are the floors), the ratios to the relay, and the RD calls Ponte made per request (below 1 when concurrent webhooks share calls; the relay makes one each)."""
import sys

def ms(text):
    value = float(text.rstrip("umsµ"))
    return value / 1000 if text.endswith("us") else value * 1000 if text.endswith("s") and not text.endswith("ms") else value

rows = {}
for line in open(sys.argv[1]):
    name, c, rps, p50, p99, bad, calls, requests = line.split()
    rows[(name, int(c))] = (float(rps), ms(p50), ms(p99), int(bad), int(calls) / max(1, int(requests)))
print("| path | connections | requests/s | p50 ms | p99 ms | non-2xx | vs relay (req/s, p99) | RD calls per request |")
print("| --- | --- | --- | --- | --- | --- | --- | --- |")
for c in (32, 1):
    relay = rows[("relay", c)]
    for name, label in (("relay", "nginx relay (floor)"), ("blocking", "Quarkus forwarder, worker thread waits"),
                        ("reactive", "Quarkus forwarder, event loop, no wait"), ("events", "Ponte POST /events"),
                        ("shopify", "Ponte /webhooks/shopify")):
        rps, p50, p99, bad, calls = rows[(name, c)]
        ratio = "" if name == "relay" else "%.2fx, %.1fx" % (rps / relay[0], p99 / relay[2])
        per_request = "%.2f" % calls if name in ("events", "shopify") else "1"
        print("| %s | %d | %.0f | %.2f | %.2f | %d | %s | %s |" % (label, c, rps, p50, p99, bad, ratio, per_request))
for c in (32, 1):
    print("at %d connection(s): /webhooks/shopify takes %.2fx the time of /events per request; Ponte adds %.2f ms at p50 over the relay"
          % (c, rows[("events", c)][0] / rows[("shopify", c)][0], rows[("events", c)][1] - rows[("relay", c)][1]))
for c in (32, 1):
    print("at %d connection(s): Ponte's /events makes %.2fx the requests/s of the forwarder whose worker thread waits, %.2fx of the one"
          " that does not wait" % (c, rows[("events", c)][0] / rows[("blocking", c)][0], rows[("events", c)][0] / rows[("reactive", c)][0]))
print("Ponte's peak RSS: %d MB" % (int(sys.argv[2]) // 1024))
