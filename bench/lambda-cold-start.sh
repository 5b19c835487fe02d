#!/usr/bin/env bash
# The packaged Lambda function's cold start: target/function.zip unpacked as Lambda's java21
# runtime unpacks it, started by AWS's runtime interface client with the JVM flags that runtime
# uses (C1 only), fed one signed Shopify order through API Gateway (payload 2.0) by a Runtime API
# stand-in; timed from process start to the answer posted back. RD is a local stand-in; the
# state is in memory (PONTE_STATE=memory: no DynamoDB round trips in these figures). Five runs;
# prints the median and each run's answer status.
# Needs python3, unzip, openssl; JAVA=... picks the JVM (default java on the PATH; Lambda's
# java21 runtime is Java 21). FUNCTION_JAVA_TOOL_OPTIONS=... is the function's JAVA_TOOL_OPTIONS,
# as Lambda would pass it (e.g. "-XX:+UnlockDiagnosticVMOptions -XX:-BytecodeVerificationRemote",
# see the README). BASELINE=<git ref> also builds that commit's function.zip and cold-starts it in
# turn with today's (PAIRS each), printing the median of the pairs' differences and its 95% interval.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
RUNS=${RUNS:-5}
OUT=target/bench/lambda
RD_PORT=18197
API_PORT=18198
rm -rf "$OUT" && mkdir -p "$OUT"

./mvnw -B -q package -DskipTests > "$OUT/build.log" 2>&1
./mvnw -B -q dependency:copy@lambda-runtime-client >> "$OUT/build.log" 2>&1
unzip -q target/function.zip -d "$OUT/task"
classpath="$OUT/task:$OUT/task/lib/*:target/lambda-runtime-client/*"

body='{"id":1001,"name":"#1001","email":"maria@example.com","financial_status":"pending","currency":"BRL","total_price":"199.90","line_items":[{"product_id":1,"sku":"CAMISA-P","title":"Camisa","quantity":1,"price":"199.90"}]}'
signature=$(printf %s "$body" | openssl dgst -sha256 -hmac bench-secret -binary | base64)
python3 - "$body" "$signature" > "$OUT/event.json" <<'PY'
import base64, json, sys
body, signature = sys.argv[1], sys.argv[2]
print(json.dumps({"version": "2.0", "routeKey": "$default", "rawPath": "/webhooks/shopify", "rawQueryString": "",
    "headers": {"content-type": "application/json", "x-shopify-topic": "orders/create",
                "x-shopify-webhook-id": "cold-start-1", "x-shopify-hmac-sha256": signature,
                "host": "abc123.execute-api.us-east-1.amazonaws.com"},
    "requestContext": {"accountId": "123456789012", "apiId": "abc123", "domainName": "abc123.execute-api.us-east-1.amazonaws.com",
                       "domainPrefix": "abc123", "requestId": "r1", "routeKey": "$default", "stage": "$default",
                       "time": "06/Dec/2026:12:00:00 +0000", "timeEpoch": 1796558400000,
                       "http": {"method": "POST", "path": "/webhooks/shopify", "protocol": "HTTP/1.1",
                                "sourceIp": "203.0.113.7", "userAgent": "Shopify-Captain-Hook"}},
    "body": base64.b64encode(body.encode()).decode(), "isBase64Encoded": True}))
PY

python3 bench/rd-standin.py $RD_PORT & RD_PID=$!
trap 'kill $RD_PID 2>/dev/null || true' EXIT
sleep 0.5

cold_start() { # unpacked function directory; prints the milliseconds to the answer
  local task=$1
  python3 bench/lambda/runtime-api.py $API_PORT "$OUT/event.json" "$OUT/start" > "$OUT/answer.txt" & API_PID=$!
  sleep 0.3
  date +%s%N > "$OUT/start"
  env -i PATH="$PATH" HOME="$HOME" AWS_LAMBDA_RUNTIME_API=127.0.0.1:$API_PORT \
    _HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest LAMBDA_TASK_ROOT="$task" \
    AWS_LAMBDA_FUNCTION_NAME=ponte AWS_LAMBDA_FUNCTION_VERSION='$LATEST' AWS_LAMBDA_FUNCTION_MEMORY_SIZE=1024 \
    AWS_REGION=us-east-1 PONTE_STATE=memory PONTE_RD_URL=http://127.0.0.1:$RD_PORT PONTE_RD_CLIENT_ID=b \
    PONTE_RD_CLIENT_SECRET=b PONTE_RD_REFRESH_TOKEN=b PONTE_API_TOKEN=b PONTE_VENDORS_SHOPIFY_SECRET=bench-secret \
    PONTE_REDELIVERY_POLL=false ${FUNCTION_JAVA_TOOL_OPTIONS:+JAVA_TOOL_OPTIONS="$FUNCTION_JAVA_TOOL_OPTIONS"} \
    "$JAVA" -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -cp "$task:$task/lib/*:target/lambda-runtime-client/*" \
    com.amazonaws.services.lambda.runtime.api.client.AWSLambda \
    io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest > "$OUT/function.log" 2>&1 & FN_PID=$!
  wait $API_PID
  kill $FN_PID 2>/dev/null; wait $FN_PID 2>/dev/null || true
  grep -q '"outcome":"delivered"' "$OUT/answer.txt" || { echo "the webhook was not delivered: $(cat "$OUT/answer.txt")" >&2; exit 1; }
  cut -d' ' -f1 "$OUT/answer.txt"
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

: > "$OUT/runs.txt"
for _ in $(seq "$RUNS"); do cold_start "$OUT/task" >> "$OUT/runs.txt"; done
median=$(median < "$OUT/runs.txt")
echo "cold start to the first answered webhook: median $median ms of $RUNS ($(tr '\n' ' ' < "$OUT/runs.txt")ms); $("$JAVA" -version 2>&1 | head -1)" | tee "$OUT/results.md"

# BASELINE=<git ref>: that commit's function.zip, cold-started in turn with today's (PAIRS each,
# default 11; which goes first alternates), with the median of the pairs' own differences and a
# 95% bootstrap interval for it: this machine's cold starts vary by more than most steps.
if [ -n "${BASELINE:-}" ]; then
  worktree=target/bench/lambda-baseline-src
  git worktree remove --force "$worktree" 2>/dev/null || rm -rf "$worktree"
  git worktree add --detach "$worktree" "$BASELINE" > /dev/null
  (cd "$worktree" && ./mvnw -B -q package -DskipTests > "../lambda/build-baseline.log" 2>&1)
  unzip -q "$worktree/target/function.zip" -d "$OUT/baseline-task"
  git worktree remove --force "$worktree"
  : > "$OUT/pair-baseline.txt"; : > "$OUT/pair-now.txt"
  for i in $(seq "${PAIRS:-11}"); do
    if [ $((i % 2)) = 1 ]; then
      cold_start "$OUT/baseline-task" >> "$OUT/pair-baseline.txt"; cold_start "$OUT/task" >> "$OUT/pair-now.txt"
    else
      cold_start "$OUT/task" >> "$OUT/pair-now.txt"; cold_start "$OUT/baseline-task" >> "$OUT/pair-baseline.txt"
    fi
  done
  then=$(median < "$OUT/pair-baseline.txt")
  now=$(median < "$OUT/pair-now.txt")
  echo "in turn, ${PAIRS:-11} cold starts each: $BASELINE median $then ms, $(git rev-parse --short HEAD) (working tree)" \
    "median $now ms; median of the pairs' differences $(python3 bench/paired-difference.py "$OUT/pair-baseline.txt" \
    "$OUT/pair-now.txt")" | tee -a "$OUT/results.md"
fi
