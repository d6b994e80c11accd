package org.automlzero.runs;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/**
 * Doubles in JSON that parse back bit-identical: finite values as Java's {@link Double#toString}
 * (which always round-trips), read back with {@link Double#parseDouble} of the number's text
 * (also when the parser keeps decimals as BigDecimal); NaN, the infinities and negative zero as
 * the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}, {@code "-0.0"} (plain JSON
 * has no such numbers, and a decimal reader drops the sign of zero).
 */
final class JsonDoubles {
  private JsonDoubles() {}

  static void write(JsonGenerator json, double value) throws IOException {
    if (Double.isFinite(value) && Double.doubleToRawLongBits(value) != Long.MIN_VALUE) {
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
        case "-0.0" -> -0.0;
        default -> throw new IllegalArgumentException(what + " is '" + node.asText() + "', not a number");
      };
    }
    if (!node.isNumber()) {
      throw new IllegalArgumentException(what + " is " + node + ", not a number");
    }
    // The decimal text as written, correctly rounded once (a DoubleNode's text is its exact Double.toString).
    return Double.parseDouble(node.asText());
  }
}
