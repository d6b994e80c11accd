package org.automlzero.core.config;

import static org.automlzero.core.config.ConfigSyntax.clip;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.automlzero.core.algorithm.InitAlgorithm;
import org.automlzero.core.algorithm.Op;
import org.automlzero.core.search.IslandParameters;
import org.automlzero.core.search.spec.MutationType;
import org.automlzero.core.task.ClassPair;

import org.automlzero.core.config.ConfigSyntax.Setting;

/**
 * Typed access to each config key, as set or by default: numbers, booleans, lists, ranges and
 * class pairs, each with a message naming the key, the value, where it was set and the rule.
 */
final class ConfigValues {
  private final Map<String, Setting> settings;
  private final Map<String, String> effective = new LinkedHashMap<>();

  ConfigValues(Map<String, Setting> settings) {
    this.settings = settings;
    for (ConfigKey k : ConfigKeys.all()) {
      Setting s = settings.get(k.name());
      effective.put(k.name(), s == null ? k.defaultValue() : s.value());
    }
  }

  /** Every key's value as set or by default, in the reference's order. */
  Map<String, String> effective() {
    return effective;
  }

  String raw(String key) {
    return effective.get(key);
  }

  private String where(String key) {
    Setting s = settings.get(key);
    return s == null ? "default" : s.source();
  }

  /** An error about one key's value. */
  ConfigException error(String key, String rule) {
    return new ConfigException(where(key) + ": " + key + " = " + clip(raw(key)) + ": " + rule);
  }

  boolean isSet(String key) {
    return !raw(key).isEmpty();
  }

  long longValue(String key) {
    ConfigKey k = ConfigKeys.get(key);
    long v;
    try {
      v = Long.parseLong(raw(key).replace("_", ""));
    } catch (NumberFormatException e) {
      try {
        double d = Double.parseDouble(raw(key));
        if (Math.abs(d) > 9.0e18) {
          throw error(key, "is out of range: must be an integer between -9e18 and 9e18");
        }
        if (d != Math.rint(d)) {
          throw error(key, "must be an integer");
        }
        v = (long) d; // accepts 1e11
      } catch (NumberFormatException e2) {
        throw error(key, "must be an integer");
      }
    }
    if (k.min() != null && v < k.min()) {
      throw error(key, "must be >= " + k.min().longValue());
    }
    return v;
  }

  int intValue(String key) {
    long v = longValue(key);
    if (v > Integer.MAX_VALUE || v < Integer.MIN_VALUE) {
      throw error(key, "is out of range: must be " + (v > 0 ? "at most " + Integer.MAX_VALUE
          : "at least " + Integer.MIN_VALUE));
    }
    return (int) v;
  }

  /** An optional int (unset = {@code fallback}). */
  int intValue(String key, int fallback) {
    return isSet(key) ? intValue(key) : fallback;
  }

  double doubleValue(String key) {
    ConfigKey k = ConfigKeys.get(key);
    double v;
    try {
      v = Double.parseDouble(raw(key));
    } catch (NumberFormatException e) {
      throw error(key, "must be a number");
    }
    if (Double.isNaN(v)) {
      throw error(key, "must be a number");
    }
    if (k.min() != null && v < k.min()) {
      throw error(key, "must be >= " + k.min());
    }
    return v;
  }

  boolean booleanValue(String key) {
    return switch (raw(key).toLowerCase(Locale.ROOT)) {
      case "true" -> true;
      case "false" -> false;
      default -> throw error(key, "must be true or false");
    };
  }

  <E extends Enum<E>> E enumValue(String key, Class<E> type) {
    String v = raw(key).trim().toUpperCase(Locale.ROOT);
    try {
      if (type == InitAlgorithm.class) {
        return type.cast(InitAlgorithm.parse(v));
      }
      return Enum.valueOf(type, v);
    } catch (IllegalArgumentException e) {
      throw error(key, "must be one of " + String.join(", ", ConfigKeys.get(key).allowed()));
    }
  }

