#!/usr/bin/env bash
# Prepares projected binary CIFAR-10 tasks as in the paper (all 45 pairs, seeds 0-99, F = 16,
# 8000/1000/1000). Without CIFAR10_SOURCE it downloads cifar-10-binary.tar.gz (162 MiB, MD5
# checked) into ~/.cache/automl-zero/cifar10.
# Usage: data-prep/prepare-cifar10.sh [OUT_DIR] [extra prepare/spark options...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-"$HERE/../data/cifar10"}
shift || true
source_args=()
[ -n "${CIFAR10_SOURCE:-}" ] && source_args=(--source "$CIFAR10_SOURCE")
exec "$HERE/../submit.sh" prepare --dataset cifar10 ${source_args[@]+"${source_args[@]}"} --out "$OUT" \
  --pairs all --seeds 0-99 --features 16 --train 8000 --valid 1000 --test 1000 "$@"
