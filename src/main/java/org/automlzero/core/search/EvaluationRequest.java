package org.automlzero.core.search;

/**
 * Evaluate candidate {@code candidate} (an index into the batch's candidate list) on task
 * {@code task} (an index into the task list), training on {@code numTrainExamples} examples
 * (what the train budget grants), with the run-time random stream seeded by {@code seed}.
 */
public record EvaluationRequest(int candidate, int task, long numTrainExamples, long seed) {}
