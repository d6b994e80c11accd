package org.automlzero.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmFiles;
import org.automlzero.core.algorithm.AlgorithmFormatException;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.algorithm.Kind;
import org.automlzero.core.algorithm.MemoryShape;
import org.automlzero.core.config.ExperimentConfig;
import org.automlzero.core.export.PythonExporter;
import org.automlzero.core.io.AtomicFiles;
import org.automlzero.core.simplify.Simplifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code export --algorithm FILE --to python|numpy|json|text [--out FILE]}: writes an algorithm
 * (readable text or JSON) as a standalone Python/NumPy module ({@link PythonExporter}), as JSON
 * or in the readable format. The memory shape and F come from {@code --config}, else from a
 * {@code config.conf} next to the algorithm file (a run directory), else from the addresses the
 * algorithm uses and {@code --features}.
 */
@Command(name = "export", synopsisHeading = "",
    customSynopsis = {"usage: submit.sh export --algorithm FILE --to python|numpy|json|text [--out FILE]",
        "                        [--config CONF | --features F] [--set KEY=VALUE]... [--simplify]"},
    description = "Writes an algorithm file as a standalone Python/NumPy module, as JSON or as text.",
    footer = {"exit codes: 0 done, 2 bad input"})
final class ExportCommand implements Callable<Integer> {
  @Mixin CommonOptions common = new CommonOptions();
  @Mixin ConfigOverrides overrides = new ConfigOverrides();

  /** The output formats. */
  enum Format { PYTHON, JSON, TEXT }

  private Format format;
  private Integer features;

  @Option(names = "--algorithm", paramLabel = "FILE", description = "the algorithm: readable text (def Setup(): "
      + "...) or JSON (a run's algorithm.json)")
  Path algorithmFile;

  @Option(names = "--to", paramLabel = "FORMAT", description = {"python (or numpy: the same module): a standalone "
      + "Python 3 / NumPy module with", "setup/predict/learn and train/predictions/run drivers; json; text (readable "
      + "format)"})
  void to(String text) {
    format = format(text);
  }

  @Option(names = "--out", paramLabel = "FILE", description = "write there (atomically) instead of to standard "
      + "output")
  Path out;

  @Option(names = "--config", paramLabel = "CONF", description = "take memory sizes and F from this config "
      + "(default: config.conf next to the algorithm file, if there is one)")
  Path configFile;

  @Option(names = "--features", paramLabel = "F", description = "without a config: the feature size F (python "
      + "only; memory sizes are the addresses the algorithm uses)")
  void features(String text) {
    features = parseFeatures(text);
  }

  @Option(names = "--simplify", description = "export the simplified algorithm (docs/simplifier.md) instead of the "
      + "file's")
  boolean simplify;

  @Override
  public Integer call() {
    Path configFile = this.configFile;
    List<String> overrides = this.overrides.list();
    if (algorithmFile == null || format == null) {
      throw new UserError("export needs --algorithm FILE and --to python|numpy|json|text\n" + Main.usage("export"), 2);
    }
    if (configFile != null && features != null) {
      throw new UserError("export: give either --config or --features, not both", 2);
    }
    if (configFile == null && features == null) {
      Path sibling = algorithmFile.toAbsolutePath().getParent().resolve("config.conf");
      if (Files.isRegularFile(sibling)) {
        configFile = sibling;
      }
    }
    if (configFile == null && !overrides.isEmpty()) {
      throw new UserError("export: --set needs a config (--config CONF)", 2);
    }
    if (out != null && Files.isDirectory(out)) {
      throw new UserError("export: --out " + out + " is a directory; give a file name", 2);
    }
    Algorithm algorithm;
    MemoryShape shape;
    if (configFile != null) {
      ExperimentConfig config = SearchLocalCommand.load(configFile, overrides);
      shape = config.run().search().shape();
      algorithm = read(algorithmFile, shape);
    } else {
      algorithm = read(algorithmFile, null);
      if (format == Format.PYTHON && features == null) {
        throw new UserError("export --to python needs the feature size: give --config CONF or --features F", 2);
      }
      shape = usedShape(algorithm, features == null ? 1 : features);
    }
    if (simplify) {
      algorithm = Simplifier.simplify(algorithm);
    }
    String text = switch (format) {
      case PYTHON -> PythonExporter.export(algorithm, shape);
      case JSON -> AlgorithmJson.write(algorithm);
      case TEXT -> AlgorithmPrinter.print(algorithm);
    };
    if (out == null) {
      System.out.print(text);
    } else {
      AtomicFiles.writeString(out, text, "export file");
      System.err.println("wrote " + out);
    }
    return 0;
  }

  private static Algorithm read(Path file, MemoryShape shape) {
    try {
      return AlgorithmFiles.read(file, shape);
    } catch (AlgorithmFormatException e) {
      throw new UserError(e.getMessage(), 2);
    }
  }

  /** The smallest memory that holds every address the algorithm uses (at least s0, s1 and v0). */
  static MemoryShape usedShape(Algorithm algorithm, int features) {
    int[] size = {2, 1, 0};
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      for (Instruction in : algorithm.function(type)) {
        grow(size, in.op().in1(), in.in1());
        grow(size, in.op().in2(), in.in2());
        grow(size, in.op().out(), in.out());
      }
    }
    return new MemoryShape(size[0], size[1], size[2], features);
  }

  private static void grow(int[] size, Kind kind, int address) {
    int bank = switch (kind) {
      case SCALAR -> 0;
      case VECTOR -> 1;
      case MATRIX -> 2;
      case NONE -> -1;
    };
    if (bank >= 0) {
      size[bank] = Math.max(size[bank], address + 1);
    }
  }

  private static Format format(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "python", "numpy" -> Format.PYTHON;
      case "json" -> Format.JSON;
      case "text" -> Format.TEXT;
      default -> throw new UserError("--to is '" + text + "', but must be python, numpy, json or text", 2);
    };
  }

  private static int parseFeatures(String text) {
    try {
      int f = Integer.parseInt(text);
      if (f > 0) {
        return f;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UserError("--features is '" + text + "', but must be a positive integer", 2);
  }
}
