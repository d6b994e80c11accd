#!/usr/bin/env bash
# A/B of two engine builds on a checkpoint's population (docs/benchmarks-engine.md, "JIT profile history"):
# every member evaluated as the search does, A and B interleaved member by member in one JVM,
# the sum of per-member minimum CPU times. Run it in both orders (the first class loader runs a
# few percent faster). Usage, from the project root after mvn -DskipTests package:
#   scripts/latepop/latepop-ab.sh A_CLASSES B_CLASSES RUN_DIR CHECKPOINT_JSON [MEMBERS] [REPS]
set -e
A=$1; B=$2; RUN=$3; CP=$4; N=${5:-100}; REPS=${6:-5}
OUT=${TMPDIR:-/tmp}/latepop-ab; rm -rf $OUT; mkdir -p $OUT/a $OUT/b
D=$(dirname "$0")
javac -nowarn -d $OUT/a -cp "$A:target/lib/*" $D/PopEval.java
javac -nowarn -d $OUT/b -cp "$B:target/lib/*" $D/PopEval.java
javac -d $OUT $D/PopAbEach.java
java --add-modules=jdk.incubator.vector -Dlib=target/lib -cp $OUT PopAbEach "$A" "$B" $OUT/a $OUT/b "$RUN" "$CP" $N $REPS
