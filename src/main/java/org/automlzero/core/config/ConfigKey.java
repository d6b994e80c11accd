package org.automlzero.core.config;

import java.util.List;

/**
 * One documented config key: dotted name, value type, default (as written in a config file;
 * empty = unset, with the meaning the doc gives), allowed names for enums, inclusive minimum
 * for numbers (null = none), and a one-line doc.
 */
public record ConfigKey(String name, ValueType type, String defaultValue, List<String> allowed, Double min,
    String doc) {
  public ConfigKey {
    allowed = List.copyOf(allowed);
  }
}
