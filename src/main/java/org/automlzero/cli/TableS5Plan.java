package org.automlzero.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.automlzero.core.config.ConfigLoader;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.runs.RunDirectory;
import org.automlzero.runs.RunDirectoryException;
import org.automlzero.store.ParquetTaskStore;
import org.automlzero.store.TaskData;

/**
 * Which runs Table S5 takes and with which configs: Basic and Full at every island count, one
 * run per seed, each a config file of {@code conf/} with the reproduction's settings on top. Built
 * and checked in full (configs, data, resources, existing run directories) before any run
 * starts, so a mistake is reported before hours of work, not after.
 */
final class TableS5Plan {
  /** The table's methods, in the table's order. */
  static final List<String> METHODS = List.of("Basic", "Full");

  /** One run of the table: a method at an island count with a seed. */
  record Cell(String method, int islands, int run, long seed) {
    String name() {
      return method.toLowerCase(Locale.ROOT) + "-islands" + islands + "-seed" + seed;
    }
  }

  private final Map<Cell, ExperimentConfig> configs;
  private final Path runsDir;

  private TableS5Plan(Map<Cell, ExperimentConfig> configs, Path runsDir) {
    this.configs = Collections.unmodifiableMap(configs);
    this.runsDir = runsDir;
  }

  /** Every cell's config in table order (island count, seed, method), each checked. */
  static TableS5Plan of(ReproduceCommand.Options o) {
    Map<Cell, ExperimentConfig> configs = new LinkedHashMap<>();
    for (int n : o.islands()) {
      for (int r = 0; r < o.runs(); r++) {
        for (String method : METHODS) {
          Cell cell = new Cell(method, n, r, o.seed() + r);
          configs.put(cell, config(o, cell));
        }
      }
    }
    for (ExperimentConfig c : configs.values()) {
      TaskData.check(c);
      org.automlzero.core.config.ResourceCheck.check(c);
    }
    Path runsDir = o.out().resolve("runs");
    for (Map.Entry<Cell, ExperimentConfig> e : configs.entrySet()) {
      checkExisting(runsDir.resolve(e.getKey().name()), e.getValue());
    }
    return new TableS5Plan(configs, runsDir);
  }

  /** The cells and their configs, in table order. */
  Map<Cell, ExperimentConfig> configs() {
    return configs;
  }

  int size() {
    return configs.size();
  }

  /** The run directory of a cell. */
  Path dir(Cell cell) {
    return runsDir.resolve(cell.name());
  }

  /** The config of one cell: the method's file, the reproduction's settings, then the user's --set. */
  static ExperimentConfig config(ReproduceCommand.Options o, Cell cell) {
    Path file = confFile(cell.method().equals("Basic") ? "baseline.conf" : "full.conf");
    List<String> sets = new ArrayList<>();
    String a = o.datasets().get(0);
    sets.add("data.path=" + o.data());
    sets.add("run.seed=" + cell.seed());
    for (String list : List.of("search", "select", "final", "mix")) {
      sets.add(list + ".tasks.dataset=" + a);
    }
    int seeds = dataSeeds(o.data());
    if (seeds > 0 && seeds < 100) {
      for (String list : List.of("search", "select", "final", "mix")) {
        sets.add(list + ".tasks.max_data_seed=" + seeds);
      }
    }
    sets.add("select.tasks.count=" + o.selectTasks());
    sets.add("islands.mode=ISLAND_STAGE");
    sets.add("islands.count=" + cell.islands());
    sets.add("search.max_train_steps=" + Math.multiplyExact(o.trainSteps(), (long) cell.islands()));
    if (cell.method().equals("Basic")) {
      // Basic: the original's method on every worker, no exchange (independent workers, best of all).
      // Stages of 100 generations: the budget is checked between stages, so this bounds the overshoot of an
      // expensive Basic evaluation (80,000 train steps) to 8M steps per island; without FEC and migration the
      // stage length changes nothing else.
      sets.add("islands.migrants=0");
      sets.add("islands.migration_interval=100");
      sets.add("islands.topology=RANDOM");
    } else if (cell.islands() == 1) {
      sets.add("islands.mix_fraction=0"); // one worker cannot be split between two task sources
    } else {
      String b = o.datasets().size() > 1 ? o.datasets().get(1) : a.equals("cifar10") ? "mnist" : null;
      if (b != null) {
        sets.add("mix.tasks.dataset=" + b);
      } else {
        ExperimentConfig plain = ConfigLoader.load(file, sets);
        int train = plain.run().searchTasks().specs().get(0).numTrain();
        int epochs = plain.run().searchTasks().specs().get(0).epochs();
        sets.add("mix.tasks.train_examples=" + Math.max(1, train / 10));
        sets.add("mix.tasks.epochs=" + epochs * 10);
      }
    }
    sets.addAll(o.overrides());
    return ConfigLoader.load(file, sets); // a ConfigException names the file or --set, key, value and rule: exit 2
  }

  /** A conf/ file under the project home (submit.sh sets automlzero.home), else the working directory. */
  static Path confFile(String name) {
    String home = System.getProperty("automlzero.home");
    Path inHome = home == null ? null : Paths.get(home, "conf", name);
    return inHome != null && Files.isRegularFile(inHome) ? inHome : Paths.get("conf", name);
  }

  /** Data seeds 0..k-1 of the data set's manifest (k, or 0 when they are not such a range or unreadable). */
  private static int dataSeeds(Path data) {
    try {
      java.util.Set<Integer> seeds = ParquetTaskStore.open(data.toString()).manifest().seeds();
      for (int s = 0; s < seeds.size(); s++) {
        if (!seeds.contains(s)) {
          return 0;
        }
      }
      return seeds.size();
    } catch (RuntimeException e) {
      return 0; // TaskData.check names what is wrong with the data set
    }
  }

  /** Refuses an existing run directory of other settings, so a changed command never mixes two tables. */
  private static void checkExisting(Path dir, ExperimentConfig config) {
    if (!Files.exists(dir)) {
      return;
    }
    String text;
    try {
      text = RunDirectory.open(dir).configText();
    } catch (RunDirectoryException e) {
      return; // not a complete run directory: it is started again
    }
    if (!text.equals(config.toConfigText())) {
      throw new UserError("reproduce: " + dir + " holds a run of other settings (its config.conf differs from this "
          + "command's): continue it with the command that started it, or give another --out", 2);
    }
  }
}
