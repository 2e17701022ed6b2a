#!/usr/bin/env bash
# Runs io.strandsetl.bench.PipelineBenchmark: TPC-H SF1 Q1, Q3 and Q5 as pipelines under Strands'
# runner vs the same SQL with the bare Spark API, same JVM, same flags, same data. Generates the
# SF1 data under strands-data/tpch-1 first when absent. See bench/README.md.
# Usage (from anywhere): bench/run-pipeline-bench.sh [--reps N] [--master local[2]] [--queries q1,q3,q5]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-bench pipeline
print_machine
# The lock is held for the whole run so no other heavy job skews the timings. Spark logs go to a file.
# shellcheck disable=SC2086
flock /tmp/strands-mvn.lock java -Xmx4g $spark_flags -Dfile.encoding=UTF-8 \
  -cp "$bench_cp" io.strandsetl.bench.PipelineBenchmark "$@" \
  2> /tmp/strands-pipeline-bench.log
