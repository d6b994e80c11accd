#!/bin/bash
# Builds the original AutoML-Zero C++ (google-research/automl_zero) without Bazel, for the side-by-side
# figures of docs/benchmarks-engine.md. Usage: CPP_WORK=DIR build.sh [avx|native|all], with the
# original's automl_zero/ files (google-research/google-research on GitHub, Apache-2.0) copied into
# $CPP_WORK/src (default CPP_WORK: /tmp/cpp). No source file needs changing.
# Needs (Debian 12): g++ libeigen3-dev libabsl-dev libgflags-dev libgoogle-glog-dev
#   libprotobuf-dev protobuf-compiler libgtest-dev (gtest only for gtest_prod.h)
# Produces $CPP_WORK/bin/run_search_experiment        (-O3 -mavx)
#          $CPP_WORK/bin/run_search_experiment_native (-O3 -march=native)
# Memory sizes are compile-time constants, set as in run_baseline.sh
# (bazel --copt=-DMAX_SCALAR_ADDRESSES=5 ... ); -DNDEBUG as bazel -c opt adds it.
set -euo pipefail
ROOT=${CPP_WORK:-/tmp/cpp}
SRC=$ROOT/src
JOBS=${JOBS:-2}
mkdir -p $ROOT/bin $ROOT/build/gen

# 1. protos -> .pb.cc/.pb.h (flat include paths, as the sources #include "task.pb.h").
PROTOS="algorithm.proto experiment.proto fec_cache.proto generator.proto instruction.proto mutator.proto task.proto train_budget.proto"
(cd $SRC && protoc --proto_path=. --cpp_out=$ROOT/build/gen $PROTOS)
# python module of task.proto (only for verifying the converted data)
(cd $SRC && protoc --proto_path=. --python_out=$ROOT/build/gen task.proto)

# 2. the library sources the run_search_experiment target needs (no tests, no test utils).
CCS="algorithm.cc compute_cost.cc evaluator.cc experiment_util.cc fec_cache.cc fec_hashing.cc
     generator.cc instruction.cc memory.cc mutator.cc random_generator.cc randomizer.cc
     regularized_evolution.cc task_util.cc train_budget.cc util.cc run_search_experiment.cc"

DEFS="-DNDEBUG -DMAX_SCALAR_ADDRESSES=5 -DMAX_VECTOR_ADDRESSES=9 -DMAX_MATRIX_ADDRESSES=2"
INCS="-I$SRC -I$ROOT/build/gen $(pkg-config --cflags eigen3 protobuf libglog gflags)"
LIBS="$(pkg-config --libs protobuf libglog gflags absl_flags absl_flags_parse absl_time absl_strings \
        absl_str_format absl_random_random absl_random_distributions absl_node_hash_map absl_node_hash_set absl_hash) -lpthread"

build_variant () {  # name, arch flags
  local name=$1; shift
  local arch="$*"
  local OBJ=$ROOT/build/$name
  mkdir -p $OBJ
  local FLAGS="-std=c++17 -O3 $arch $DEFS $INCS -w"
  local objs=()
  local cmds=()
  for p in $PROTOS; do
    b=${p%.proto}
    cmds+=("g++ $FLAGS -c $ROOT/build/gen/$b.pb.cc -o $OBJ/$b.pb.o"); objs+=($OBJ/$b.pb.o)
  done
  for c in $CCS; do
    b=${c%.cc}
    cmds+=("g++ $FLAGS -c $SRC/$c -o $OBJ/$b.o"); objs+=($OBJ/$b.o)
  done
  printf '%s\n' "${cmds[@]}" > $OBJ/commands.txt
  printf '%s\0' "${cmds[@]}" | xargs -0 -P $JOBS -I{} sh -c '{}'
  g++ -std=c++17 -O3 $arch -o $ROOT/bin/$name "${objs[@]}" $LIBS
  echo "g++ -std=c++17 -O3 $arch -o $ROOT/bin/$name ${objs[*]} $LIBS" >> $OBJ/commands.txt
  echo "built $ROOT/bin/$name"
}

case "${1:-all}" in
  avx)    build_variant run_search_experiment -mavx ;;
  native) build_variant run_search_experiment_native -march=native ;;
  all)    build_variant run_search_experiment -mavx
          build_variant run_search_experiment_native -march=native ;;
esac
