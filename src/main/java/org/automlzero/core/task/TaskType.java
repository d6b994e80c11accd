package org.automlzero.core.task;

/** The kinds of task families a spec can generate. */
public enum TaskType {
  /** label = w . x, w ~ N(0,1)^F per task (parameter seed), x ~ N(0,1)^F (data seed). */
  SCALAR_LINEAR_REGRESSION,
  /** label = w2 . relu(W1 x), with rows 0 and 2 of W1 and entries 0 and 2 of w2 zeroed. */
  SCALAR_NONLINEAR_REGRESSION,
  /** Projected binary classification from an image data set (CIFAR-10, MNIST, Fashion-MNIST). */
  PROJECTED_BINARY_CLASSIFICATION,
  /** Unit-test task: label = sum of features; tiny and exact. */
  UNIT_TEST_SUM
}
