#!/usr/bin/env bash
# Ponte's cost on the request path, against the floor: wrk (2 threads; 1 for 1 connection) posting the same RD event
# to nginx relaying it to a fake RD (nginx answering RD's 200) and to Ponte's POST /events
# delivering it to that same fake RD, then signed Shopify orders to /webhooks/shopify (every one
# its own order, signed as Shopify signs). One run, one machine; prints both and the ratios.
# Needs nginx and wrk (Debian's nginx-light and wrk: installed here when missing, as root or
# through sudo), python3, the JDK and Maven. DURATION (default 10s) per measurement; WARM (default
# 30s) of each of Ponte's paths first: on two cores the JIT still compiles Ponte's code a minute
# into a load, so a short warm-up measures it half compiled; PONTE_STATE (default embedded,
# Ponte's own default) chooses the state store.
# A second floor, bench/overhead/forwarder: a Quarkus service on Ponte's Quarkus that forwards the
# POST to the same fake RD with the same REST client and does nothing else, once with a worker
# thread waiting for RD's answer, once from the event loop without waiting: what Quarkus itself
# costs on this machine, apart from what Ponte does.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=${DURATION:-10s}
OUT=target/bench/overhead
RD_PORT=18290 RELAY_PORT=18291 APP_PORT=18292 FORWARDER_PORT=18293
rm -rf "$OUT" && mkdir -p "$OUT"

if ! command -v nginx > /dev/null || ! command -v wrk > /dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "installing nginx-light and wrk from Debian's packages"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq nginx-light wrk > /dev/null \
    || { echo "bench/overhead.sh needs nginx and wrk: apt-get install nginx-light wrk (as root)"; exit 1; }
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -q package -Phttp -DskipTests > "$OUT/build.log" 2>&1
FORWARDER=bench/overhead/forwarder
[ -f $FORWARDER/target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] \
  || ./mvnw -B -q -f $FORWARDER/pom.xml package > "$OUT/forwarder-build.log" 2>&1

sed -e "s#@OUT@#$PWD/$OUT#g" -e "s/@RD_PORT@/$RD_PORT/g" -e "s/@RELAY_PORT@/$RELAY_PORT/g" bench/overhead/nginx.conf \
  > "$OUT/nginx.conf"
"$NGINX" -c "$PWD/$OUT/nginx.conf" -p "$PWD/$OUT" &
NGINX_PID=$!
PER_RUN=${ORDERS_PER_RUN:-200000}
WARM=${WARM:-30s}
WARM_ORDERS=300000 # every order delivered once: the warm-up has its own
python3 bench/overhead/signed-orders.py $((1000 + WARM_ORDERS + 2 * PER_RUN)) > "$OUT/orders.tsv"
export ORDER_FILE="$PWD/$OUT/orders.tsv"

PONTE_RD_URL=http://127.0.0.1:$RD_PORT PONTE_RD_ACCESS_TOKEN=bench PONTE_API_TOKEN=bench \
  PONTE_VENDORS_SHOPIFY_SECRET=bench-secret PONTE_RD_RATE_LIMIT_PER_MINUTE=100000000 \
  PONTE_STATE=${PONTE_STATE:-embedded} PONTE_STATE_DIR="$OUT/state" QUARKUS_HTTP_PORT=$APP_PORT \
  java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/ponte.log" 2>&1 &
PONTE_PID=$!
RD_URL=http://127.0.0.1:$RD_PORT QUARKUS_HTTP_PORT=$FORWARDER_PORT java ${JAVA_OPTS:-} -jar $FORWARDER/target/quarkus-app/quarkus-run.jar \
  > "$OUT/forwarder.log" 2>&1 &
