#!/usr/bin/env bash
# Spark as a multiplier: the same search (config with its Spark layout, seed, number of
# individuals) on Spark local[2], in-process on 1 thread and in-process on 2 threads, one after
# the other; prints each run's search time and individuals/s, then the ratios. Results are
# identical in all three (the island-stage mode is deterministic on any layout).
# Usage: scripts/spark-multiplier.sh demo|baseline [INDIVIDUALS] [SEED] [FASHION_MNIST_TASKS_DIR]
#   baseline needs projected Fashion-MNIST tasks (data-prep/prepare-fashion-mnist.sh DIR).
set -euo pipefail
cd "$(dirname "$0")/.."
spec="${1:?demo or baseline}"
n="${2:-}"
seed="${3:-1}"
extra=(--set run.max_experiments=1 --set run.sufficient_fitness=0 --set select.tasks.count=1 --set final.tasks.count=1)
case "$spec" in
  demo) n="${n:-1001000}" ;;
  baseline)
    n="${n:-6000}"
    data="${4:-data/fashion_mnist}"
    extra+=(--data "$data")
    for l in search select final; do
      extra+=(--set "$l.tasks.dataset=fashion_mnist" --set "$l.tasks.max_data_seed=10")
    done ;;
  *) echo "usage: $0 demo|baseline [INDIVIDUALS] [SEED] [TASKS_DIR]" >&2; exit 2 ;;
esac
[ -f target/automl-zero-spark-0.1.0-SNAPSHOT.jar ] || mvn -B -q -DskipTests package
common=(--config "conf/$spec.conf" --seed "$seed" --set "search.max_individuals=$n" "${extra[@]}")
run() { # label, options...
  local label="$1"; shift
  local out; out=$(./submit.sh search "$@" "${common[@]}" --out "$(mktemp -d)/run" 2>/dev/null | grep "Search done")
  local secs rate
  secs=$(sed -E 's/.* individuals in ([0-9.]+) s.*/\1/' <<<"$out")
  rate=$(sed -E 's/.* s \(([0-9]+) individuals\/s\).*/\1/' <<<"$out")
  echo "$label: $out" >&2
  echo "$secs $rate"
}
read -r s2 r2 < <(run "spark local[2]" --master 'local[2]')
read -r t1 q1 < <(run "in-process 1 thread" --in-process --threads 1)
read -r t2 q2 < <(run "in-process 2 threads" --in-process --threads 2)
awk -v s2="$s2" -v t1="$t1" -v t2="$t2" -v spec="$spec" -v n="$n" 'BEGIN {
  printf "multiplier: spec=%s individuals=%d spark_local2_s=%.1f inprocess_1thread_s=%.1f inprocess_2threads_s=%.1f ", spec, n, s2, t1, t2
  printf "spark_vs_1thread=%.2fx spark_vs_2threads=%.2fx\n", t1 / s2, t2 / s2 }'
