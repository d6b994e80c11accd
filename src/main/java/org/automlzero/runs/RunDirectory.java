package org.automlzero.runs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.automlzero.core.algorithm.AlgorithmJson;
import org.automlzero.core.io.AtomicFiles;

/**
 * The directory of one run and the names of its files (docs/run-directory.md):
 * {@code config.conf} (the effective config, seed included), {@code run.json} (name, seed,
 * start time, command), {@code stats/} (Parquet), {@code checkpoints/}, {@code experiments.json},
 * {@code algorithm.txt} / {@code algorithm-raw.txt} / {@code algorithm.json}, {@code result.json}
 * and {@code report.html}. Every file is written whole under a temporary name and renamed.
 */
public final class RunDirectory {
  static final ObjectMapper MAPPER = AlgorithmJson.mapper();
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private final Path root;
  private RunLock lock;

  private RunDirectory(Path root) {
    this.root = root;
  }

  /**
   * {@code runs/<yyyyMMdd-HHmmss>-<config name>} (UTC) under the working directory; when that
   * exists already (two runs in one second), {@code -2}, {@code -3}, ... is appended.
   */
  public static Path defaultPath(Path configFile, Instant now) {
    String name = configFile.getFileName().toString();
    int dot = name.lastIndexOf('.');
    Path base = Path.of("runs", STAMP.format(now) + "-" + (dot > 0 ? name.substring(0, dot) : name));
    Path dir = base;
    for (int n = 2; Files.exists(dir); n++) {
      dir = base.resolveSibling(base.getFileName() + "-" + n);
    }
    return dir;
  }

