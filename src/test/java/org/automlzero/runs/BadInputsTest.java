package org.automlzero.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus ({@code src/test/resources/bad-inputs/index.tsv}, one row per input):
 * each gives one clear message naming the file or key and the rule, a non-zero exit code, and
 * no partial output (a fresh {@code --out} does not exist afterwards; an existing directory is
 * byte-for-byte unchanged). The commands run in this JVM through {@code Main.run}.
 */
class BadInputsTest {
  private static final Path BAD = Path.of(System.getProperty("project.basedir", "."), "src", "test", "resources",
      "bad-inputs").toAbsolutePath();

  @TempDir
  static Path tmp;
  private static Path finished;
  private static Path interrupted;
  private static int counter;
  /** The lock a "locked" case holds on its run directory while the command runs. */
  private static RunLock held;

  /** One row of the corpus. */
  record Case(String name, int exit, String prep, String args, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Case> corpus() throws IOException {
    List<Case> cases = new ArrayList<>();
    for (String line : Files.readAllLines(BAD.resolve("index.tsv"), StandardCharsets.UTF_8)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      assertThat(f).as("index.tsv row: %s", line).hasSize(5);
      cases.add(new Case(f[0], Integer.parseInt(f[1]), f[2], f[3], List.of(f[4].split(" && "))));
    }
    return cases;
  }

  static Stream<Arguments> cases() throws IOException {
    return corpus().stream().map(c -> Arguments.of(c));
  }

  @BeforeAll
  static void prepareRuns() throws IOException {
    assertThat(corpus()).as("the corpus").hasSizeGreaterThanOrEqualTo(150);
    finished = tmp.resolve("finished");
    CliRun r = CliRun.run("search-local", "--config", BAD.resolve("good.conf").toString(), "--out", finished.toString(),
        "--set", "checkpoint.every_generations=10", "--set", "checkpoint.min_seconds=0", "--set", "run.threads=1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    interrupted = tmp.resolve("interrupted");
    copy(finished, interrupted);
    for (String f : List.of("result.json", "algorithm.txt", "algorithm-raw.txt", "algorithm.json", "report.html")) {
      Files.delete(interrupted.resolve(f));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputGivesOneClearMessageANonZeroExitAndNoPartialOutput(Case c) throws IOException {
    Path out = tmp.resolve("out-" + c.name());
    Path run = tmp.resolve("run-" + c.name());
    Path foreign = tmp.resolve("foreign-" + c.name());
    Files.createDirectories(foreign);
    Files.writeString(foreign.resolve("notes.txt"), "my notes\n");
    Path file = tmp.resolve("file-" + c.name());
    Files.writeString(file, "a file\n");
    prepare(c.prep(), run);
    List<Path> watched = List.of(run, foreign, file, BAD);
    List<String> before = watched.stream().map(BadInputsTest::snapshot).toList();

    List<String> args = new ArrayList<>();
    for (String a : c.args().split(" ")) {
      args.add(a.replace("{bad}", BAD.toString()).replace("{out}", out.toString()).replace("{run}", run.toString())
          .replace("{foreign}", foreign.toString()).replace("{file}", file.toString())
          .replace("{demo}", CliRun.demoConfig().toString()));
    }
    CliRun r;
    List<String> after;
    try {
      r = CliRun.run(args.toArray(String[]::new));
      after = watched.stream().map(BadInputsTest::snapshot).toList();
    } finally {
      if (held != null) {
        held.close();
        held = null;
        Files.deleteIfExists(run.resolve(RunLock.FILE));
      }
    }

    String first = r.err().lines().findFirst().orElse("");
    assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(c.exit());
    assertThat(first).as("the message").startsWith("error: ");
    for (String fragment : c.expected()) {
      assertThat(first).as("the message").contains(fragment);
    }
    assertThat(r.err().lines().filter(l -> l.startsWith("error")).count()).as("one message: %s", r.err()).isEqualTo(1);
    assertThat(r.err()).as("no stack trace").doesNotContain("\tat ", "Exception");
    assertThat(out).as("no partial output").doesNotExist();
    assertThat(after).as("existing files unchanged").isEqualTo(before);
  }

  @org.junit.jupiter.api.Test
  void overwriteReplacesAnExistingRunDirectory() throws IOException {
    Path run = tmp.resolve("overwritten");
    copy(finished, run);
    Files.writeString(run.resolve("stale.txt"), "from the old run\n");
    CliRun r = CliRun.run("search-local", "--config", BAD.resolve("good.conf").toString(), "--out", run.toString(),
        "--overwrite", "--seed", "77", "--threads", "1");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(run.resolve("stale.txt")).doesNotExist();
    assertThat(RunDirectory.open(run).runInfo().path("seed").asLong()).isEqualTo(77);
    assertThat(run.resolve("result.json")).isNotEmptyFile();
  }

  private static void prepare(String prep, Path run) throws IOException {
    switch (prep) {
      case "-" -> { }
      case "finished" -> copy(finished, run);
      case "interrupted" -> copy(interrupted, run);
      case "no-checkpoints" -> {
        copy(interrupted, run);
        for (Path f : list(run.resolve("checkpoints"))) {
          Files.delete(f);
        }
      }
      case "torn-all" -> {
        copy(interrupted, run);
        for (Path f : list(run.resolve("checkpoints"))) {
          String text = Files.readString(f);
          Files.writeString(f, text.substring(0, text.length() / 3));
        }
      }
      case "wrong-format" -> {
        copy(interrupted, run);
        for (Path f : list(run.resolve("checkpoints"))) {
          Files.writeString(f, "{\"format\": \"something-else\", \"version\": 1}\n");
        }
      }
      case "edited-config" -> {
        copy(interrupted, run);
        Path conf = run.resolve("config.conf");
        Files.writeString(conf, Files.readString(conf).replace("search.population_size = 20",
            "search.population_size = 30"));
      }
      case "locked" -> {
        copy(interrupted, run);
        held = RunLock.acquire(run, "used", note -> { });
      }
      case "locked-other-host" -> {
        copy(interrupted, run);
        Files.writeString(run.resolve(RunLock.FILE),
            "{\"pid\": 12345, \"host\": \"some-other-host\", \"started\": \"2026-12-01T00:00:00Z\"}\n");
      }
      case "edited-all" -> {
        copy(interrupted, run);
        for (Path f : list(run.resolve("checkpoints"))) {
          Files.writeString(f, Files.readString(f).replaceFirst("\"train_steps\":\\d+", "\"train_steps\":1"));
        }
      }
      case "digest-removed" -> {
        copy(interrupted, run);
        for (Path f : list(run.resolve("checkpoints"))) {
          Files.writeString(f, Files.readString(f).replaceFirst(",\"content_sha256\":\"[0-9a-f]+\"", ""));
        }
      }
      default -> throw new IllegalArgumentException("unknown prep '" + prep + "' in index.tsv");
    }
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.sorted().toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }

  /** Every path under {@code root} with the SHA-256 of its content ("absent" when it does not exist). */
  private static String snapshot(Path root) {
    if (!Files.exists(root)) {
      return "absent";
    }
    TreeMap<String, String> entries = new TreeMap<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path f : files.toList()) {
        entries.put(root.relativize(f).toString(), Files.isDirectory(f) ? "dir"
            : HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    return entries.toString();
  }
}
