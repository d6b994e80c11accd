#!/bin/bash
# usage: run-search.sh CORE SECONDS   (env: BIN=..., INIT=NO_OP_ALGORITHM|RANDOM_ALGORITHM,
#                                      PROGRESS_EVERY=100, RANDOM_SEED=1000060, LOG=...)
# The original's run_baseline.sh search (mutate_prob 0.9, initial_population
# NO_OP_ALGORITHM as in run_baseline.sh unless INIT is set, no FEC, fixed seed),
# restricted to the 9 pairs in $CPP_WORK/data.
[ $# -eq 2 ] || { echo "usage: $0 CORE SECONDS" >&2; exit 2; }
CORE=$1; SECS=$2
INIT=${INIT:-NO_OP_ALGORITHM}
MUTATE_PROB=0.9
source "$(dirname "$0")/spec.sh"
run_and_report search "$CORE" "$SECS"