  List<String> items(String key) {
    String v = raw(key).trim();
    if (!v.startsWith("[") || !v.endsWith("]")) {
      throw error(key, "must be a list in brackets, e.g. [A, B]");
    }
    String inner = v.substring(1, v.length() - 1).trim();
    List<String> out = new ArrayList<>();
    if (inner.isEmpty()) {
      return out;
    }
    int paren = 0;
    int start = 0;
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '(') {
        paren++;
      } else if (c == ')') {
        paren--;
      } else if (c == ',' && paren == 0) {
        out.add(inner.substring(start, i).trim());
        start = i + 1;
      }
    }
    out.add(inner.substring(start).trim());
    for (String item : out) {
      if (item.isEmpty()) {
        throw error(key, "has an empty list item");
      }
    }
    return out;
  }

  List<Op> ops(String key) {
    return parsed(key, Op::byName, item -> "unknown op '" + item + "': expected one of the 65 op names, e.g. "
        + "SCALAR_SUM or VECTOR_INNER_PRODUCT_OP");
  }

  List<MutationType> mutations(String key) {
    return parsed(key, MutationType::byName, item -> "unknown mutation type '" + item + "': expected one of "
        + java.util.Arrays.toString(MutationType.values()));
  }

  List<Long> longs(String key) {
    return parsed(key, Long::valueOf, item -> "'" + item + "' is not an integer");
  }

  /** A range {@code LOW..HIGH} (unset = null), with {@code integers} for integer keys. */
  IslandParameters.Range range(String key, boolean integers) {
    if (!isSet(key)) {
      return null;
    }
    String v = raw(key).trim();
    int dots = v.indexOf("..");
    String example = integers ? "5..20" : "0.8..1.0";
    if (dots < 0) {
      throw error(key, "must be a range LOW..HIGH, e.g. " + example);
    }
    double low;
    double high;
    try {
      low = Double.parseDouble(v.substring(0, dots).trim());
      high = Double.parseDouble(v.substring(dots + 2).trim());
    } catch (NumberFormatException e) {
      throw error(key, "must be a range LOW..HIGH of two numbers, e.g. " + example);
    }
    if (Double.isNaN(low) || Double.isNaN(high)) {
      throw error(key, "must be a range LOW..HIGH of two numbers, e.g. " + example);
    }
    if (integers && (low != Math.rint(low) || high != Math.rint(high) || Math.abs(high) > Integer.MAX_VALUE)) {
      throw error(key, "must be a range of two integers, e.g. " + example);
    }
    if (low > high) {
      throw error(key, "has LOW > HIGH: write the smaller bound first");
    }
    return new IslandParameters.Range(low, high);
  }

  List<ClassPair> pairs(String key) {
    return parsed(key, ClassPair::parse, null);
  }

  /**
   * Each list item through {@code parse}; an item it refuses (IllegalArgumentException) is an
   * error about the key, with {@code rule}'s message for that item (null: the parser's own).
   */
  private <T> List<T> parsed(String key, Function<String, T> parse, Function<String, String> rule) {
    List<T> out = new ArrayList<>();
    for (String item : items(key)) {
      try {
        out.add(parse.apply(item));
      } catch (IllegalArgumentException e) {
        throw error(key, rule == null ? e.getMessage() : rule.apply(item));
      }
    }
    return out;
  }

  /**
   * The pairs a task list draws from: {@code pairs} ([] = all 45) less {@code exclude_pairs}
   * (or its spelling in the original, {@code held_out_pairs}), in the order of {@code pairs}.
   */
  List<ClassPair> allowedPairs(String p) {
    List<ClassPair> listed = pairs(p + "pairs");
    List<ClassPair> from = listed.isEmpty() ? ClassPair.ALL : listed;
    boolean heldOut = !pairs(p + "held_out_pairs").isEmpty();
    if (heldOut && !pairs(p + "exclude_pairs").isEmpty()) {
      throw error(p + "held_out_pairs", "is the original's spelling of " + p + "exclude_pairs: set only one of them");
    }
    String excludeKey = heldOut ? p + "held_out_pairs" : p + "exclude_pairs";
    List<ClassPair> excluded = pairs(excludeKey);
    for (ClassPair pair : excluded) {
      if (!from.contains(pair)) {
        throw error(excludeKey, "excludes " + pair + ", which is not among the pairs "
            + (listed.isEmpty() ? "(all 45 with positive < negative)" : "listed in " + p + "pairs"));
      }
    }
    List<ClassPair> allowed = from.stream().filter(pair -> !excluded.contains(pair)).toList();
    if (allowed.isEmpty()) {
      throw error(excludeKey, "excludes every pair: at least one must remain");
    }
    return allowed;
  }
}
