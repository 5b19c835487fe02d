#!/usr/bin/env bash
# What a mapping file costs: reading and checking the shipped mapping files in a fresh JVM, and
# tawk.to's documented payloads mapped through mappings/tawkto.yaml against the Java mapper the
# file replaced (kept in src/test/java/dev/ponte/bench as the reference). Needs only the JDK and
# Maven. SECONDS_PER_ROUND (default 5) sets how long each side is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt \
  -Dmdep.includeScope=test > /dev/null
java -Dseconds="${SECONDS_PER_ROUND:-5}" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  dev.ponte.bench.MappingCost
