#!/usr/bin/env bash
# Issue 4's benchmark, reproducible: 100,000 generated cases (seed 1) through
#   1. the batch command end to end, as a user runs it (a fresh JVM: start, rule build, read, evaluate, write), RUNS times;
#   2. JMH (src/jmh/java, profile -Pjmh): the batch command in-process with the rules built, Advisor.evaluate alone on
#      1 and 2 threads, and the JSON floor (read the same lines and write lines of the same shape with Jackson, no rules);
#   3. the same measurements with the CPU time each used besides the wall time (CpuTime), which load distorts less.
# Usage: scripts/benchmark-batch.sh [extra JMH options, e.g. -f 1 -wi 1]   Environment: COUNT (100000), RUNS (3).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${COUNT:-100000}
RUNS=${RUNS:-3}
CASES=target/bench/cases-$COUNT.jsonl

echo "== machine"
nproc
java -version 2>&1 | head -n 1
uptime

./mvnw -q -B -DskipTests package
mkdir -p target/bench
if [ ! -f "$CASES" ]; then
  ./advisor generate --count "$COUNT" --seed 1 --out "$CASES"
fi
echo "== $CASES: $(wc -l < "$CASES") cases, $(du -h "$CASES" | cut -f1)"

echo "== batch end to end: ./advisor batch $CASES --out target/bench/out.jsonl ($RUNS runs)"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "   wall %e s, cpu %U s user + %S s sys" \
    ./advisor batch "$CASES" --out target/bench/out.jsonl --no-progress
done
echo "   output: $(du -h target/bench/out.jsonl | cut -f1)"

echo "== JMH (ms per $COUNT cases; lower is better)"
./mvnw -q -B -Pjmh -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/jmh/classpath.txt -Dmdep.includeScope=test
CP="target/jmh/test-classes:target/jmh/classes:$(cat target/jmh/classpath.txt)"
java -cp "$CP" org.openjdk.jmh.Main BatchBenchmark -p cases="$CASES" -rf json -rff target/bench/jmh.json "$@"

echo "== the same, with the CPU time each used (a cross-check that load distorts less)"
java -Xms1g -Xmx1g -cp "$CP" org.trustrepair.advisor.batch.CpuTime "$CASES" 2>/dev/null
