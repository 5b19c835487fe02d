#!/usr/bin/env bash
# Cold start, measured: from process start to the first signed Shopify webhook delivered to a
# local RD stand-in (a separate process), for the plain -Phttp jar, the jar with AppCDS (built by
# Quarkus), the jar with the JDK 25 AOT cache Quarkus trains at build time, and the jar with an
# AOT cache trained by one real webhook (-XX:AOTCacheOutput), the same with C1 alone
# (-XX:TieredStopAtLevel=1: a faster start, half the throughput under load; see the README); and
# the plain jar on Java 17.
# Five runs each; prints medians and peak RSS (VmHWM). Every run starts from the app's directory:
# the CDS and AOT archives record the class path as the jar saw it.
# BASELINE=<git ref> also builds that commit's plain jar (in a git worktree) and runs it in turn
# with today's plain jar (PAIRS runs each, default 11), printing both medians and the difference:
# what a change cost at start-up, with the median of the pairs' own differences and its 95% interval.
# Needs Temurin 25 (JDK25=..., default /usr/lib/jvm/temurin-25-jdk-amd64), python3, curl, openssl.
# Where a Java 17 is installed too (JAVA17=..., default Debian's), the plain jar also runs on it.
set -euo pipefail
cd "$(dirname "$0")/.."
JDK25=${JDK25:-/usr/lib/jvm/temurin-25-jdk-amd64}
JAVA17=${JAVA17:-/usr/lib/jvm/java-17-openjdk-amd64}
RUNS=${RUNS:-5}
OUT=target/bench/startup
RD_PORT=18190
APP_PORT=18191
rm -rf "$OUT" && mkdir -p "$OUT"

build() { # name, extra maven flags
  JAVA_HOME=$JDK25 ./mvnw -B -q package -Phttp -DskipTests "${@:2}" > "$OUT/build-$1.log" 2>&1
  cp -rp target/quarkus-app "$OUT/$1"
}
build plain
build appcds -Dquarkus.package.jar.appcds.enabled=true
# Quarkus's own AOT cache, trained at build time by starting the application (no request).
build quarkus-aot -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=AOT \
  -Dquarkus.package.jar.aot.phase=build
cp -rp "$OUT/plain" "$OUT/aot"
if [ -n "${BASELINE:-}" ]; then
  worktree=target/bench/baseline-src
  git worktree remove --force "$worktree" 2>/dev/null || rm -rf "$worktree"
  git worktree add --detach "$worktree" "$BASELINE" > /dev/null
  (cd "$worktree" && JAVA_HOME=$JDK25 ./mvnw -B -q package -Phttp -DskipTests > "../startup/build-baseline.log" 2>&1)
  cp -rp "$worktree/target/quarkus-app" "$OUT/baseline"
  git worktree remove --force "$worktree"
fi

python3 bench/rd-standin.py $RD_PORT & RD_PID=$!
trap 'kill $RD_PID 2>/dev/null || true' EXIT
sleep 0.5

body='{"id":1001,"name":"#1001","email":"maria@example.com","financial_status":"pending","currency":"BRL","total_price":"199.90","line_items":[{"product_id":1,"sku":"CAMISA-P","title":"Camisa","quantity":1,"price":"199.90"}]}'
signature=$(printf %s "$body" | openssl dgst -sha256 -hmac bench-secret -binary | base64)

