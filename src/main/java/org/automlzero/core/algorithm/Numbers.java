package org.automlzero.core.algorithm;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Shortest exact decimal spellings of instruction data. The original printed six significant
 * digits and so lost information; here the fewest digits that parse back to the identical
 * double (or float) are printed, so print then parse gives back the same algorithm.
 */
final class Numbers {
  private Numbers() {}

  /** The shortest decimal that {@link Double#parseDouble} turns back into exactly {@code value}. */
  static String formatDouble(double value) {
    if (!Double.isFinite(value) || value == 0.0) {
      return special(value);
    }
    // Java 17's Double.toString round-trips but is now and then a digit longer than needed, so
    // start from its digit count and try fewer. Fewer digits round-trip only if more do, and
    // the correctly rounded k-digit decimal round-trips if any k-digit decimal does.
    BigDecimal exact = new BigDecimal(value);
    int digits = new BigDecimal(Double.toString(value)).stripTrailingZeros().precision();
    BigDecimal best = round(exact, digits);
    while (digits > 1) {
      BigDecimal shorter = round(exact, digits - 1);
      if (Double.parseDouble(shorter.toString()) != value) {
        break;
      }
      best = shorter;
      digits--;
    }
    return layout(best);
  }

  private static BigDecimal round(BigDecimal exact, int digits) {
    return exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
  }

  /** The shortest decimal that {@link Float#parseFloat} turns back into exactly {@code value}. */
  static String formatFloat(float value) {
    if (!Float.isFinite(value) || value == 0.0f) {
      return special(value);
    }
    BigDecimal exact = new BigDecimal(value);
    int digits = new BigDecimal(Float.toString(value)).stripTrailingZeros().precision();
    BigDecimal best = round(exact, digits);
    while (digits > 1) {
      BigDecimal shorter = round(exact, digits - 1);
      if (Float.parseFloat(shorter.toString()) != value) {
        break;
      }
      best = shorter;
      digits--;
    }
    return layout(best);
  }

  private static String special(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    return (Double.doubleToRawLongBits(value) < 0) ? "-0.0" : "0.0";
  }

  /** Plain notation for moderate magnitudes ({@code 0.01}, {@code 2.5}), else {@code 1.5e-07}. */
  private static String layout(BigDecimal rounded) {
    BigDecimal stripped = rounded.stripTrailingZeros();
    int exponent = stripped.precision() - stripped.scale() - 1;
    if (exponent >= -5 && exponent < 7) {
      String plain = stripped.toPlainString();
      return plain.contains(".") ? plain : plain + ".0";
    }
    String digits = stripped.unscaledValue().abs().toString();
    StringBuilder text = new StringBuilder();
    if (stripped.signum() < 0) {
      text.append('-');
    }
    text.append(digits.charAt(0)).append('.');
    text.append(digits.length() > 1 ? digits.substring(1) : "0");
    text.append('e').append(exponent < 0 ? '-' : '+');
    int magnitude = Math.abs(exponent);
    if (magnitude < 10) {
      text.append('0');
    }
    text.append(magnitude);
    return text.toString();
  }

  /**
   * Reads a number spelled by {@link #formatDouble}, by Java, or by the original's C++ stream
   * output ({@code 1e-05}, {@code inf}, {@code -nan}); returns null when it is not a number.
   */
  static Double parseDouble(String text) {
    String special = specialKey(text);
    if (special != null) {
      return switch (special) {
        case "nan" -> Double.NaN;
        case "inf" -> Double.POSITIVE_INFINITY;
        default -> Double.NEGATIVE_INFINITY;
      };
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** As {@link #parseDouble} but rounded once, directly from the decimal, to a float. */
  static Float parseFloat(String text) {
    String special = specialKey(text);
    if (special != null) {
      return switch (special) {
        case "nan" -> Float.NaN;
        case "inf" -> Float.POSITIVE_INFINITY;
        default -> Float.NEGATIVE_INFINITY;
      };
    }
    try {
      return Float.parseFloat(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** True for the non-finite spellings: nan, inf, infinity (any case, optionally signed). */
  static boolean isSpecial(String text) {
    return specialKey(text) != null;
  }

  private static String specialKey(String text) {
    String t = text.toLowerCase(java.util.Locale.ROOT);
    boolean negative = t.startsWith("-");
    if (negative || t.startsWith("+")) {
      t = t.substring(1);
    }
    if (t.equals("nan")) {
      return "nan";
    }
    if (t.equals("inf") || t.equals("infinity")) {
      return negative ? "-inf" : "inf";
    }
    return null;
  }
}
