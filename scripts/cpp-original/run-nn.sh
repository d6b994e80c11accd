#!/bin/bash
# usage: run-nn.sh CORE SECONDS   (env: BIN=..., PROGRESS_EVERY=100, LOG=...)
# The original's run_baseline.sh experiment, but every individual is the
# hand-coded NEURAL_NET_ALGORITHM (initial_population: NEURAL_NET_ALGORITHM,
# mutate_prob: 0, no FEC): each individual is a full evaluation of the same
# neural net on the 10 search tasks (8000 train / 1000 valid steps each).
[ $# -eq 2 ] || { echo "usage: $0 CORE SECONDS" >&2; exit 2; }
CORE=$1; SECS=$2
INIT=NEURAL_NET_ALGORITHM
MUTATE_PROB=0
source "$(dirname "$0")/spec.sh"
run_and_report nn "$CORE" "$SECS"
