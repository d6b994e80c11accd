# Sourced by run-nn.sh / run-search.sh. Builds the experiment spec of the
# original's run_baseline.sh (google-research automl_zero, 2021 version), with
# the data set and pairs of $CPP_WORK/data. Variables read: INIT, MUTATE_PROB,
# PROGRESS_EVERY, DATA_DIR, DATASET.
CPP_WORK=${CPP_WORK:-/tmp/cpp}
DATA_DIR=${DATA_DIR:-$CPP_WORK/data}
DATASET=${DATASET:-fashion_mnist}
PROGRESS_EVERY=${PROGRESS_EVERY:-100}
# The 9 pairs present in the data: (0,5) (0,9) (1,8) (2,9) (3,5) (3,6) (3,8) (4,6) (8,9)
# (= the 9 pairs the original holds out of search and uses for select/final).
# In the original, held_out_pairs are EXCLUDED and a task picks a random
# non-held-out pair, so holding out the other 36 pairs makes every task use
# one of these 9 pairs.
HELD_OUT_36=""
for p in "0 1" "0 2" "0 3" "0 4" "0 6" "0 7" "0 8" "1 2" "1 3" "1 4" "1 5" "1 6" "1 7" "1 9" \
         "2 3" "2 4" "2 5" "2 6" "2 7" "2 8" "3 4" "3 7" "3 9" "4 5" "4 7" "4 8" "4 9" \
         "5 6" "5 7" "5 8" "5 9" "6 7" "6 8" "6 9" "7 8" "7 9"; do
  read -r _pc _nc <<< "$p"
  HELD_OUT_36="$HELD_OUT_36 held_out_pairs {positive_class: $_pc negative_class: $_nc}"
done
# data seeds present: 0..9 -> max_supported_data_seed: 10 (exclusive); original: 100.
task_block () {  # num_tasks
  echo "tasks { \
      projected_binary_classification_task { \
        dataset_name: '${DATASET}' \
        path: '${DATA_DIR}' \
        ${HELD_OUT_36} \
        max_supported_data_seed: 10 \
      } \
      features_size: 16 \
      num_train_examples: 8000 \
      num_valid_examples: 1000 \
      num_train_epochs: 1 \
      num_tasks: $1 \
      eval_type: ACCURACY \
    }"
}
SEARCH_SPEC="search_tasks { $(task_block 10) } \
    setup_ops: [SCALAR_CONST_SET_OP, SCALAR_GAUSSIAN_SET_OP, SCALAR_UNIFORM_SET_OP, VECTOR_GAUSSIAN_SET_OP, VECTOR_UNIFORM_SET_OP, MATRIX_GAUSSIAN_SET_OP, MATRIX_UNIFORM_SET_OP] \
    predict_ops: [SCALAR_SUM_OP, MATRIX_VECTOR_PRODUCT_OP, VECTOR_MAX_OP, VECTOR_INNER_PRODUCT_OP, VECTOR_SUM_OP] \
    learn_ops: [SCALAR_SUM_OP, SCALAR_DIFF_OP, SCALAR_PRODUCT_OP, SCALAR_VECTOR_PRODUCT_OP, VECTOR_SUM_OP, VECTOR_HEAVYSIDE_OP, VECTOR_PRODUCT_OP, VECTOR_OUTER_PRODUCT_OP, MATRIX_SUM_OP] \
    setup_size_init: 1 \
    mutate_setup_size_min: 1 \
    mutate_setup_size_max: 7 \
    predict_size_init: 1 \
    mutate_predict_size_min: 1 \
    mutate_predict_size_max: 11 \
    learn_size_init: 1 \
    mutate_learn_size_min: 1 \
    mutate_learn_size_max: 23 \
    train_budget {train_budget_baseline: NEURAL_NET_ALGORITHM} \
    fitness_combination_mode: MEAN_FITNESS_COMBINATION \
    population_size: 100 \
    tournament_size: 10 \
    initial_population: ${INIT} \
    max_train_steps: 100000000000 \
    allowed_mutation_types { \
      mutation_types: [ALTER_PARAM_MUTATION_TYPE, RANDOMIZE_COMPONENT_FUNCTION_MUTATION_TYPE, INSERT_INSTRUCTION_MUTATION_TYPE, REMOVE_INSTRUCTION_MUTATION_TYPE] \
    } \
    mutate_prob: ${MUTATE_PROB} \
    progress_every: ${PROGRESS_EVERY} \
    "
# No 'fec { ... }' field: as in run_baseline.sh, FEC is off (experiment.proto:
# "If not present, cache is disabled"; evaluator.cc only uses the cache when set).
SELECT_TASKS="$(task_block 10)"
FINAL_TASKS="$(task_block 100)"
RANDOM_SEED=${RANDOM_SEED:-1000060}   # as run_baseline.sh

# run_and_report NAME CORE SECONDS: runs the binary pinned, timestamps stdout lines, reports.
run_and_report () {
  local name=$1 core=$2 secs=$3
  local BIN=${BIN:-$CPP_WORK/bin/run_search_experiment}
  mkdir -p "$CPP_WORK/logs"
  local LOG=${LOG:-$CPP_WORK/logs/$name-core$core-${secs}s-$(date -u +%Y%m%dT%H%M%S).log}
  echo "binary: $BIN   core: $core   seconds: $secs   log: $LOG"
  # each stdout line is prefixed with the wall time it arrived ($EPOCHREALTIME, no fork)
  taskset -c "$core" timeout "$secs" "$BIN" \
      --search_experiment_spec="$SEARCH_SPEC" \
      --select_tasks="$SELECT_TASKS" \
      --final_tasks="$FINAL_TASKS" \
      --random_seed="$RANDOM_SEED" 2>&1 \
    | while IFS= read -r line; do printf '%s %s\n' "$EPOCHREALTIME" "$line"; done > "$LOG"
  grep -q "indivs=" "$LOG" || { echo "no progress line; log:"; tail -20 "$LOG"; return 1; }
  awk '
    /indivs=/ {
      t=$1; line=$0
      match(line, /indivs=[0-9]+/); n=substr(line, RSTART+7, RLENGTH-7)+0
      match(line, /elapsed_secs=[0-9]+/); e=substr(line, RSTART+13, RLENGTH-13)+0
      match(line, /mean=[-0-9.]+/); m=substr(line, RSTART+5, RLENGTH-5)
      match(line, /stdev=[-0-9.]+/); s=substr(line, RSTART+6, RLENGTH-6)
      match(line, /best fit=[-0-9.]+/); b=substr(line, RSTART+9, RLENGTH-9)
      if (cnt==0) { n0=n; e0=e; t0=t }
      n1=n; e1=e; t1=t; m1=m; s1=s; b1=b; cnt++
    }
    END {
      printf "progress lines: %d\n", cnt
      printf "individuals evaluated: %d (elapsed_secs=%d by the program, since the evolution object was built)\n", n1, e1
      if (e1 > 0) printf "individuals/s overall (program: indivs/elapsed_secs): %.2f\n", n1/e1
      if (cnt > 1 && e1 > e0) printf "individuals/s after init (program, lines 1..last: %d indivs / %d s): %.2f\n", n1-n0, e1-e0, (n1-n0)/(e1-e0)
      if (cnt > 1 && t1 > t0) printf "individuals/s after init (wall time of lines 1..last: %d indivs / %.3f s): %.3f\n", n1-n0, t1-t0, (n1-n0)/(t1-t0)
      printf "last population fitness: mean=%s stdev=%s best=%s\n", m1, s1, b1
    }' "$LOG"
}
