#!/usr/bin/env bash
# Runs conf/demo.conf in-process (plain Java threads, no Spark) once per seed and prints, per
# seed, seconds, experiments, individuals, individuals/s, select and final fitness and the
# algorithm found, then a summary table (each seed also gets a run directory under runs/).
# Usage: scripts/demo-seeds.sh [SEEDS] [THREADS]   (defaults: 1,2,3,4,5 and all cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seeds="${1:-1,2,3,4,5}"
threads="${2:-0}"
if [ ! -d target/lib ] || [ ! -d target/classes/org/automlzero/cli ]; then
  mvn -B -q -DskipTests package
fi
exec java --add-modules=jdk.incubator.vector -cp "target/classes:target/lib/*" org.automlzero.cli.Main search-local --config conf/demo.conf \
  --seeds "$seeds" --threads "$threads"
