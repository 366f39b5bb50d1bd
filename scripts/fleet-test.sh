#!/usr/bin/env bash
# Fleet test (issue 16): three replicas behind nginx (deploy/nginx.conf) on loopback, one rules folder for all, and
# under steady load (wrk): one replica killed with SIGKILL and restarted, another stopped with SIGTERM (graceful) and
# restarted, then three edits of the shared rules folder: a reworded title (no decision changes), a rank (a decision
# changes) and a guardrail tightened past what the rules keep (every replica must refuse it). Each edit is proven before it is
# published, as a fleet's pipeline would (./advisor check --cache PROOFS on a staging copy, with the replicas' jar);
# the replicas share that proofs folder (advisor.workbench.proofs-dir), so they take up the check's sweep instead of
# each sweeping the answer space again. Prints one RESULT line and exits 0 only when no request failed, every replica
# served the same new version within CONVERGE_LIMIT seconds after each accepted edit was published, every replica
# refused the bad edit, no plan ever came from it, and the proxy's rate limit refused a client past its limit.
#
#   apt-get install -y nginx wrk     # Debian's packages; this script installs nothing
#   scripts/fleet-test.sh            # about 20 minutes; logs and wrk outputs in target/fleet/
#   CONNECTIONS=32 JAVA_OPTS=-Xmx1536m scripts/fleet-test.sh
#
# Ports 18480 (nginx) and 18481-18483 (replicas) on 127.0.0.1 (BASE_PORT moves them all). The rules are a copy of
# rules/ in a temporary folder; the repository's rules/ is never touched. Every wait is bounded; everything started
# here is stopped on exit, on failure too. The replicas run in fleet mode (--spring.profiles.active=fleet: the
# in-app rate limiter off, X-Forwarded-For trusted from loopback only); the load generator's address, 127.0.0.1, is
# exempted from the proxy's limit in this run's copy of nginx.conf, and the limit is checked from 127.0.0.2.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

BASE_PORT=${BASE_PORT:-18480}
CONNECTIONS=${CONNECTIONS:-16}
# Under the kill, the stop and the edits each connection waits PACE_MS between a plan and its next request: a steady
# load below what the fleet can serve, as a fleet runs with headroom. By default (auto) the pace offers LOAD_PERCENT of
# the three replicas' throughput measured just before (60: the autoscaler's target in docs/scaling.md). PACE_MS=0: as
# fast as it goes (the fleet saturated: every reload then competes with serving for the last of the CPU).
PACE_MS=${PACE_MS:-auto}
LOAD_PERCENT=${LOAD_PERCENT:-60}
WARMUP=${WARMUP:-20s}
MEASURE=${MEASURE:-15s}
MAX_LOAD_SECONDS=${MAX_LOAD_SECONDS:-1800}
CONVERGE_LIMIT=${CONVERGE_LIMIT:-10}
START_LIMIT=${START_LIMIT:-180}
# a replica sweeps rules no proof in the folder stands for (and the check sweeps): about 1 GB of heap
# (docs/operations.md, Heap)
JAVA_OPTS=${JAVA_OPTS:--Xmx1g -XX:+ExitOnOutOfMemoryError}
OUT=${OUT:-target/fleet}
PROXY="http://127.0.0.1:$BASE_PORT"
BODY='{"relationship":"ROMANTIC","breach":"HALF_TRUTHS","readiness":"NEEDS_SPACE","daysElapsed":20,"disclosure":"DISCOVERED","apologiesMade":2}'

# --- what is needed, said rather than installed
NGINX=$(command -v nginx || true)
[ -z "$NGINX" ] && [ -x /usr/sbin/nginx ] && NGINX=/usr/sbin/nginx
missing=()
[ -n "$NGINX" ] || missing+=(nginx)
for tool in wrk curl java bc pgrep; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  packages=$(printf '%s\n' "${missing[@]}" | sed 's/^java$/openjdk-17-jre-headless/; s/^pgrep$/procps/' | tr '\n' ' ')
  echo "missing: ${missing[*]}. On Debian: apt-get install -y $packages" >&2
  echo "(this script installs nothing)" >&2
  exit 2
