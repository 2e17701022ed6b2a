# Sourced by bench/run-*-bench.sh (from the repository root): builds a bench module and finds its
# runtime classpath. With BUILD_DEPS=1 it also (re)installs what the module depends on (-am), else
# those are taken from ~/.m2 as last installed. Tests are skipped: a benchmark is a measurement.
#   build_bench MODULE NAME  ->  sets bench_cp_file (jars only), bench_cp (classes + jars) and
#                               spark_flags (the --add-opens list from the root pom); exports
#                               SPARK_LOCAL_IP. Build output goes to /tmp/strands-NAME-bench-build.log.
build_bench() {
  local module=$1 name=$2 log=/tmp/strands-$2-bench-build.log am=()
  if [[ "${BUILD_DEPS:-0}" == 1 ]]; then am=(-am); fi
  bench_cp_file=$module/target/$name-bench-classpath.txt
  flock /tmp/strands-mvn.lock mvn -q -pl "$module" "${am[@]}" install -DskipTests > "$log" 2>&1 \
    || { tail -40 "$log"; exit 1; }
  flock /tmp/strands-mvn.lock mvn -q -pl "$module" dependency:build-classpath \
    -Dmdep.includeScope=runtime -Dmdep.outputFile="$PWD/$bench_cp_file" >> "$log" 2>&1
  bench_cp="$module/target/classes:$(cat "$bench_cp_file")"
  spark_flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' pom.xml)
  export SPARK_LOCAL_IP=127.0.0.1
}

# Prints the machine a result was measured on.
print_machine() {
  echo "machine: $(nproc) cores, $(free -h | awk '/^Mem:/{print $2}') RAM, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  java -version 2>&1 | head -1
}