run() { # name, java flags...
  local name=$1; shift
  local start end pid java=$JDK25/bin/java
  [ "$name" = plain-java17 ] && java=$JAVA17/bin/java
  rm -rf "$OUT/$name/state" # a fresh state store each run: the same order again would be a duplicate
  start=$(date +%s%N)
  (cd "$OUT/$name" && exec env QUARKUS_HTTP_PORT=$APP_PORT PONTE_RD_URL=http://127.0.0.1:$RD_PORT \
    PONTE_RD_CLIENT_ID=b PONTE_RD_CLIENT_SECRET=b PONTE_RD_REFRESH_TOKEN=b PONTE_API_TOKEN=b \
    PONTE_VENDORS_SHOPIFY_SECRET=bench-secret PONTE_STATE_DIR=state \
    "$java" "$@" -jar quarkus-run.jar > "../run-$name.log" 2>&1) &
  pid=$!
  local answer=""
  until answer=$(curl -sf "http://127.0.0.1:$APP_PORT/webhooks/shopify" \
      -H 'Content-Type: application/json' -H 'X-Shopify-Topic: orders/create' \
      -H "X-Shopify-Webhook-Id: $RANDOM$RANDOM" -H "X-Shopify-Hmac-Sha256: $signature" -d "$body"); do
    sleep 0.005
  done
  end=$(date +%s%N)
  # Timed to the first webhook RD took, nothing less: a parked or refused one fails the benchmark.
  echo "$answer" | grep -q '"outcome":"delivered"' || { echo "the first webhook was not delivered: $answer" >&2; kill $pid; exit 1; }
  local rss
  rss=$(awk '/VmHWM/ {print $2}' /proc/$pid/status)
  kill $pid; wait $pid 2>/dev/null || true
  echo "$(( (end - start) / 1000000 )) $rss"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# Train the AOT cache: one run serving one webhook, written when the JVM exits.
run aot -XX:AOTCacheOutput=app.aot > /dev/null
for _ in $(seq 50); do [ -f "$OUT/aot/app.aot" ] && break; sleep 0.2; done
cp -rp "$OUT/aot" "$OUT/aot-c1" # the same cache, run with C1 alone

printf '| build | first webhook delivered, median ms (%s runs) | peak RSS, median MB |\n|---|---|---|\n' "$RUNS" | tee "$OUT/results.md"
variants=(plain appcds quarkus-aot aot aot-c1)
if [ -x "$JAVA17/bin/java" ]; then
  cp -rp "$OUT/plain" "$OUT/plain-java17" # the same jar (built for Java 17), run on Java 17
  variants+=(plain-java17)
fi
for variant in "${variants[@]}"; do
  flags=()
  [ "$variant" = appcds ] && flags=(-XX:SharedArchiveFile=app-cds.jsa)
  [ "$variant" = aot ] || [ "$variant" = quarkus-aot ] && flags=(-XX:AOTCache=app.aot)
  [ "$variant" = aot-c1 ] && flags=(-XX:AOTCache=app.aot -XX:TieredStopAtLevel=1)
  : > "$OUT/$variant.txt"
  for _ in $(seq "$RUNS"); do run "$variant" "${flags[@]}" >> "$OUT/$variant.txt"; done
  ms=$(cut -d' ' -f1 "$OUT/$variant.txt" | median)
  mb=$(( $(cut -d' ' -f2 "$OUT/$variant.txt" | median) / 1024 ))
  echo "| $variant | $ms | $mb |" | tee -a "$OUT/results.md"
done

if [ -n "${BASELINE:-}" ]; then
  : > "$OUT/pair-plain.txt"; : > "$OUT/pair-baseline.txt"
  # In turn, so a slower minute of the machine falls on both; which goes first alternates, so
  # neither always runs on a machine the other has just warmed (or left busy).
  for i in $(seq "${PAIRS:-11}"); do
    if [ $((i % 2)) = 1 ]; then
      run plain >> "$OUT/pair-plain.txt"; run baseline >> "$OUT/pair-baseline.txt"
    else
      run baseline >> "$OUT/pair-baseline.txt"; run plain >> "$OUT/pair-plain.txt"
    fi
  done
  now=$(cut -d' ' -f1 "$OUT/pair-plain.txt" | median)
  then=$(cut -d' ' -f1 "$OUT/pair-baseline.txt" | median)
  paired=$(python3 bench/paired-difference.py "$OUT/pair-baseline.txt" "$OUT/pair-plain.txt")
  printf '\n| plain jar, in turn (%s runs each) | first webhook delivered, median ms |\n|---|---|\n' "${PAIRS:-11}" | tee -a "$OUT/results.md"
  echo "| $BASELINE | $then |" | tee -a "$OUT/results.md"
  echo "| $(git rev-parse --short HEAD) (working tree) | $now |" | tee -a "$OUT/results.md"
  echo "| difference of the medians | $(( now - then )) |" | tee -a "$OUT/results.md"
  echo "| median of the pairs' differences | $paired |" | tee -a "$OUT/results.md"
fi
