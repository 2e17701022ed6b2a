#!/usr/bin/env bash
# Regenerates the fixture event logs (src/main/resources/fixtures/eventlogs) with real Spark runs.
# Usage: core/strands-testkit/generate-fixtures.sh [comma-separated case names]   (from the repo root)
set -euo pipefail
cd "$(dirname "$0")/../.."
module=core/strands-testkit
cp_file=$module/target/test-classpath.txt
flock /tmp/strands-mvn.lock mvn -q -pl $module test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/$cp_file"
flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
export SPARK_LOCAL_IP=127.0.0.1
# -Xmx2g: the spill and memory-pressure cases size their data against a 2 GiB heap.
# shellcheck disable=SC2086
flock /tmp/strands-mvn.lock java $flags -Xmx2g -Duser.timezone=UTC -Dfile.encoding=UTF-8 \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$cp_file")" \
  io.strandsetl.testkit.fixtures.FixtureLogGenerator \
  "$module/src/main/resources/fixtures/eventlogs" "${1:-}"
