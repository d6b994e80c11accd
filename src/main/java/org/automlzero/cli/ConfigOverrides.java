package org.automlzero.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --set KEY=VALUE} (repeatable), the config overrides of every command that loads a
 * config, kept in the order given. A command's shorthands for single keys ({@code --seed},
 * {@code --threads}, {@code --data}) {@link #add} theirs to the same list, so whichever comes
 * later on the command line wins, as a later line does in a config file.
 */
class ConfigOverrides {
  private final List<String> overrides = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a config key (repeatable; validated "
      + "like the file; keys: docs/config.md)")
  void set(List<String> values) {
    overrides.addAll(values);
  }

  /** Adds {@code key=value} (a shorthand option's override). */
  void add(String key, String value) {
    overrides.add(key + "=" + value);
  }

  /** The overrides so far, in command-line order (the live list). */
  List<String> list() {
    return overrides;
  }

  /** {@link ConfigOverrides} with {@code --seed N}, for the commands that run a search. */
  static final class WithSeed extends ConfigOverrides {
    @Option(names = "--seed", paramLabel = "N", description = "run seed (same as --set run.seed=N)")
    void seed(String n) {
      add("run.seed", n);
    }
  }
}
