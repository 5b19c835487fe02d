#!/usr/bin/env bash
# What a mapping file costs.
# 1. Per webhook: tawk.to's documented payloads mapped through mappings/tawkto.yaml against the
#    Java mapper the file replaced (kept in src/test/java/dev/ponte/bench as the reference), in
#    one JVM, CPU time per mapping, medians of alternating rounds. SECONDS_PER_ROUND (default 5).
# 2. At start-up: the -Phttp server started RUNS times (default 5) with no PONTE_MAPPINGS_DIR, with
#    ten user files in it (copies of the shipped files under other vendor ids) never checked
#    before, and with the same ten and the stamp an earlier start of this build left
#    (.ponte-checked: unchanged files are read when their vendor is first needed); prints the time
#    Ponte logs for reading them and the medians of "started in". Shipped files are not read at
#    start-up (the build checks them; each is read on its vendor's first webhook).
# Needs only the JDK and Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-5}
OUT=target/bench/mapping-cost
rm -rf "$OUT" && mkdir -p "$OUT/ten"
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test > /dev/null
java -Dseconds="${SECONDS_PER_ROUND:-5}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ponte.bench.MappingCost

./mvnw -B -q package -Phttp -DskipTests > "$OUT/build.log" 2>&1
i=0
for vendor in calendly eduzz hotmart kiwify stripe tawkto typeform calendly eduzz hotmart; do
  sed "0,/^vendor: .*/s//vendor: copy-$i/" "src/main/resources/mappings/$vendor.yaml" > "$OUT/ten/copy-$i.yaml"
  i=$((i + 1))
done

start() { # mappings dir (empty: none); prints "<started in ms> <read ms or ->"
  rm -rf "$OUT/state"
  PONTE_RD_ACCESS_TOKEN=bench PONTE_STATE_DIR="$OUT/state" PONTE_MAPPINGS_DIR="$1" QUARKUS_HTTP_PORT=18192 \
    java -jar target/quarkus-app/quarkus-run.jar > "$OUT/run.log" 2>&1 &
  local pid=$!
  until grep -q "started in" "$OUT/run.log"; do sleep 0.05; done
  kill $pid; wait $pid 2>/dev/null || true
  local started read
  started=$(grep -o 'started in [0-9.]*s' "$OUT/run.log" | grep -o '[0-9.]*' | awk '{printf "%d", $1 * 1000}')
  read=$(grep -o 'mapping file(s) of PONTE_MAPPINGS_DIR in [0-9.]* ms' "$OUT/run.log" | grep -o '[0-9.]* ms' | grep -o '[0-9.]*' || echo -)
  echo "$started $read"
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

cp -r "$OUT/ten" "$OUT/checked"
start "$OUT/checked" > /dev/null # leaves the stamp
test -f "$OUT/checked/.ponte-checked"
for k in $(seq "$RUNS"); do
  start "" >> "$OUT/none.txt"
  rm -f "$OUT/ten/.ponte-checked"; start "$OUT/ten" >> "$OUT/ten.txt"
  start "$OUT/checked" >> "$OUT/checked.txt"
done
rm -f "$OUT/ten/.ponte-checked"
echo "start-up, plain -Phttp jar, median of $RUNS: no user files $(cut -d' ' -f1 "$OUT/none.txt" | median) ms;" \
  "ten user files never checked $(cut -d' ' -f1 "$OUT/ten.txt" | median) ms, of which reading them" \
  "$(cut -d' ' -f2 "$OUT/ten.txt" | median) ms (each run: $(cut -d' ' -f2 "$OUT/ten.txt" | tr '\n' ' '));" \
  "the same ten checked by an earlier start $(cut -d' ' -f1 "$OUT/checked.txt" | median) ms, of which reading them" \
  "$(cut -d' ' -f2 "$OUT/checked.txt" | median) ms (each run: $(cut -d' ' -f2 "$OUT/checked.txt" | tr '\n' ' '))"
