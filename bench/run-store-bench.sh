#!/usr/bin/env bash
# Runs io.strandsetl.bench.StoreBenchmark: seeds a tracking store with generated executions (a year
# of 100 jobs), measures recordRun ingest on a sample, then p50/p95 of every dashboard query.
# See bench/README.md. Usage (from anywhere):
#   bench/run-store-bench.sh [--backend sqlite|postgres] [--runs 1000000] [--sample 20000] [--reps 50] [--db FILE]
# The SQLite file (default /tmp/strands-store-bench/tracking.db) is reused when it already holds
# the runs; delete it to seed again. PostgreSQL: STRANDS_TEST_POSTGRES_URL/_USER/_PASSWORD, else a
# throwaway cluster from Debian's binaries with durable settings (fsync on).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-bench store
# Run from a private copy of our own classes and jars: helpers re-install ~/.m2 snapshots while a
# long run is going, and a jar replaced under a running JVM breaks its later class loading.
copy=$(mktemp -d /tmp/strands-store-bench-cp.XXXXXX)
trap 'rm -rf "$copy"' EXIT
cp -r "bench/strands-bench/target/classes" "$copy/classes"
cp_list=""
IFS=: read -ra jars < "$bench_cp_file" || true  # no trailing newline: read returns 1
for jar in "${jars[@]}"; do
  if [[ "$jar" == */io/strandsetl/* ]]; then cp "$jar" "$copy/"; jar="$copy/$(basename "$jar")"; fi
  cp_list="$cp_list:$jar"
done
# The lock is held for the whole run so no other heavy job skews the timings.
flock /tmp/strands-mvn.lock java -Xmx2g -Dfile.encoding=UTF-8 \
  -cp "$copy/classes$cp_list" io.strandsetl.bench.StoreBenchmark "$@"
