#!/usr/bin/env bash
# Runs one subcommand of the AutoML-Zero Spark job: ./submit.sh <subcommand> [options]
#
# Spark options (--master, --conf, --deploy-mode, memory and core settings, ...) go to
# spark-submit; everything else goes to the subcommand. With SPARK_HOME set (or
# --spark-submit PATH) the user's spark-submit runs the thin application jar; otherwise the real
# org.apache.spark.deploy.SparkSubmit runs from the project's own Spark jars (target/lib), so a
# machine with only Java and Maven can run everything. See docs/spark.md.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
MAIN_CLASS=org.automlzero.cli.Main

usage() {
  cat <<'EOF'
usage: ./submit.sh <subcommand> [spark options] [subcommand options]

subcommands: demo, search, search-local, prepare, evaluate, report, export, bench, completion
             (./submit.sh help lists them; ./submit.sh <subcommand> --help shows a subcommand's options)

spark options (passed to spark-submit; the rest goes to the subcommand):
  --master URL              local[*] (default), local[N], spark://HOST:PORT, yarn, k8s://https://HOST:PORT
  --deploy-mode MODE        client (default) or cluster
  --conf KEY=VALUE          any Spark setting (repeatable)
  --driver-memory SIZE      e.g. 4g
  --executor-memory SIZE    e.g. 2g
  --executor-cores N, --num-executors N, --total-executor-cores N, --driver-cores N
  --queue Q, --name NAME, --jars LIST, --files LIST, --archives LIST, --properties-file FILE,
  --driver-java-options OPTS, --driver-class-path CP, --packages LIST, --repositories LIST,
  --principal P, --keytab FILE, --supervise
  --verbose                 spark-submit's detail; the subcommand gets it too (per-island progress lines)
  --spark-submit PATH       use this spark-submit (default: $SPARK_HOME/bin/spark-submit if
                            SPARK_HOME is set, else the bundled SparkSubmit from target/lib)

environment: SPARK_HOME, JAVA_HOME, SPARK_LOCAL_IP (default 127.0.0.1 for local masters)
EOF
}

die() {
  echo "error: $*" >&2
  exit 2
}

if [ $# -eq 0 ]; then
  usage >&2
  exit 2
fi
case "$1" in
  -h|--help) usage; exit 0 ;;
esac
subcommand=$1
shift

master=""
deploy_mode=""
driver_memory=""
driver_java_options=""
spark_submit="${SPARK_HOME:+$SPARK_HOME/bin/spark-submit}"
spark_args=()
app_args=()

# Spark options that take a value; everything unknown belongs to the subcommand.
with_value=" --conf -c --driver-memory --executor-memory --num-executors --executor-cores"
with_value+=" --total-executor-cores --driver-cores --queue --name --jars --files --archives --py-files"
with_value+=" --properties-file --driver-class-path --driver-library-path --packages --repositories"
with_value+=" --exclude-packages --principal --keytab --proxy-user "
while [ $# -gt 0 ]; do
  arg=$1
  value=""
  has_inline=false
  if [[ "$arg" == --*=* ]]; then
    value=${arg#*=}
    arg=${arg%%=*}
    has_inline=true
  fi
  take_value() {
    if $has_inline; then
      shift_by=1
    else
      [ $# -ge 2 ] || die "option $arg needs a value"
      value=$2
      shift_by=2
    fi
  }
  case "$arg" in
    --master) take_value "$@"; master=$value ;;
    --deploy-mode) take_value "$@"; deploy_mode=$value ;;
    --driver-memory) take_value "$@"; driver_memory=$value; spark_args+=(--driver-memory "$value") ;;
    --driver-java-options) take_value "$@"; driver_java_options=$value ;;
    --spark-submit) take_value "$@"; spark_submit=$value ;;
    # --verbose: spark-submit's own detail and the job's (per-island progress lines).
    --verbose) spark_args+=("$arg"); app_args+=("$arg"); shift_by=1 ;;
    --supervise) spark_args+=("$arg"); shift_by=1 ;;
    *)
      if [[ "$with_value" == *" $arg "* ]]; then
        take_value "$@"
        spark_args+=("$arg" "$value")
      else
        app_args+=("$1")
        shift_by=1
      fi
      ;;
  esac
  shift "$shift_by"
done

master=${master:-"local[*]"}
# Spark's own error for a bad master URL is a long stack trace; say it in one line instead.
case "$master" in
  local|local\[*\]|local-cluster\[*\]|spark://?*|yarn|k8s://?*) ;;
  *) die "--master '$master' is not a Spark master URL: use local[*], local[N], spark://HOST:PORT, yarn or k8s://https://HOST:PORT" ;;
esac
if [[ "$master" == local\[* ]] && ! [[ "$master" =~ ^local\[([0-9]+|\*)(,[0-9]+)?\]$ ]]; then
  die "--master '$master' is not a Spark master URL: local mode is local, local[N], local[*] or local[N,MAX_FAILURES]"
fi
case "${deploy_mode:-client}" in
  client|cluster) ;;
  *) die "--deploy-mode '$deploy_mode' is invalid: use client or cluster" ;;
