package org.automlzero.core.algorithm;

/** The three component functions of an algorithm, in execution order. */
public enum ComponentFunctionType {
  SETUP("Setup"),
  PREDICT("Predict"),
  LEARN("Learn");

  private final String printedName;

  ComponentFunctionType(String printedName) {
    this.printedName = printedName;
  }

  /** The name the readable format uses: {@code def Setup():}. */
  public String printedName() {
    return printedName;
  }
}
