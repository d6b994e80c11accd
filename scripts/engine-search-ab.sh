#!/usr/bin/env bash
# A/B of the baseline-spec search (FEC off, one thread): SECONDS each, A and B alternated, REPS
# times; prints each run's last progress line. Usage:
#   scripts/engine-search-ab.sh A_CLASSPATH B_CLASSPATH DATA_DIR [SECONDS] [REPS]
# DATA_DIR: projected Fashion-MNIST, prepare --pairs heldout --seeds 0-9 (docs/benchmarks-engine.md).
A_CP=$1; B_CP=$2; DATA=$3; SECONDS_EACH=${4:-120}; REPS=${5:-2}; OUT=${TMPDIR:-/tmp}
P='[(4,6), (3,5), (8,9), (3,8), (0,9), (2,9), (1,8), (3,6), (0,5)]'
for r in $(seq $REPS); do
  for v in A B; do
    if [ $v = A ]; then CP=$A_CP; else CP=$B_CP; fi
    rm -rf $OUT/engine-ab-$v
    timeout $SECONDS_EACH java --add-modules=jdk.incubator.vector -cp "$CP" org.automlzero.cli.Main search-local --config conf/baseline.conf --threads 1 --seed 7 \
      --out $OUT/engine-ab-$v --set data.path=$DATA --set search.tasks.dataset=fashion_mnist \
      --set select.tasks.dataset=fashion_mnist --set final.tasks.dataset=fashion_mnist --set search.tasks.max_data_seed=10 \
      --set select.tasks.max_data_seed=10 --set final.tasks.max_data_seed=10 --set "search.tasks.pairs=$P" \
      --set "select.tasks.pairs=$P" --set 'search.tasks.exclude_pairs=[]' --set 'select.tasks.exclude_pairs=[]' \
      --set final.tasks.count=10 --set run.progress_every=500 --set search.fec.enabled=false > $OUT/engine-ab-$v.log 2>&1
    echo "$v $(grep "^experiment [0-9]*: " $OUT/engine-ab-$v.log | tail -1)"
  done
done