  /**
   * Checks that a new run may be written to {@code dir}: it must not exist, unless
   * {@code overwrite} is given and it is empty or a run directory (never an arbitrary folder).
   */
  public static void checkWritable(Path dir, boolean overwrite) {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new RunDirectoryException("output directory " + dir + " exists and is a file; choose another --out");
    }
    if (!Files.isDirectory(dir)) {
      // It will be created: its nearest existing ancestor must be a folder we may write in.
      Path ancestor = dir.toAbsolutePath().normalize().getParent();
      while (ancestor != null && !Files.exists(ancestor)) {
        ancestor = ancestor.getParent();
      }
      if (ancestor != null && (!Files.isDirectory(ancestor) || !Files.isWritable(ancestor))) {
        throw new RunDirectoryException("cannot create output directory " + dir + ": " + ancestor + " is "
            + (Files.isDirectory(ancestor) ? "not writable" : "not a directory") + "; choose another --out");
      }
      return;
    }
    if (!overwrite) {
      throw new RunDirectoryException("output directory " + dir + " already exists; choose another --out or pass "
          + "--overwrite to replace it");
    }
    if (!isEmpty(dir) && !Files.isRegularFile(dir.resolve("run.json")) && !Files.isRegularFile(dir.resolve("config.conf"))) {
      throw new RunDirectoryException("output directory " + dir + " is not a run directory (no run.json or "
          + "config.conf) and not empty; --overwrite only replaces run directories");
    }
    RunLock.checkFree(dir, "overwritten");
  }

  /** Creates the directory (replacing it when allowed, see {@link #checkWritable}) with config.conf and run.json. */
  public static RunDirectory create(Path dir, boolean overwrite, String configText, long seed, String command,
      Instant started) {
    return create(dir, overwrite, configText, seed, command, started, System.err::println);
  }

  /**
   * As above; the new directory is locked for this process ({@link #close} releases it) and a
   * note about a stale lock taken over goes to {@code note}.
   */
  public static RunDirectory create(Path dir, boolean overwrite, String configText, long seed, String command,
      Instant started, java.util.function.Consumer<String> note) {
    checkWritable(dir, overwrite);
    RunLock lock;
    try {
      Files.createDirectories(dir);
      lock = RunLock.acquire(dir, "overwritten", note);
    } catch (IOException e) {
      throw new RunDirectoryException("cannot create output directory " + dir + ": " + e.getMessage(), e);
    }
    try (Stream<Path> old = Files.list(dir)) {
      // Replace the old run's files (overwrite), but keep the lock this process now holds.
      for (Path f : old.filter(f -> !f.getFileName().toString().equals(RunLock.FILE)).toList()) {
        if (Files.isDirectory(f)) {
          deleteRecursively(f);
        } else {
          Files.delete(f);
        }
      }
    } catch (IOException e) {
      lock.close();
      throw new RunDirectoryException("cannot replace output directory " + dir + ": " + e.getMessage(), e);
    }
    RunDirectory run = new RunDirectory(dir);
    run.lock = lock;
    AtomicFiles.writeString(run.config(), configText);
    StringWriter text = new StringWriter();
    try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
      json.useDefaultPrettyPrinter();
      json.writeStartObject();
      json.writeStringField("name", dir.toAbsolutePath().normalize().getFileName().toString());
      json.writeNumberField("seed", seed);
      json.writeStringField("started", started.toString());
      json.writeStringField("command", command);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    AtomicFiles.writeString(run.runJson(), text + "\n");
    return run;
  }

  /** An existing run directory (it must hold config.conf and run.json). */
  public static RunDirectory open(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new RunDirectoryException("run directory " + dir + " does not exist");
    }
    for (String name : new String[] {"config.conf", "run.json"}) {
      if (!Files.isRegularFile(dir.resolve(name))) {
        throw new RunDirectoryException("run directory " + dir + " has no " + name + ": not a run directory");
      }
    }
    return new RunDirectory(dir);
  }

  /** An existing run directory, locked for this process (for a resume); {@link #close} releases it. */
  public static RunDirectory openLocked(Path dir, java.util.function.Consumer<String> note) {
    RunDirectory run = open(dir);
    run.lock = RunLock.acquire(dir, "resumed", note);
    return run;
  }

  /** Releases this process's lock on the directory (if it holds one). */
  public void close() {
    if (lock != null) {
      lock.close();
      lock = null;
    }
  }

  /**
   * Marks the run failed in run.json ({@code "status": "failed"} with the reason and time), so a
   * reader of the directory sees why it has no result.
   */
  public void markFailed(String reason) {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode info = (com.fasterxml.jackson.databind.node.ObjectNode) runInfo();
      info.put("status", "failed");
      info.put("failure", reason.length() <= 2000 ? reason : reason.substring(0, 2000) + "...");
      info.put("failed", Instant.now().toString());
      AtomicFiles.writeString(runJson(), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n");
    } catch (IOException | RuntimeException e) {
      // Best effort: the run is failing already and its error line says why.
    }
  }

  /** Marks a resumed run as running again (drops a failure mark left by an earlier attempt). */
  public void markRunning() {
    try {
      com.fasterxml.jackson.databind.node.ObjectNode info = (com.fasterxml.jackson.databind.node.ObjectNode) runInfo();
      if (info.has("status")) {
        info.remove(List.of("status", "failure", "failed"));
        AtomicFiles.writeString(runJson(), MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(info) + "\n");
      }
    } catch (IOException | RuntimeException e) {
      // Best effort.
    }
  }

  public Path root() {
    return root;
  }

  public Path config() {
    return root.resolve("config.conf");
  }

  public Path runJson() {
    return root.resolve("run.json");
  }

  public Path experimentsJson() {
    return root.resolve("experiments.json");
  }

  public Path resultJson() {
    return root.resolve("result.json");
  }

  /** The final algorithm, readable: simplified when a simplifier is available, else raw. */
  public Path algorithmText() {
    return root.resolve("algorithm.txt");
  }

  public Path algorithmRawText() {
    return root.resolve("algorithm-raw.txt");
  }

  public Path algorithmJson() {
    return root.resolve("algorithm.json");
  }

  public Path report() {
    return root.resolve("report.html");
  }

  /** The run's metadata (run.json) as a tree. */
  public JsonNode runInfo() {
    return readJson(runJson());
  }

  public String configText() {
    try {
      return Files.readString(config(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new RunDirectoryException("cannot read " + config() + ": " + e.getMessage(), e);
    }
  }

  /** SHA-256 of config.conf, which ties checkpoints to the config they were made with. */
  public String configDigest() {
    return digest(configText());
  }

  public static String digest(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e); // every JVM has SHA-256
    }
  }

  static JsonNode readJson(Path file) {
    try {
      JsonNode node = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
      if (node == null || !node.isObject()) {
        throw new RunDirectoryException(file + " is not a JSON object");
      }
      return node;
    } catch (IOException e) {
      throw new RunDirectoryException(file + " is not readable JSON: " + e.getMessage().lines().findFirst().orElse(""),
          e);
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      throw new RunDirectoryException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    Files.walkFileTree(dir, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.delete(file);
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
        if (e != null) {
          throw e;
        }
        Files.delete(d);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
