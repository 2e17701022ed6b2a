#!/usr/bin/env bash
# Runs io.strandsetl.bench.ProfileBenchmark: the quality profile of TPC-H SF1 lineitem vs a plain
# noop-writer scan of the same columns, same JVM, same data. Generates SF1 under strands-data/tpch-1
# first when absent. See bench/README.md.
# Usage (from anywhere): bench/run-profile-bench.sh [--reps N] [--master local[2]] 
set -euo pipefail
cd "$(dirname "$0")/.."
module=bench/strands-bench
cp_file=$module/target/profile-bench-classpath.txt
# Build the bench; with BUILD_DEPS=1 also (re)install what it depends on (-am), else those are
# taken from ~/.m2 as last installed. Tests are skipped: this is a measurement, not a test run.
if [[ "${BUILD_DEPS:-0}" == 1 ]]; then am=(-am); else am=(); fi
flock /tmp/strands-mvn.lock mvn -q -pl $module "${am[@]}" install -DskipTests > /tmp/strands-profile-bench-build.log 2>&1 \
  || { tail -40 /tmp/strands-profile-bench-build.log; exit 1; }
flock /tmp/strands-mvn.lock mvn -q -pl $module dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$cp_file" >> /tmp/strands-profile-bench-build.log 2>&1
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
export SPARK_LOCAL_IP=127.0.0.1
echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/{print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
java -version 2>&1 | head -1
# The lock is held for the whole run so no other heavy job skews the timings. Spark logs go to a file.
# shellcheck disable=SC2086
flock /tmp/strands-mvn.lock java -Xmx4g $flags -Dfile.encoding=UTF-8 \
  -cp "$module/target/classes:$(cat "$cp_file")" io.strandsetl.bench.ProfileBenchmark "$@" \
  2> /tmp/strands-profile-bench.log
