#!/usr/bin/env bash
# Issue 5's live reload benchmark: a server on a copy of rules/, then seven edits in order (each on the rules the
# previous one left), each timed from the write to the new version answering on /readyz, or to
# the refusal in the server's log. Prints each edit's time and the server's own account of its sweep ("… situations
# evaluated again, … of them by the engine").
#
#   scripts/benchmark-reload.sh            # one run of the sequence on a fresh server (about a minute)
#   RUNS=5 scripts/benchmark-reload.sh     # five runs, each on a fresh server
#
# It edits a copy of the frozen rule set the proof is tested on (src/test/resources/fixture/rules), so that the edits
# below stay valid whatever counsellors change in rules/.
#
# Loopback only, port 8099 (PORT); the server started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-1}
RULES=${RULES:-src/test/resources/fixture/rules}
PORT=${PORT:-8099}
WORK=$(mktemp -d)
SERVER=
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

echo "== machine"
nproc
java -version 2>&1 | head -n 1
uptime
[ -f target/trust-repair-advisor-0.1.0-SNAPSHOT.jar ] || ./mvnw -q -B -DskipTests package

version() {
  curl -s "localhost:$PORT/readyz" | grep -o '"rulesVersion":"[0-9a-f]*"' || true
}

# edit FILE SED-EXPRESSION: applies the edit and waits until it is served or refused
edit() {
  local before refusals start now
  before=$(version)
  refusals=$(grep -c 'refused' "$WORK/server.log" || true)
  start=$(date +%s.%N)
  sed -i "$2" "$WORK/rules/$1"
  for _ in $(seq 1 1200); do
    now=$(version)
    if [ "$now" != "$before" ]; then
      echo "served after $(echo "$(date +%s.%N) - $start" | bc) s"
      break
    fi
    if [ "$(grep -c 'refused' "$WORK/server.log" || true)" != "$refusals" ]; then
      echo "refused after $(echo "$(date +%s.%N) - $start" | bc) s"
      break
    fi
    sleep 0.05
  done
  sleep 2
}

for run in $(seq 1 "$RUNS"); do
  echo "== run $run"
  rm -rf "$WORK/rules" && cp -r "$RULES" "$WORK/rules"
  java -jar target/trust-repair-advisor-0.1.0-SNAPSHOT.jar --advisor.rules-dir="$WORK/rules" --server.port="$PORT" --server.address=127.0.0.1 --advisor.workbench.enabled=true \
    > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 120); do
    grep -q 'Swept the answer space' "$WORK/server.log" && break
    sleep 1
  done
  grep -o 'Swept the answer space.*' "$WORK/server.log"
  echo -n "a title reworded: "
  edit apologize/advice.yaml 's/title: Listen until they feel heard/title: Listen until they feel fully heard/'
  echo -n "a rank: "
  edit apologize/apologize.drl \
    's/"apologize-to-others-harmed", Phase.APOLOGIZE, 5/"apologize-to-others-harmed", Phase.APOLOGIZE, 6/'
  echo -n "a narrow condition that breaks a guardrail: "
  edit step-back/step-back.drl 's/readiness == Readiness.MOVED_ON, apologiesMade == 0, !safetyConcern/readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), apologiesMade == 0, !safetyConcern/'
  # put it back (refused edits are not served; this makes the folder match what is served again)
  sed -i 's/readiness in ( Readiness.MOVED_ON, Readiness.NO_CONTACT ), apologiesMade == 0, !safetyConcern/readiness == Readiness.MOVED_ON, apologiesMade == 0, !safetyConcern/' \
    "$WORK/rules/step-back/step-back.drl"
  sleep 3
  echo -n "a broad condition: "
  edit apologize/apologize.drl 's/othersAffected, apologiesMade == 0 )/othersAffected, apologiesMade <= 1 )/'
  echo -n "a broader one: "
  edit prove/prove.drl \
    's/relationship == Relationship.ROMANTIC/relationship in ( Relationship.ROMANTIC, Relationship.WORKPLACE )/'
  echo -n "a value named for the first time: "
  edit prove/prove.drl \
    's/Relationship.ROMANTIC, Relationship.WORKPLACE )/Relationship.ROMANTIC, Relationship.WORKPLACE, Relationship.FAMILY )/'
  echo -n "a new number to compare with: "
  edit apologize/apologize.drl 's/othersAffected, apologiesMade <= 1 )/othersAffected, apologiesMade <= 4 )/'
  grep -o 'Swept rules.*' "$WORK/server.log" || true
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
done
