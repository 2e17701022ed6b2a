#!/usr/bin/env bash
# Runs io.strandsetl.bench.AnalyzeBenchmark: Spark's History-Server replay vs our reader on the two
# big shared logs, then our reader on every shared log under -Xmx256m. See bench/README.md.
# Usage (from anywhere): bench/run-analyze-bench.sh [--reps N] [--heap 2g] [--no-check] [--no-compare] [log ...]
set -euo pipefail
cd "$(dirname "$0")/.."
module=bench/strands-bench
cp_file=$module/target/bench-classpath.txt
# Build the bench; with BUILD_DEPS=1 also (re)install what it depends on (-am), else those are
# taken from ~/.m2 as last installed. Tests are skipped: this is a measurement, not a test run.
if [[ "${BUILD_DEPS:-0}" == 1 ]]; then am=(-am); else am=(); fi
flock /tmp/strands-mvn.lock mvn -q -pl $module "${am[@]}" install -DskipTests > /tmp/strands-bench-build.log 2>&1 \
  || { tail -40 /tmp/strands-bench-build.log; exit 1; }
flock /tmp/strands-mvn.lock mvn -q -pl $module dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$cp_file" >> /tmp/strands-bench-build.log 2>&1
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
export SPARK_LOCAL_IP=127.0.0.1
# The lock is held for the whole run so no other heavy job skews the timings.
flock /tmp/strands-mvn.lock java -Xmx512m -Dfile.encoding=UTF-8 \
  -Dstrands.shared.dir="$PWD/../shared" -Dstrands.bench.jvmFlags="$flags -Dfile.encoding=UTF-8" \
  -cp "$module/target/classes:$(cat "$cp_file")" io.strandsetl.bench.AnalyzeBenchmark "$@"
