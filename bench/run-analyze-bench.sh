#!/usr/bin/env bash
# Runs io.strandsetl.bench.AnalyzeBenchmark: Spark's History-Server replay vs our reader on the two
# big shared logs, then our reader on every shared log under -Xmx256m. See bench/README.md.
# Usage (from anywhere): bench/run-analyze-bench.sh [--reps N] [--heap 2g] [--no-check] [--no-compare] [log ...]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-bench analyze
# The lock is held for the whole run so no other heavy job skews the timings.
flock /tmp/strands-mvn.lock java -Xmx512m -Dfile.encoding=UTF-8 \
  -Dstrands.shared.dir="$PWD/../shared" -Dstrands.bench.jvmFlags="$spark_flags -Dfile.encoding=UTF-8" \
  -cp "$bench_cp" io.strandsetl.bench.AnalyzeBenchmark "$@"
