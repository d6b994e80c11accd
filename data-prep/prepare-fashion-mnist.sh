#!/usr/bin/env bash
# Prepares projected binary Fashion-MNIST tasks (all 45 pairs, seeds 0-9, F = 16, 8000/1000/1000)
# from Debian's dataset-fashion-mnist package (apt-get install dataset-fashion-mnist).
# Usage: data-prep/prepare-fashion-mnist.sh [OUT_DIR] [extra prepare/spark options...]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
OUT=${1:-"$HERE/../data/fashion_mnist"}
shift || true
SOURCE=${FASHION_MNIST_DIR:-/usr/share/datasets/fashion-mnist}
if [ ! -f "$SOURCE/train-images-idx3-ubyte.gz" ]; then
  echo "error: $SOURCE/train-images-idx3-ubyte.gz not found: install Debian's dataset-fashion-mnist" \
    "package or set FASHION_MNIST_DIR (or use --source URL through ../submit.sh prepare)" >&2
  exit 1
fi
exec "$HERE/../submit.sh" prepare --dataset fashion_mnist --source "$SOURCE" --out "$OUT" \
  --pairs all --seeds 0-9 --features 16 --train 8000 --valid 1000 --test 1000 "$@"
