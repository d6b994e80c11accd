package org.automlzero.dataprep;

/** The three splits of a prepared task; {@link #id()} is the value of the {@code split} column. */
public enum Split {
  TRAIN,
  VALID,
  TEST;

  public String id() {
    return switch (this) {
      case TRAIN -> "train";
      case VALID -> "valid";
      case TEST -> "test";
    };
  }

  /** The order rows are stored in within a task: by the column's string value (test, train, valid). */
  public static final Split[] STORAGE_ORDER = {TEST, TRAIN, VALID};
}
