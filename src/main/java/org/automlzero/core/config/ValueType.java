package org.automlzero.core.config;

/** The value types config keys can have. */
public enum ValueType {
  INT("integer"),
  LONG("integer"),
  DOUBLE("number"),
  BOOLEAN("true or false"),
  STRING("text"),
  ENUM("one of the listed names"),
  OP_LIST("list of op names, e.g. [SCALAR_SUM, VECTOR_INNER_PRODUCT]"),
  MUTATION_LIST("list of mutation types, e.g. [ALTER_PARAM, INSERT_INSTRUCTION]"),
  PAIR_LIST("list of class pairs, e.g. [(4,6), (3,5)]"),
  LONG_LIST("list of integers, e.g. [1000000]"),
  RANGE("range LOW..HIGH, e.g. 5..20");

  private final String description;

  ValueType(String description) {
    this.description = description;
  }

  /** How the type reads in messages and the key table. */
  public String description() {
    return description;
  }
}
