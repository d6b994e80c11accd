package org.automlzero.core.task;

/** How a task's validation loss turns into fitness. */
public enum EvalType {
  /** fitness = 1 - (2/pi) atan(RMS error); regression tasks. */
  RMS_ERROR,
  /** fitness = 1 - error rate of sigmoid(prediction) against labels 0/1; classification tasks. */
  ACCURACY
}
