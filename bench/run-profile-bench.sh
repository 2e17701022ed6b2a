#!/usr/bin/env bash
# Runs io.strandsetl.bench.ProfileBenchmark: the quality profile of TPC-H SF1 lineitem vs a plain
# noop-writer scan of the same columns, same JVM, same data. Generates SF1 under strands-data/tpch-1
# first when absent. See bench/README.md.
# Usage (from anywhere): bench/run-profile-bench.sh [--reps N] [--master local[2]] 
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-bench profile
print_machine
# The lock is held for the whole run so no other heavy job skews the timings. Spark logs go to a file.
# shellcheck disable=SC2086
flock /tmp/strands-mvn.lock java -Xmx4g $spark_flags -Dfile.encoding=UTF-8 \
  -cp "$bench_cp" io.strandsetl.bench.ProfileBenchmark "$@" \
  2> /tmp/strands-profile-bench.log
