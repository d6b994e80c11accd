package org.automlzero.core.search.spec;

import java.util.Locale;

/** The eight mutation types of the original; a mutation picks one uniformly among the allowed ones. */
public enum MutationType {
  /** Change one argument (an address or a piece of data) of one instruction. */
  ALTER_PARAM,
  /** Replace one instruction by a fresh random one. */
  RANDOMIZE_INSTRUCTION,
  /** Replace every instruction of one component function (its length is kept). */
  RANDOMIZE_COMPONENT_FUNCTION,
  /** No change. */
  IDENTITY,
  /** Insert a random instruction, unless the function is at its maximum size. */
  INSERT_INSTRUCTION,
  /** Remove one instruction, unless the function is at its minimum size. */
  REMOVE_INSTRUCTION,
  /** Insert one random instruction, then remove one (sizes unchecked, as in the original). */
  TRADE_INSTRUCTION,
  /** Randomize every component function that has allowed ops. */
  RANDOMIZE_ALGORITHM;

  /** Looks a type up by name, accepting the original's {@code _MUTATION_TYPE} suffix, any case. */
  public static MutationType byName(String name) {
    String key = name.trim().toUpperCase(Locale.ROOT);
    if (key.endsWith("_MUTATION_TYPE")) {
      key = key.substring(0, key.length() - "_MUTATION_TYPE".length());
    }
    return valueOf(key);
  }
}
