#!/bin/bash
# Converts a projected data set written by `./submit.sh prepare` (Parquet) into the original's
# ScalarLabelDataset files in $CPP_WORK/data, then verifies them with the protobuf runtime.
# Usage: CPP_WORK=DIR convert.sh PARQUET_DIR [DATASET] [FEATURES]   (after build.sh; needs Debian's python3-protobuf)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); PROJECT=$(cd "$HERE/../.." && pwd); WORK=${CPP_WORK:-/tmp/cpp}
CP="$PROJECT/target/classes:$PROJECT/target/lib/*:$WORK/tools"
mkdir -p "$WORK/tools"
javac -cp "$CP" -d "$WORK/tools" "$HERE/ConvertTasks.java"
java -cp "$CP" ConvertTasks "$1" "${2:-fashion_mnist}" "${3:-16}" "$WORK/data" 2>&1 | grep -v '^SLF4J\|WARN'
/usr/bin/python3 "$HERE/verify_tasks.py" "$WORK/data" "$WORK/build/gen"   # Debian's python3, with python3-protobuf
