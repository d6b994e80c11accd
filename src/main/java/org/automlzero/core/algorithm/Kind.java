package org.automlzero.core.algorithm;

/** The three memory banks an instruction argument can address, or none. */
public enum Kind {
  NONE,
  SCALAR,
  VECTOR,
  MATRIX
}