fi
JAR=$(ls target/trust-repair-advisor-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$JAR" ]; then
  echo "building the jar: ./mvnw -q -B -DskipTests package"
  ./mvnw -q -B -DskipTests package
  JAR=$(ls target/trust-repair-advisor-*.jar | grep -v -- '-plain' | head -1)
fi
JAR=$ROOT/$JAR

for p in "$BASE_PORT" $((BASE_PORT + 1)) $((BASE_PORT + 2)) $((BASE_PORT + 3)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
    echo "port $p on 127.0.0.1 is in use (a run left over?); free it or set BASE_PORT" >&2
    exit 2
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT" && OUT=$(cd "$OUT" && pwd)
WORK=$(mktemp -d /tmp/fleet-test.XXXXXX)
RULES=$WORK/rules
cp -r rules "$RULES"
PROOFS=$WORK/proofs
NG=$WORK/nginx
mkdir -p "$NG/logs" "$NG/tmp"
chmod 755 "$WORK" "$NG" # nginx's workers run as nobody

declare -A PID=()
declare -A LOG=()
NGINX_PID=
WRK_PID=
cleanup() {
  set +e # stop everything, whatever fails on the way
  local p
  [ -n "$WRK_PID" ] && kill "$WRK_PID" 2>/dev/null
  for p in "${PID[@]}"; do kill "$p" 2>/dev/null || true; done
  [ -n "$NGINX_PID" ] && kill -QUIT "$NGINX_PID" 2>/dev/null
  for p in "${PID[@]}" $NGINX_PID $WRK_PID; do wait "$p" 2>/dev/null || true; done
  [ -f "$NG/logs/error.log" ] && cp "$NG/logs/error.log" "$OUT/nginx-error.log"
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 143' TERM
set -E
trap 'echo "FAILED at line $LINENO: $BASH_COMMAND" >&2' ERR
trap 'exit 130' INT

T0=$(date +%s.%N)
now() { echo "$(date +%s.%N) - $T0" | bc; }
say() { printf '[%6.1f s] %s\n' "$(now)" "$*" | tee -a "$OUT/events.txt"; }
fail() { say "FAILED: $*"; exit 1; }

port() { echo $((BASE_PORT + $1)); }
version() { # replica -> the rules version its readiness shows, or nothing
  curl -s --max-time 1 "http://127.0.0.1:$(port "$1")/readyz" 2>/dev/null \
    | grep -o '"rulesVersion":"[0-9a-f]*"' | cut -d'"' -f4 || true
}
STARTS=0
start_replica() {
  local n=$1
  STARTS=$((STARTS + 1))
  LOG[$n]=$OUT/replica-$n-start-$STARTS.log
  mkdir -p "$WORK/replica-$n"
  # shellcheck disable=SC2086
  (cd "$WORK/replica-$n" && exec java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=fleet \
    --server.address=127.0.0.1 --server.port="$(port "$n")" --management.server.port=0 \
    --advisor.rules-dir="$RULES" --advisor.workbench.samples-dir="$ROOT/samples" \
    --advisor.workbench.proofs-dir="$PROOFS" >"${LOG[$n]}" 2>&1) &
  PID[$n]=$!
}
wait_ready() { # replica: until readiness shows a version, then until the sweep at start is done
  local n=$1 start
  start=$(now)
  for _ in $(seq 1 $((START_LIMIT * 4))); do
    [ -n "$(version "$n")" ] && break
    kill -0 "${PID[$n]}" 2>/dev/null || fail "replica $n stopped at start; see ${LOG[$n]}"
    sleep 0.25
  done
  [ -n "$(version "$n")" ] || fail "replica $n not ready in $START_LIMIT s"
  say "replica $n ready after $(echo "$(now) - $start" | bc | xargs printf '%.1f') s, serving $(version "$n")"
  for _ in $(seq 1 $((START_LIMIT * 4))); do
    grep -q 'served since start keep every guardrail\|served since start do not pass\|Sweeping the rules served since start failed' \
      "${LOG[$n]}" && break
    sleep 0.25
  done
  grep -q 'served since start keep every guardrail' "${LOG[$n]}" || fail "replica $n: no sweep at start; see ${LOG[$n]}"
  say "replica $n proved its rules at start ($(grep -o 'swept in [0-9]* s\|proven by a sweep kept in the proofs folder' "${LOG[$n]}" | tail -1))"
}
render_nginx() { # replicas to mark down...
  local n
  sed -e "s/127\.0\.0\.1:8080/127.0.0.1:$BASE_PORT/" \
    -e "s/127\.0\.0\.1:8081/127.0.0.1:$(port 1)/" \
    -e "s/127\.0\.0\.1:8082/127.0.0.1:$(port 2)/" \
    -e "s/127\.0\.0\.1:8083/127.0.0.1:$(port 3)/" \
    -e '/geo \$advisor_limit_exempt/,/}/ s/^\( *\)default 0;/\1default 0;\n\1127.0.0.1 1;   # fleet-test: the load generator/' \
    deploy/nginx.conf >"$NG/nginx.conf"
  for n in "$@"; do
    sed -i "s/\(server 127\.0\.0\.1:$(port "$n") [^;]*\);/\1 down;/" "$NG/nginx.conf"
  done
  "$NGINX" -t -q -p "$NG" -e "$NG/logs/error.log" -c "$NG/nginx.conf" 2>>"$OUT/events.txt" || fail "nginx.conf does not pass nginx -t"
}

# --- wrk scripts: the POST, a summary line, and (under chaos) the rules version of every plan
cat >"$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '$BODY'
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("SUMMARY requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
LUA
HZ=$(getconf CLK_TCK)
ticks() { # pids -> their CPU time (user + system) so far, in clock ticks
  local t=0 p
  for p in "$@"; do [ -r "/proc/$p/stat" ] && t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done
  echo "$t"
}
measure() { # name replica... : wrk at full speed through nginx, with the CPU the replicas and nginx spent on it
  local name=$1 n pids=() workers before_r before_n after_r after_n requests
  shift
  for n in "$@"; do pids+=("${PID[$n]}"); done
  workers=$(pgrep -P "$NGINX_PID" | tr '\n' ' ')
  wrk -t2 -c"$CONNECTIONS" -d"$WARMUP" --timeout 10s -s "$OUT/post.lua" "$PROXY/api/advice" >"$OUT/wrk-warmup-$name.txt" 2>&1
  before_r=$(ticks "${pids[@]}")
  # shellcheck disable=SC2086
  before_n=$(ticks $workers)
  wrk -t2 -c"$CONNECTIONS" -d"$MEASURE" --timeout 10s -s "$OUT/post.lua" "$PROXY/api/advice" >"$OUT/wrk-$name.txt" 2>&1
  after_r=$(ticks "${pids[@]}")
  # shellcheck disable=SC2086
  after_n=$(ticks $workers)
  requests=$(field "$(summary_of "$OUT/wrk-$name.txt")" requests)
  echo "$(summary_of "$OUT/wrk-$name.txt") cpu_ms_per_plan=$(echo "scale=3; ($after_r - $before_r) * 1000 / $HZ / $requests" | bc) nginx_cpu_ms_per_request=$(echo "scale=3; ($after_n - $before_n) * 1000 / $HZ / $requests" | bc)"
}
summary_of() { grep '^SUMMARY' "$1" | sed 's/^SUMMARY //'; }
field() { echo "$1" | tr ' ' '\n' | grep "^$2=" | cut -d= -f2; }

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  java -version 2>&1 | head -1
  echo "$("$NGINX" -v 2>&1); $( (wrk -v 2>&1 || true) | head -1 | cut -d' ' -f1-2)" # wrk -v exits 1
  echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$OUT/machine.txt"

# prove: FOLDER -> checks it with the replicas' jar, keeping the sweep in the shared proofs folder; sets PROVE_S and
# PROVE_RC (0 holds, 1 something to fix)
prove() {
  local start
  start=$(now)
  PROVE_RC=0
  # shellcheck disable=SC2086
  java $JAVA_OPTS -XX:+UseParallelGC -jar "$JAR" check "$1" --samples "$ROOT/samples" --cache "$PROOFS" \
    >>"$OUT/checks.txt" 2>&1 || PROVE_RC=$?
  PROVE_S=$(printf '%.1f' "$(echo "$(now) - $start" | bc)")
}

# --- the rules proven once before any replica starts: each replica's sweep at start then takes up this proof
say "proving the rules before the replicas start: advisor check --cache $PROOFS"
prove "$RULES"
[ "$PROVE_RC" = 0 ] || fail "the shipped rules do not pass the check; see $OUT/checks.txt"
say "proven in $PROVE_S s ($(grep -o 'in all [0-9,]* situations\|[0-9,]* situations' "$OUT/checks.txt" | head -1))"

# --- one replica behind nginx
say "starting replica 1 on port $(port 1) (rules: a copy in $RULES)"
start_replica 1
wait_ready 1
curl -fs "http://127.0.0.1:$(port 1)/api/advice" -H 'Content-Type: application/json' -d "$BODY" | grep -q '"steps"' \
  || fail "the body gets no plan"
render_nginx 2 3
"$NGINX" -p "$NG" -e "$NG/logs/error.log" -c "$NG/nginx.conf" -g 'daemon off;' 2>>"$OUT/events.txt" &
NGINX_PID=$!
for _ in $(seq 1 40); do curl -fs -o /dev/null "$PROXY/livez" 2>/dev/null && break; sleep 0.25; done
curl -fs "$PROXY/api/advice" -H 'Content-Type: application/json' -d "$BODY" | grep -q '"steps"' \
  || fail "no plan through nginx on port $BASE_PORT"
say "nginx on port $BASE_PORT, one replica; warm-up $WARMUP, then $MEASURE at $CONNECTIONS connections"
ONE=$(measure 1-replica 1)
say "1 replica: $ONE (load average $(cut -d' ' -f1 /proc/loadavg))"

# --- three replicas behind nginx (started one after another: each sweeps its rules at start)
for n in 2 3; do
  say "starting replica $n on port $(port "$n")"
  start_replica "$n"
  wait_ready "$n"
done
render_nginx
kill -HUP "$NGINX_PID"
sleep 1
say "nginx reloaded with three replicas; warm-up $WARMUP, then $MEASURE at $CONNECTIONS connections"
THREE=$(measure 3-replicas 1 2 3)
say "3 replicas: $THREE (load average $(cut -d' ' -f1 /proc/loadavg))"

# --- the questionnaire through nginx: a page's CSRF token is kept in its replica's session, so its forms must come
# back to that replica (upstream advisor_pages, by client address)
ANSWERS='answered=role&role=BROKE_TRUST&answered=relationship&relationship=ROMANTIC&answered=breach&breach=INFIDELITY&answered=readiness&readiness=WILLING_TO_TALK&answered=daysElapsed&daysElapsed=40&answered=disclosure&disclosure=CONFESSED&answered=apologiesMade&apologiesMade=1&answered=othersAffected&othersAffected=false&answered=happenedBefore&happenedBefore=false&answered=stillHappening&stillHappening=false&answered=safety'
FORMS_OK=0
for _ in $(seq 1 10); do
  rm -f "$WORK/cookies"
  token=$(curl -s --max-time 10 -c "$WORK/cookies" -b "$WORK/cookies" "$PROXY/questions" \
    | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4 || true)
  code=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -c "$WORK/cookies" -b "$WORK/cookies" "$PROXY/plan" \
    --data-urlencode "_csrf=$token" -d "$ANSWERS" || true)
  [ "$code" = 200 ] || say "questionnaire: a form answered $code (token ${token:+found}${token:-missing})"
  [ "$code" = 200 ] && FORMS_OK=$((FORMS_OK + 1))
done
say "questionnaire through nginx: $FORMS_OK of 10 visitors got their plan page (form posted after the page)"
rm -f "$WORK/cookies"
token=$(curl -s --max-time 10 -c "$WORK/cookies" -b "$WORK/cookies" "http://127.0.0.1:$(port 1)/questions" \
  | grep -o 'name="_csrf" value="[^"]*"' | head -1 | cut -d'"' -f4 || true)
ELSEWHERE=$(curl -s --max-time 10 -o /dev/null -w '%{http_code}' -c "$WORK/cookies" -b "$WORK/cookies" \
  "http://127.0.0.1:$(port 2)/plan" --data-urlencode "_csrf=$token" -d "$ANSWERS" || true)
say "the same form posted to another replica than the one that drew the page: $ELSEWHERE (why pages keep to one replica)"

# --- under steady load: a kill, a graceful stop, three edits
if [ "$PACE_MS" = auto ]; then
  # CONNECTIONS connections, each waiting PACE_MS after a plan: at most CONNECTIONS * 1000 / PACE_MS plans a second
  PACE_MS=$(awk -v c="$CONNECTIONS" -v r="$(field "$THREE" rps)" -v p="$LOAD_PERCENT" \
    'BEGIN { printf "%d", (r > 0 ? c * 1000 / (r * p / 100) : 10) + 0.5 }')
  OFFERED="at most $LOAD_PERCENT % of the $(field "$THREE" rps) plans a second three replicas served"
else
  OFFERED="PACE_MS set by hand"
fi
# the steady load's script: paced, and counting the plans of each rules version
{ cat "$OUT/post.lua"; [ "$PACE_MS" -gt 0 ] && echo "delay = function() return $PACE_MS end"; cat <<'LUA'
local threads = {}
setup = function(thread) table.insert(threads, thread) end
init = function(args) versions = {} end
response = function(status, headers, body)
  local v = body and string.match(body, '"rulesVersion":"(%x+)"')
  if v then versions[v] = (versions[v] or 0) + 1 end
end
local summarize = done
done = function(summary, latency, requests)
  summarize(summary, latency, requests)
  local all = {}
  for _, t in ipairs(threads) do
    for v, n in pairs(t:get("versions") or {}) do all[v] = (all[v] or 0) + n end
  end
  for v, n in pairs(all) do io.write(string.format("VERSION %s %d\n", v, n)) end
end
LUA
} >"$OUT/chaos.lua"
CONVERGE=()
PROVEN=()
# stage FILE SED: a staging copy of the served rules with the edit, proven (PROVE_S, PROVE_RC)
stage() {
  rm -rf "$WORK/staging" && cp -r "$RULES" "$WORK/staging"
  sed -i "$2" "$WORK/staging/$1"
  cmp -s "$RULES/$1" "$WORK/staging/$1" && fail "the edit changed nothing in $1"
  prove "$WORK/staging"
}
# edit LABEL FILE SED: proves the edit on a staging copy, publishes it into the shared folder, and waits until every
# replica serves one new version (timed from the publishing)
edit() {
  local label=$1 file=$2 expr=$3 before start n v t done_all
  before=$(version 1)
  for n in 2 3; do [ "$(version "$n")" = "$before" ] || fail "replicas differ before the edit: $(version 1) $(version 2) $(version 3)"; done
  stage "$file" "$expr"
  [ "$PROVE_RC" = 0 ] || fail "the edit ($label) does not pass the check; see $OUT/checks.txt"
  say "edit ($label) proven on a staging copy in $PROVE_S s; publishing it"
  PROVEN+=("$PROVE_S")
  start=$(now)
  cp "$WORK/staging/$file" "$RULES/$file"
  declare -A at=() seen=()
  for _ in $(seq 1 600); do # 60 s at most
    done_all=1
    for n in 1 2 3; do
      [ -n "${at[$n]:-}" ] && continue
      v=$(version "$n")
      if [ -n "$v" ] && [ "$v" != "$before" ]; then at[$n]=$(echo "$(now) - $start" | bc); seen[$n]=$v; else done_all=0; fi
    done
    [ "$done_all" = 1 ] && break
    grep -h -o 'Rules edit refused (version [0-9a-f]*)' "${LOG[1]}" "${LOG[2]}" "${LOG[3]}" \
      | grep -q . && fail "the edit ($label) was refused; see the replicas' logs"
    sleep 0.1
  done
  for n in 1 2 3; do [ -n "${at[$n]:-}" ] || fail "replica $n did not take up the edit ($label) in 60 s"; done
  [ "${seen[1]}" = "${seen[2]}" ] && [ "${seen[2]}" = "${seen[3]}" ] \
    || fail "replicas serve different versions after the edit ($label): ${seen[*]}"
  t=$(printf '%s\n' "${at[@]}" | sort -g | tail -1)
  say "edit ($label): $before -> ${seen[1]} on all three after $(printf '%.1f' "$t") s (replicas: $(printf '%.1f ' "${at[1]}" "${at[2]}" "${at[3]}")s)"
  CONVERGE+=("$(printf '%.1f' "$t")")
}

say "steady load: wrk -t2 -c$CONNECTIONS, ${PACE_MS} ms between a plan and the next request on a connection ($OFFERED), through nginx (stopped when the events are done, ${MAX_LOAD_SECONDS} s at most)"
wrk -t2 -c"$CONNECTIONS" -d"${MAX_LOAD_SECONDS}s" --timeout 10s -s "$OUT/chaos.lua" "$PROXY/api/advice" \
  >"$OUT/wrk-chaos.txt" 2>&1 &
WRK_PID=$!
sleep 8

say "SIGKILL replica 1 (pid ${PID[1]})"
kill -KILL "${PID[1]}"
wait "${PID[1]}" 2>/dev/null || true
sleep 2
say "restarting replica 1"
start_replica 1
wait_ready 1
sleep 5

say "SIGTERM replica 2 (pid ${PID[2]}): graceful stop"
kill -TERM "${PID[2]}"
for _ in $(seq 1 120); do kill -0 "${PID[2]}" 2>/dev/null || break; sleep 0.25; done
kill -0 "${PID[2]}" 2>/dev/null && fail "replica 2 still running 30 s after SIGTERM"
rc=0; wait "${PID[2]}" 2>/dev/null || rc=$?
say "replica 2 stopped (exit status $rc)"
grep -q 'Graceful shutdown complete' "${LOG[2]}" && say "replica 2's log: $(grep -o 'Commencing graceful shutdown.*\|Graceful shutdown complete' "${LOG[2]}" | tr '\n' ' ')"
sleep 2
say "restarting replica 2"
start_replica 2
wait_ready 2
sleep 5

# (a title with no word a guardrail forbids, before or after: rewording "until they feel heard" would be a decision)
edit "a title reworded" apologize/advice.yaml \
  's/"Offer a concrete fix"/"Offer one concrete fix"/'
sleep 3
edit "a rank" apologize/apologize.drl \
  's/"apologize-to-others-harmed", Phase.APOLOGIZE, 5/"apologize-to-others-harmed", Phase.APOLOGIZE, 6/'
sleep 3

SERVED=$(version 1)
declare -A REFUSED_BEFORE=()
for n in 1 2 3; do REFUSED_BEFORE[$n]=$(grep -c 'Rules edit refused' "${LOG[$n]}" || true); done
say "edit (a guardrail tightened past what the rules keep): the check refuses it; published anyway, every replica must refuse it"
cp "$RULES/guardrails.yaml" "$WORK/guardrails.yaml"
# plans without a safety concern have up to twelve steps: a promise of six is broken in many situations
stage guardrails.yaml 's/^      maxSteps: 12$/      maxSteps: 6/'
[ "$PROVE_RC" = 1 ] || fail "the check did not refuse the guardrail-breaking edit (exit $PROVE_RC); see $OUT/checks.txt"
say "the check refused it in $PROVE_S s; publishing it anyway"
start=$(now)
cp "$WORK/staging/guardrails.yaml" "$RULES/guardrails.yaml"
REFUSED=0
for _ in $(seq 1 600); do
  REFUSED=0
  for n in 1 2 3; do
    [ "$(grep -c 'Rules edit refused' "${LOG[$n]}" || true)" -gt "${REFUSED_BEFORE[$n]}" ] && REFUSED=$((REFUSED + 1))
  done
  [ "$REFUSED" = 3 ] && break
  sleep 0.1
done
REFUSE_TIME=$(printf '%.1f' "$(echo "$(now) - $start" | bc)")
BAD_VERSION=$(grep -h -o 'Rules edit refused (version [0-9a-f]*)' "${LOG[1]}" "${LOG[2]}" "${LOG[3]}" | tail -1 | grep -o '[0-9a-f]\{6,\})' | tr -d ')' || true)
say "refused by $REFUSED of 3 replicas after $REFUSE_TIME s (version ${BAD_VERSION:-?}); serving: $(version 1) $(version 2) $(version 3)"
for n in 1 2 3; do [ "$(version "$n")" = "$SERVED" ] || fail "replica $n no longer serves $SERVED after the refused edit"; done
cp "$WORK/guardrails.yaml" "$RULES/guardrails.yaml"
say "the bad edit undone in the folder (its content is the served version again: no reload)"
sleep 5

kill -0 "$WRK_PID" 2>/dev/null || fail "the load ended (after MAX_LOAD_SECONDS=$MAX_LOAD_SECONDS s) before the events did"
say "stopping the load"
kill -INT "$WRK_PID" 2>/dev/null || true
for _ in $(seq 1 40); do kill -0 "$WRK_PID" 2>/dev/null || break; sleep 0.25; done
wait "$WRK_PID" 2>/dev/null || true
WRK_PID=
CHAOS=$(summary_of "$OUT/wrk-chaos.txt")
[ -n "$CHAOS" ] || fail "wrk printed no summary; see $OUT/wrk-chaos.txt"
say "under chaos: $CHAOS"
VERSIONS=$(grep '^VERSION' "$OUT/wrk-chaos.txt" | awk '{print $2":"$3}' | sort | tr '\n' ' ' | xargs)
NVERSIONS=$(grep -c '^VERSION' "$OUT/wrk-chaos.txt" || true)
say "plans by rules version: $VERSIONS"

# --- the fleet-wide rate limit, from another client address (127.0.0.2; the load generator is exempt): 300 posts,
# four at a time; at most 121 + 2 a second of them may pass
LIMIT_START=$(now)
seq 1 300 | xargs -P 4 -I{} curl -s -o /dev/null -w '%{http_code}\n' --interface 127.0.0.2 --max-time 10 \
  "$PROXY/api/advice" -H 'Content-Type: application/json' -d "$BODY" >"$OUT/rate-limit-codes.txt" || true
LIMIT_TIME=$(printf '%.1f' "$(echo "$(now) - $LIMIT_START" | bc)")
LIMITED=$(grep -c '^429$' "$OUT/rate-limit-codes.txt" || true)
PASSED=$(grep -c '^200$' "$OUT/rate-limit-codes.txt" || true)
# one refusal's body, as a client gets it (the burst may be over and the bucket refilled: a few tries at once)
for _ in $(seq 1 20); do
  code=$(curl -s -o "$OUT/429.json" -w '%{http_code}' --interface 127.0.0.2 --max-time 10 "$PROXY/api/advice" \
    -H 'Content-Type: application/json' -d "$BODY" || true)
  [ "$code" = 429 ] && break
done
say "rate limit from 127.0.0.2, 300 posts in $LIMIT_TIME s: $PASSED answered, $LIMITED refused with 429 ($(head -c 70 "$OUT/429.json")...)"

RETRIED=$(grep -c 'upstream' "$NG/logs/error.log" || true)
REQUESTS=$(field "$CHAOS" requests)
NON2XX=$(field "$CHAOS" non2xx)
SOCKET=$(field "$CHAOS" socket_errors)
BAD_SERVED=0
[ -n "$BAD_VERSION" ] && grep -q "^VERSION $BAD_VERSION " "$OUT/wrk-chaos.txt" && BAD_SERVED=1
CONV_MAX=$(printf '%s\n' "${CONVERGE[@]}" | sort -g | tail -1)
LINE="RESULT pace_ms=$PACE_MS requests=$REQUESTS non2xx=$NON2XX socket_errors=$SOCKET versions_seen=$NVERSIONS converge_s=${CONVERGE[0]}(words),${CONVERGE[1]}(decision) proven_before_s=${PROVEN[0]}(words),${PROVEN[1]}(decision) refused_by=$REFUSED/3 rps_1_replica=$(field "$ONE" rps) rps_3_replicas=$(field "$THREE" rps) rps_under_chaos=$(field "$CHAOS" rps) cpu_ms_per_plan=$(field "$THREE" cpu_ms_per_plan) nginx_cpu_ms_per_request=$(field "$THREE" nginx_cpu_ms_per_request) upstream_errors_retried=$RETRIED questionnaire=$FORMS_OK/10 rate_limited=$LIMITED/300 load_avg=$(cut -d' ' -f1 /proc/loadavg)"
echo "$LINE" | tee -a "$OUT/events.txt"

status=0
[ "$NON2XX" = 0 ] && [ "$SOCKET" = 0 ] || { echo "FAILED: requests failed under the kill, the stop or the edits" >&2; status=1; }
[ "$NVERSIONS" -ge 3 ] || { echo "FAILED: expected plans of 3 rules versions, saw $NVERSIONS" >&2; status=1; }
[ "$(echo "$CONV_MAX <= $CONVERGE_LIMIT" | bc)" = 1 ] || { echo "FAILED: an edit took ${CONV_MAX} s to reach every replica (limit $CONVERGE_LIMIT s)" >&2; status=1; }
[ "$REFUSED" = 3 ] || { echo "FAILED: the guardrail-breaking edit was refused by $REFUSED of 3 replicas" >&2; status=1; }
[ "$BAD_SERVED" = 0 ] || { echo "FAILED: a plan came from the refused version $BAD_VERSION" >&2; status=1; }
[ "$LIMITED" -gt 0 ] && [ "$PASSED" -ge 100 ] || { echo "FAILED: the proxy's rate limit did not work as set" >&2; status=1; }
[ "$FORMS_OK" = 10 ] || { echo "FAILED: questionnaire forms refused through nginx" >&2; status=1; }
echo "events, wrk outputs and the replicas' logs: $OUT/"
exit $status
