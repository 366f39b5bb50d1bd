#!/usr/bin/env bash
# Server load (issue 6): wrk on loopback against the jar, POST /api/advice and a static file as the floor, each for
# DURATION at rising concurrency, with throughput, p50/p99 latency and the server's RSS under load.
#
#   scripts/load.sh                      # 60 s per step, 1 2 4 8 16 32 connections, both targets (≈ 13 minutes)
#   DURATION=10s CONNECTIONS="1 8" scripts/load.sh      # a quick look
#   JAVA_OPTS=-Xmx256m FLOOR_PATH=/livez scripts/load.sh   # bounded heap, the cheapest floor
#
# Needs wrk (Debian: apt-get install -y wrk). Builds the jar when it is missing. Loopback only; every run is bounded
# by DURATION; the server started here is stopped on exit. The rate limiter is switched off for the run (a load test
# is one client sending far more than a person would).
set -euo pipefail
cd "$(dirname "$0")/.."

DURATION=${DURATION:-60s}
WARMUP=${WARMUP:-15s}
CONNECTIONS=${CONNECTIONS:-"1 2 4 8 16 32"}
PORT=${PORT:-18080}
OUT=${OUT:-target/load}
FLOOR_PATH=${FLOOR_PATH:-/css/print.css}
JAVA_OPTS=${JAVA_OPTS:-}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
mkdir -p "$OUT"
JAR=$(ls target/trust-repair-advisor-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$JAR" ]; then
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/trust-repair-advisor-*.jar | grep -v -- '-plain' | head -1)
fi

# shellcheck disable=SC2086
java $JAVA_OPTS -jar "$JAR" --server.port="$PORT" --server.address=127.0.0.1 --advisor.rate-limit.enabled=false \
  >"$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; wait "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null 2>&1 && break
  kill -0 "$SERVER" 2>/dev/null || { echo "the server stopped at start; see $OUT/server.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/readyz" >/dev/null || { echo "not ready in 120 s" >&2; exit 1; }

BODY='{"relationship":"ROMANTIC","breach":"HALF_TRUTHS","readiness":"NEEDS_SPACE","daysElapsed":20,"disclosure":"DISCOVERED","apologiesMade":2}'
# the body must get a plan before it is worth loading
curl -fs "http://127.0.0.1:$PORT/api/advice" -H 'Content-Type: application/json' -d "$BODY" | grep -q '"steps"'
curl -fs -o /dev/null "http://127.0.0.1:$PORT$FLOOR_PATH"

# Lua for wrk: the POST, and a summary line per run that this script collects
cat >"$OUT/report.lua" <<'LUA'
done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("RESULT requests=%d rps=%.1f p50_ms=%.3f p99_ms=%.3f max_ms=%.3f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
{ cat "$OUT/report.lua"; cat <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BODY'
LUA
} >"$OUT/advice.lua"

rss_kb() { ps -o rss= -p "$SERVER" | tr -d ' '; }
echo "idle RSS after start: $(rss_kb) kB" | tee "$OUT/summary.txt"
{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  java -version 2>&1 | head -1
  echo "wrk: $(wrk -v 2>&1 | head -1)"
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee -a "$OUT/summary.txt"

# warm-up, not recorded: JIT and lazy parts of the rule network, so that 1 connection is not measuring them
wrk -t2 -c8 -d"$WARMUP" -s "$OUT/advice.lua" "http://127.0.0.1:$PORT/api/advice" >"$OUT/warmup-advice.txt" 2>&1
wrk -t2 -c8 -d"$WARMUP" -s "$OUT/report.lua" "http://127.0.0.1:$PORT$FLOOR_PATH" >"$OUT/warmup-floor.txt" 2>&1
echo "RSS after warm-up: $(rss_kb) kB" | tee -a "$OUT/summary.txt"

printf '\n| target | connections | requests/s | p50 ms | p99 ms | non-2xx | socket errors | max RSS MB | load avg (1 min) after |\n' \
  | tee -a "$OUT/summary.txt"
printf '|---|---:|---:|---:|---:|---:|---:|---:|---:|\n' | tee -a "$OUT/summary.txt"

run() { # name path lua connections
  local name=$1 path=$2 lua=$3 c=$4 threads=$(( $4 < 2 ? $4 : 2 ))
  local max=0 rss
  wrk -t"$threads" -c"$c" -d"$DURATION" --timeout 10s --latency -s "$lua" "http://127.0.0.1:$PORT$path" \
    >"$OUT/$name-c$c.txt" 2>&1 &
  local wrk_pid=$!
  while kill -0 "$wrk_pid" 2>/dev/null; do
    rss=$(rss_kb || echo 0); [ "${rss:-0}" -gt "$max" ] && max=$rss
    sleep 1
  done
  wait "$wrk_pid"
  local line
  line=$(grep '^RESULT' "$OUT/$name-c$c.txt")
  # shellcheck disable=SC2001
  eval "$(echo "$line" | sed 's/^RESULT //')"
  printf '| %s | %d | %.0f | %.2f | %.2f | %d | %d | %d | %s |\n' "$name" "$c" "$rps" "$p50_ms" "$p99_ms" \
    "$non2xx" "$socket_errors" $(( max / 1024 )) "$(cut -d' ' -f1 /proc/loadavg)" | tee -a "$OUT/summary.txt"
}


for c in $CONNECTIONS; do
  run advice /api/advice "$OUT/advice.lua" "$c"
  run floor "$FLOOR_PATH" "$OUT/report.lua" "$c"
done

echo "RSS after the runs: $(rss_kb) kB" | tee -a "$OUT/summary.txt"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$OUT/summary.txt"
echo "wrk outputs, the Lua scripts and the server log are in $OUT/"
