#!/usr/bin/env bash
# RD having a slow hour, and a burst of vendors: every events call RD gets is answered DELAY_MS late
# (default 1000), while CONNECTIONS vendors at once (default "100 400 800") send signed Shopify
# orders for DURATION each (default 20s; every order a different one). Prints how many webhooks
# Ponte answered per second and how long a vendor waited for its answer (Shopify gives up at 5 s),
# with Ponte's thread count and RSS after each load, and what RD received (calls, events).
# Direct mode, Ponte's default embedded state store (PONTE_STATE=memory for the other); the -Phttp
# jar is built when missing (REBUILD=1 builds it again). Needs wrk (Debian's, installed like
# bench/overhead.sh installs it), python3, the JDK and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
DELAY_MS=${DELAY_MS:-1000}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-100 400 800}
OUT=target/bench/slow-rd
RD_PORT=18390 APP_PORT=18391
rm -rf "$OUT" && mkdir -p "$OUT"

if ! command -v wrk > /dev/null; then
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo -n"
  echo "installing wrk from Debian's packages"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk > /dev/null \
    || { echo "bench/slow-rd.sh needs wrk: apt-get install wrk (as root)"; exit 1; }
fi
[ -f target/quarkus-app/quarkus-run.jar ] && [ -z "${REBUILD:-}" ] || ./mvnw -B -q package -Phttp -DskipTests > "$OUT/build.log" 2>&1

PER_RUN=100000
set -- $CONNECTIONS
python3 bench/overhead/signed-orders.py $((PER_RUN * $#)) > "$OUT/orders.tsv"
export ORDER_FILE="$PWD/$OUT/orders.tsv"

python3 bench/rd-standin.py $RD_PORT "$DELAY_MS" & RD_PID=$!
PONTE_RD_URL=http://127.0.0.1:$RD_PORT PONTE_RD_ACCESS_TOKEN=bench PONTE_API_TOKEN=bench \
  PONTE_VENDORS_SHOPIFY_SECRET=bench-secret PONTE_RD_RATE_LIMIT_PER_MINUTE=100000000 \
  PONTE_STATE=${PONTE_STATE:-embedded} PONTE_STATE_DIR="$OUT/state" QUARKUS_HTTP_PORT=$APP_PORT \
  java ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar > "$OUT/ponte.log" 2>&1 &
PONTE_PID=$!
trap 'kill $PONTE_PID $RD_PID 2>/dev/null || true; wait $PONTE_PID $RD_PID 2>/dev/null || true' EXIT # wait: a next run deletes the jar
until curl -s -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/live"; do sleep 0.1; done

echo "RD answers every events call ${DELAY_MS} ms late; each load ${DURATION}"
echo "| vendors at once | webhooks answered/s | p50 | p90 | p99 | Ponte's threads | Ponte's RSS |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
start=1
for c in $CONNECTIONS; do
  ORDER_START=$start ORDER_COUNT=$PER_RUN wrk -t2 -c"$c" -d"$DURATION" --timeout 10s --latency \
    -s bench/overhead/shopify.lua "http://127.0.0.1:$APP_PORT/webhooks/shopify" > "$OUT/c$c.txt" 2>&1
  threads=$(ls /proc/$PONTE_PID/task | wc -l)
  rss=$(awk '/VmRSS/ {printf "%d MB", $2 / 1024}' /proc/$PONTE_PID/status)
  awk -v c="$c" -v threads="$threads" -v rss="$rss" '
    /Requests\/sec/ {rps = $2} /^ +50%/ {p50 = $2} /^ +90%/ {p90 = $2} /^ +99%/ {p99 = $2}
    END {printf "| %s | %.0f | %s | %s | %s | %s | %s |\n", c, rps, p50, p90, p99, threads, rss}' "$OUT/c$c.txt"
  start=$((start + PER_RUN))
done
echo "RD received: $(curl -s "http://127.0.0.1:$RD_PORT/")"
echo "Ponte's answers: $(grep -o '"outcome":"[a-z_ ]*"' "$OUT/ponte.log" | sort | uniq -c | tr -s ' ' | tr '\n' ';')"
