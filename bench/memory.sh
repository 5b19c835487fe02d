#!/usr/bin/env bash
# Memory under a steady stream: the plain -Phttp jar (default embedded state store, journal in
# memory) takes 100 signed Shopify orders, then 10 000 in all, then 20 000, each delivered to a
# local RD stand-in; after each, a full GC, then the process's RSS and the live heap. What Ponte
# keeps per webhook must be bounded (state on disk, journal PONTE_JOURNAL_SIZE entries, per-minute
# counts a day): the 10 000 figures should stay within 1.2x of the 100 ones, and 20 000 add
# nothing to 10 000.
# JAVA=... picks the JVM (default: java on the PATH); HEAP=... its -Xmx (default 256m, a
# 512 MB function's share); JAVA_OPTS=... further JVM flags (e.g. "-XX:TieredStopAtLevel=1
# -XX:+UseSerialGC", what a small container or Lambda's runtime runs with); PONTE_STATE=memory
# measures the memory store instead (bounded by PONTE_STATE_MEMORY_KEYS). Needs python3, jcmd.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
HEAP=${HEAP:-256m}
OUT=target/bench/memory
RD_PORT=18192
APP_PORT=18193
rm -rf "$OUT" && mkdir -p "$OUT"

./mvnw -B -q package -Phttp -DskipTests > "$OUT/build.log" 2>&1
cp -rp target/quarkus-app "$OUT/app"

python3 bench/rd-standin.py $RD_PORT & RD_PID=$!
(cd "$OUT/app" && exec env QUARKUS_HTTP_PORT=$APP_PORT PONTE_RD_URL=http://127.0.0.1:$RD_PORT \
  PONTE_RD_CLIENT_ID=b PONTE_RD_CLIENT_SECRET=b PONTE_RD_REFRESH_TOKEN=b PONTE_API_TOKEN=b \
  PONTE_VENDORS_SHOPIFY_SECRET=bench-secret PONTE_STATE_DIR=state PONTE_RD_RATE_LIMIT_PER_MINUTE=1000000 \
  "$JAVA" -Xmx"$HEAP" ${JAVA_OPTS:-} -jar quarkus-run.jar > ../ponte.log 2>&1) & APP_PID=$!
trap 'kill $APP_PID $RD_PID 2>/dev/null || true; wait $APP_PID $RD_PID 2>/dev/null || true' EXIT # wait: the next run deletes the jar a stopping Ponte may still load classes from
until curl -sf "http://127.0.0.1:$APP_PORT/q/health/ready" > /dev/null; do sleep 0.1; done
pid=$(pgrep -f "quarkus-run.jar" -n)

measure() { # label
  jcmd "$pid" GC.run > /dev/null
  sleep 1
  local rss heap
  rss=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  # The class histogram counts live objects only (it runs a full GC first): KB of what Ponte holds.
  heap=$(jcmd "$pid" GC.class_histogram | awk '/^Total/ {print int($3 / 1024)}')
  echo "$1 $rss $heap"
}

python3 bench/memory/send.py $APP_PORT 1 100
after100=$(measure 100)
start=$(date +%s)
python3 bench/memory/send.py $APP_PORT 101 10000
seconds=$(( $(date +%s) - start ))
after10000=$(measure 10000)
python3 bench/memory/send.py $APP_PORT 10001 20000
after20000=$(measure 20000)

read -r _ rss1 heap1 <<< "$after100"
read -r _ rss2 heap2 <<< "$after10000"
read -r _ rss3 heap3 <<< "$after20000"
{
  printf '| after | RSS | live heap after a full GC |\n|---|---|---|\n'
  echo "| 100 webhooks | $rss1 MB | $(( heap1 / 1024 )) MB |"
  echo "| 10 000 webhooks | $rss2 MB | $(( heap2 / 1024 )) MB |"
  echo "| 20 000 webhooks | $rss3 MB | $(( heap3 / 1024 )) MB |"
  echo "| 10 000 / 100 | $(python3 -c "print(round($rss2 / $rss1, 2))")x | $(python3 -c "print(round($heap2 / $heap1, 2))")x |"
  echo "| 20 000 / 10 000 | $(python3 -c "print(round($rss3 / $rss2, 2))")x | $(python3 -c "print(round($heap3 / $heap2, 2))")x |"
  echo
  echo "9 900 webhooks in $seconds s; -Xmx$HEAP ${JAVA_OPTS:-}, $("$JAVA" -version 2>&1 | head -1)"
} | tee "$OUT/results.md"
