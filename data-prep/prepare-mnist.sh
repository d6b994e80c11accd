#!/usr/bin/env bash
# Prepares projected binary MNIST tasks (all 45 pairs, seeds 0-99, F = 16, 8000/1000/1000).
# Without MNIST_SOURCE it downloads the two training files (MD5 checked) into
# ~/.cache/automl-zero/mnist.
# Usage: data-prep/prepare-mnist.sh [OUT_DIR] [extra prepare/spark options...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-"$HERE/../data/mnist"}
shift || true
source_args=()
[ -n "${MNIST_SOURCE:-}" ] && source_args=(--source "$MNIST_SOURCE")
exec "$HERE/../submit.sh" prepare --dataset mnist ${source_args[@]+"${source_args[@]}"} --out "$OUT" \
  --pairs all --seeds 0-99 --features 16 --train 8000 --valid 1000 --test 1000 "$@"
