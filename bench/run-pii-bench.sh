#!/usr/bin/env bash
# Runs io.strandsetl.bench.PiiScanBenchmark: PII scan throughput of text columns (MB/s per core)
# against reading the same chars and one regex, same JVM, same data. See bench/README.md.
# Usage (from anywhere): bench/run-pii-bench.sh [--rows 200000] [--reps 5] [--master local[2]]
set -euo pipefail
cd "$(dirname "$0")/.."
module=bench/strands-bench
cp_file=$module/target/bench-classpath.txt
# With BUILD_DEPS=1 also (re)install what the bench depends on (-am), else those come from ~/.m2.
if [[ "${BUILD_DEPS:-0}" == 1 ]]; then am=(-am); else am=(); fi
flock /tmp/strands-mvn.lock mvn -q -pl $module "${am[@]}" install -DskipTests > /tmp/strands-pii-bench-build.log 2>&1 \
  || { tail -40 /tmp/strands-pii-bench-build.log; exit 1; }
flock /tmp/strands-mvn.lock mvn -q -pl $module dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$cp_file" >> /tmp/strands-pii-bench-build.log 2>&1
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
export SPARK_LOCAL_IP=127.0.0.1
# The lock is held for the whole run so no other heavy job skews the timings; Spark logs to a file.
flock /tmp/strands-mvn.lock java -Xmx3g $flags -Dfile.encoding=UTF-8 \
  -cp "$module/target/classes:$(cat "$cp_file")" io.strandsetl.bench.PiiScanBenchmark "$@" \
  2> /tmp/strands-pii-bench.log
