#!/usr/bin/env bash
# What the native image will be told, without GraalVM: Quarkus writes the native-image sources
# (arguments, and the reflection/resource configuration it generated) and stops before compiling.
# Prints the arguments and every Ponte class registered for reflection, so a review can see that
# a new vendor's payload records made it in. Needs only the JDK and Maven.
# The Lambda extension does not support sources-only builds, so this uses the -Phttp packaging;
# the application classes and their registrations are the same in both.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q package -Phttp -Dnative -Dquarkus.native.sources-only=true -DskipTests
out=target/native-sources
jar=$(ls "$out"/*-runner.jar)
echo "== $out/native-image.args (GraalVM $(cat "$out/graalvm.version"))"
tr ' ' '\n' < "$out/native-image.args" | grep -v '^$'
echo
echo "== Ponte classes, and the JSONata functions mapping files call, in META-INF/native-image/reflect-config.json"
unzip -p "$jar" META-INF/native-image/reflect-config.json \
  | python3 -c 'import json,sys; print("\n".join(sorted(e["name"] for e in json.load(sys.stdin) if e["name"].startswith(("dev.ponte", "com.dashjoin.jsonata")))))'
echo
echo "== resources"
unzip -p "$jar" META-INF/native-image/resource-config.json
