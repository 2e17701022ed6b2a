#!/usr/bin/env bash
# Runs io.strandsetl.bench.PiiScanBenchmark: PII scan throughput of text columns (MB/s per core)
# against reading the same chars and one regex, same JVM, same data. See bench/README.md.
# Usage (from anywhere): bench/run-pii-bench.sh [--rows 200000] [--reps 5] [--master local[2]]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-bench pii
# The lock is held for the whole run so no other heavy job skews the timings; Spark logs to a file.
flock /tmp/strands-mvn.lock java -Xmx3g $spark_flags -Dfile.encoding=UTF-8 \
  -cp "$bench_cp" io.strandsetl.bench.PiiScanBenchmark "$@" \
  2> /tmp/strands-pii-bench.log
