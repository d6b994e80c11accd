package org.automlzero.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.automlzero.core.io.AtomicFiles;

/**
 * The checkpoints of a run directory: {@code checkpoints/checkpoint-NNNNNN.json}, each written
 * atomically, the newest {@code keep} kept. Loading takes the newest complete one; torn or
 * unreadable newer files are reported and skipped.
 */
public final class CheckpointStore {
  private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{6,})\\.json");
  private final Path dir;
  private final int keep;

  public CheckpointStore(Path runDirectory, int keep) {
    this.dir = runDirectory.resolve("checkpoints");
    this.keep = keep;
  }

  public Path directory() {
    return dir;
  }

  /** Writes a checkpoint (atomically) and deletes the older ones beyond {@code keep}. */
  public void write(Checkpoint checkpoint) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    AtomicFiles.writeString(file(checkpoint.sequence()), CheckpointCodec.write(checkpoint));
    List<Long> sequences = sequences();
    for (int i = 0; i < sequences.size() - keep; i++) {
      AtomicFiles.deleteQuietly(file(sequences.get(i)));
    }
  }

  public Path file(long sequence) {
    return dir.resolve(String.format("checkpoint-%06d.json", sequence));
  }

  /** Sequence numbers of the checkpoint files present, ascending. */
  public List<Long> sequences() {
    return AtomicFiles.numberedFiles(dir, NAME);
  }

  /**
   * The newest complete checkpoint. Each newer file that cannot be read is reported to
   * {@code warn} (naming the file and why) and skipped; none complete is a
   * {@link RunDirectoryException}.
   */
  public Checkpoint latest(Consumer<String> warn) {
    List<Long> sequences = sequences();
    if (sequences.isEmpty()) {
      throw new RunDirectoryException("no checkpoint in " + dir + ": the run wrote none before it stopped "
          + "(checkpoint.every_generations / checkpoint.min_seconds set how often it writes one), so it cannot "
          + "be resumed; start it again");
    }
    List<String> problems = new ArrayList<>();
    for (int i = sequences.size() - 1; i >= 0; i--) {
      Path f = file(sequences.get(i));
      try {
        Checkpoint c = CheckpointCodec.read(Files.readString(f, StandardCharsets.UTF_8));
        if (c.sequence() != sequences.get(i)) {
          throw new IllegalArgumentException("it says it is checkpoint " + c.sequence());
        }
        if (!problems.isEmpty()) {
          warn.accept("resuming from the older checkpoint " + f.getFileName());
        }
        return c;
      } catch (IOException | IllegalArgumentException | UncheckedIOException e) {
        String problem = "checkpoint " + f + " is unusable: " + e.getMessage();
        problems.add(problem);
        warn.accept("warning: " + problem + "; falling back to the previous checkpoint");
      }
    }
    throw new RunDirectoryException("no complete checkpoint in " + dir + " (" + String.join("; ", problems)
        + "), so the run cannot be resumed; start it again");
  }
}
