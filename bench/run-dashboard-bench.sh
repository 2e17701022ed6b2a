#!/usr/bin/env bash
# Runs io.strandsetl.bench.dashboard.DashboardBenchmark: p50/p95 of every API call behind the eight
# dashboard sections and the time until each section page is complete in Chromium, over a SQLite
# store of generated executions (bench/strands-dashboard-bench/target/dashboard-bench.db, kept
# between runs and topped up to --runs). See bench/README.md.
# Usage (from anywhere): bench/run-dashboard-bench.sh [--runs 1000000] [--days 90] [--samples 30]
#   [--page-loads 5] [--seed-only true] [--db FILE] [--chromium /usr/bin/chromium]
set -euo pipefail
cd "$(dirname "$0")/.."
module=bench/strands-dashboard-bench
cp_file=$module/target/bench-classpath.txt
# With BUILD_DEPS=1 also (re)install what the bench depends on (-am), else those come from ~/.m2.
if [[ "${BUILD_DEPS:-0}" == 1 ]]; then am=(-am); else am=(); fi
flock /tmp/strands-mvn.lock mvn -q -pl $module "${am[@]}" install -DskipTests > /tmp/strands-dashboard-bench-build.log 2>&1 \
  || { tail -40 /tmp/strands-dashboard-bench-build.log; exit 1; }
flock /tmp/strands-mvn.lock mvn -q -pl $module dependency:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$cp_file" >> /tmp/strands-dashboard-bench-build.log 2>&1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# The lock is held for the whole run so no other heavy job skews the timings.
flock /tmp/strands-mvn.lock java -Xmx2g -Dfile.encoding=UTF-8 \
  -cp "$module/target/classes:$(cat "$cp_file")" io.strandsetl.bench.dashboard.DashboardBenchmark \
  --db "$module/target/dashboard-bench.db" "$@"