FORWARDER_PID=$!
trap 'kill $PONTE_PID $FORWARDER_PID $NGINX_PID 2>/dev/null || true; wait $PONTE_PID $FORWARDER_PID 2>/dev/null || true' EXIT # wait: a next run deletes the jars
until curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/live"; do sleep 0.1; done
until curl -s -o /dev/null "http://127.0.0.1:$FORWARDER_PORT/"; do sleep 0.1; done
# Each path answers as it should before anything is timed.
curl -sf "http://127.0.0.1:$RELAY_PORT/platform/events" -d '{}' | grep -q event_uuid
for way in blocking reactive; do
  curl -sf "http://127.0.0.1:$FORWARDER_PORT/$way/events" -H 'Content-Type: application/json' -d '{}' | grep -q event_uuid
done
curl -sf "http://127.0.0.1:$APP_PORT/events" -H 'Authorization: Bearer bench' -H 'Content-Type: application/json' \
  -d "$(cat bench/overhead/sale.json)" | grep -q event_uuid
ORDER_START=1 ORDER_COUNT=1000 wrk -t2 -c2 -d1s -s bench/overhead/shopify.lua "http://127.0.0.1:$APP_PORT/webhooks/shopify" \
  > "$OUT/shopify-check.txt"
grep -q '"outcome":"delivered"' "$OUT/ponte.log" || { echo "Ponte delivered no Shopify order; see $OUT/ponte.log"; exit 1; }

# The calls Ponte has made to RD so far, from its own metrics (requests sharing calls make fewer).
rd_calls() { curl -s "http://127.0.0.1:$APP_PORT/q/metrics" | awk '/^ponte_rd_requests_seconds_count/ {n += $2} END {printf "%d", n}'; }

measure() { # name, connections, url, script
  local threads=2; [ "$2" -ge 2 ] || threads=1
  local before; before=$(rd_calls)
  wrk -t$threads -c"$2" -d"$DURATION" --latency -s "$4" "$3" > "$OUT/$1-c$2.txt" 2>&1
  awk -v name="$1" -v c="$2" -v calls=$(( $(rd_calls) - before )) '
    /requests in/ {requests = $1}
    /Requests\/sec/ {rps = $2}
    /^ +50%/ {p50 = $2} /^ +99%/ {p99 = $2}
    /Non-2xx/ {bad = $NF}
    END {printf "%s %s %s %s %s %s %s %s\n", name, c, rps, p50, p99, bad == "" ? 0 : bad, calls, requests}' "$OUT/$1-c$2.txt"
}

warm() { wrk -t2 -c32 -d"$3" -s "$2" "$1" > /dev/null 2>&1; }
warm "http://127.0.0.1:$RELAY_PORT/platform/events" bench/overhead/events.lua 5s
warm "http://127.0.0.1:$FORWARDER_PORT/blocking/events" bench/overhead/events.lua "$WARM"
warm "http://127.0.0.1:$FORWARDER_PORT/reactive/events" bench/overhead/events.lua "$WARM"
warm "http://127.0.0.1:$APP_PORT/events" bench/overhead/events.lua "$WARM"
ORDER_START=1001 ORDER_COUNT=$WARM_ORDERS warm "http://127.0.0.1:$APP_PORT/webhooks/shopify" bench/overhead/shopify.lua "$WARM"
{
  start=$((1001 + WARM_ORDERS))
  for c in 32 1; do
    measure relay "$c" "http://127.0.0.1:$RELAY_PORT/platform/events" bench/overhead/events.lua
    measure blocking "$c" "http://127.0.0.1:$FORWARDER_PORT/blocking/events" bench/overhead/events.lua
    measure reactive "$c" "http://127.0.0.1:$FORWARDER_PORT/reactive/events" bench/overhead/events.lua
    measure events "$c" "http://127.0.0.1:$APP_PORT/events" bench/overhead/events.lua
    ORDER_START=$start ORDER_COUNT=$PER_RUN measure shopify "$c" "http://127.0.0.1:$APP_PORT/webhooks/shopify" \
      bench/overhead/shopify.lua
    start=$((start + PER_RUN))
  done
} > "$OUT/results.txt"
RSS=$(awk '/VmHWM/ {print $2}' /proc/$PONTE_PID/status)
python3 bench/overhead/report.py "$OUT/results.txt" "$RSS"
