#!/usr/bin/env bash
# A burst of 1 000 orders x 3 items (4 000 RD events) from 16 concurrent senders (SENDERS=), through queue
# mode (ElasticMQ in process) and through direct mode (what RD refuses is parked and redelivered
# by the sweep), plus 1 000 single events posted to /events in queue mode, into an RD stand-in
# that allows 120 requests per rolling minute and answers 429 + Retry-After beyond. Prints one
# row per case and leaves the table in target/bench/delivery-burst.md.
set -euo pipefail
cd "$(dirname "$0")/.."
rm -f target/bench/delivery-burst.md
./mvnw -B -q test -Dgroups=bench -DexcludedGroups=none \
  -Dtest='QueueBurstBenchmark,DirectBurstBenchmark' -Dsurefire.failIfNoSpecifiedTests=false -Dsenders="${SENDERS:-16}" \
  | grep '^BENCH' || true
echo
cat target/bench/delivery-burst.md
