package org.automlzero.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Doubles in JSON that parse back bit-identical: finite values as Java's {@link Double#toString}
 * (which always round-trips, negative zero included), NaN and infinities as the strings
 * {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (plain JSON has no such numbers).
 */
final class JsonDoubles {
  private JsonDoubles() {}

  static void write(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value)) {
      json.writeNumber(Double.toString(value));
    } else {
      json.writeString(Double.toString(value));
    }
  }

  static void write(JsonGenerator json, String field, double value) throws IOException {
    json.writeFieldName(field);
    write(json, value);
  }

  /** The double of a node written by {@link #write}; throws IllegalArgumentException otherwise. */
  static double read(JsonNode node, String what) {
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(what + " is missing");
    }
    if (node.isTextual()) {
      return switch (node.asText()) {
        case "NaN" -> Double.NaN;
        case "Infinity" -> Double.POSITIVE_INFINITY;
        case "-Infinity" -> Double.NEGATIVE_INFINITY;
        default -> throw new IllegalArgumentException(what + " is '" + node.asText() + "', not a number");
      };
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(what + " is " + node + ", not a number");
    }
    // A DoubleNode holds Double.parseDouble of the text, which is exact; integral spellings are exact too.
    return node.isFloatingPointNumber() ? node.doubleValue() : Double.parseDouble(node.asText());
  }
}