esac
# YARN: Spark finds the ResourceManager through the client configuration in these folders.
if [ "$master" = yarn ] && [ -z "${HADOOP_CONF_DIR:-}" ] && [ -z "${YARN_CONF_DIR:-}" ]; then
  die "--master yarn needs HADOOP_CONF_DIR or YARN_CONF_DIR: export the folder holding the cluster's yarn-site.xml"
fi

# Local runs and loopback clusters bind to loopback unless the user says otherwise.
case "$master" in
  local*|spark://127.0.0.1:*|spark://localhost:*) export SPARK_LOCAL_IP=${SPARK_LOCAL_IP:-127.0.0.1} ;;
esac

find_jar() {
  local jar
  for jar in "$HERE"/target/automl-zero-spark-*.jar; do
    case "$jar" in
      *-tests.jar|*-sources.jar|*-javadoc.jar) ;;
      *) [ -f "$jar" ] && { echo "$jar"; return 0; } ;;
    esac
  done
  return 1
}
jar=$(find_jar || true)
if [ -z "$jar" ] || { [ -z "$spark_submit" ] && [ ! -d "$HERE/target/lib" ]; }; then
  echo "submit.sh: building the jar (mvn -B -q -DskipTests package) ..." >&2
  (cd "$HERE" && mvn -B -q -DskipTests package) >&2 || die "the build failed (mvn -B -q -DskipTests package in $HERE)"
  jar=$(find_jar) || die "the build produced no jar in $HERE/target"
fi

# The driver logs with the project's config in client mode (in cluster mode the file is not there).
log_option=""
if [ "${deploy_mode:-client}" = client ] && [ -f "$HERE/conf/log4j2.properties" ]; then
  log_option="-Dlog4j2.configurationFile=file:$HERE/conf/log4j2.properties"
fi
home_option="-Dautomlzero.home=$HERE"
# The engine's JVM flags (pom.xml's engine.jvm.flags: the Vector API module) for the driver and,
# unless the user sets spark.executor.defaultJavaOptions, the executors (Spark prepends that to
# spark.executor.extraJavaOptions). Without them the engine runs its scalar kernels, same results.
engine_flags=$(sed -n 's:.*<engine.jvm.flags>\(.*\)</engine.jvm.flags>.*:\1:p' "$HERE/pom.xml")
driver_options="$log_option $home_option${engine_flags:+ $engine_flags} $driver_java_options"
case " ${spark_args[*]-} " in
  *" spark.executor.defaultJavaOptions="*) ;;
  *) if [ -n "$engine_flags" ]; then spark_args+=(--conf "spark.executor.defaultJavaOptions=$engine_flags"); fi ;;
esac

submit_args=(--master "$master" --class "$MAIN_CLASS")
[ -n "$deploy_mode" ] && submit_args+=(--deploy-mode "$deploy_mode")

if [ -n "$spark_submit" ]; then
  [ -x "$spark_submit" ] || die "spark-submit '$spark_submit' is not an executable file (check --spark-submit or SPARK_HOME)"
  exec "$spark_submit" "${submit_args[@]}" --driver-java-options "$driver_options" \
    ${spark_args[@]+"${spark_args[@]}"} "$jar" "$subcommand" ${app_args[@]+"${app_args[@]}"}
fi

# No Spark distribution: run SparkSubmit itself from target/lib, with the JVM flags spark-submit
# would add on Java 17 (one source of truth: pom.xml's spark.jvm.flags).
yarn_jars=()
if [ "$master" = yarn ]; then
  # Without a distribution there is no $SPARK_HOME/jars for YARN to ship: name target/lib's jars
  # (uploaded to the staging folder per application) unless the user names the jars or an archive.
  case " ${spark_args[*]-} " in
    *" spark.yarn.jars="*|*" spark.yarn.archive="*) ;;
    *) yarn_jars=(--conf "spark.yarn.jars=$HERE/target/lib/*.jar") ;;
  esac
fi
jvm_flags=$(sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$HERE/pom.xml")
[ -n "$jvm_flags" ] || die "pom.xml has no spark.jvm.flags property"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
memory_option=()
# SparkSubmit cannot resize the JVM it runs in, so --driver-memory becomes -Xmx here.
[ -n "$driver_memory" ] && memory_option=("-Xmx$driver_memory")
# As Spark's own launcher does, the Hadoop/YARN client configuration (core-site.xml,
# yarn-site.xml: where the ResourceManager is) is read from the class path.
conf_path=""
for conf_dir in "${HADOOP_CONF_DIR:-}" "${YARN_CONF_DIR:-}"; do
  [ -n "$conf_dir" ] && conf_path+=":$conf_dir"
done
# shellcheck disable=SC2086  # the flag strings are deliberately word-split
exec "$java_bin" $jvm_flags ${memory_option[@]+"${memory_option[@]}"} $driver_options \
  -cp "$HERE/target/lib/*:$jar$conf_path" org.apache.spark.deploy.SparkSubmit \
  "${submit_args[@]}" ${yarn_jars[@]+"${yarn_jars[@]}"} ${spark_args[@]+"${spark_args[@]}"} "$jar" "$subcommand" \
  ${app_args[@]+"${app_args[@]}"}
