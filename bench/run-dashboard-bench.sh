#!/usr/bin/env bash
# Runs io.strandsetl.bench.dashboard.DashboardBenchmark: p50/p95 of every API call behind the eight
# dashboard sections and the time until each section page is complete in Chromium, over a SQLite
# store of generated executions (bench/strands-dashboard-bench/target/dashboard-bench.db, kept
# between runs and topped up to --runs). See bench/README.md.
# Usage (from anywhere): bench/run-dashboard-bench.sh [--runs 1000000] [--days 90] [--samples 30]
#   [--page-loads 5] [--seed-only true] [--db FILE] [--chromium /usr/bin/chromium]
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/build-bench.sh
build_bench bench/strands-dashboard-bench dashboard
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The lock is held for the whole run so no other heavy job skews the timings.
flock /tmp/strands-mvn.lock java -Xmx2g -Dfile.encoding=UTF-8 \
  -cp "$bench_cp" io.strandsetl.bench.dashboard.DashboardBenchmark \
  --db "bench/strands-dashboard-bench/target/dashboard-bench.db" "$@"
