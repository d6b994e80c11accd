package org.automlzero.core.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One island's part of an island stage, as the driver asks for it, when islands stay where their
 * stages run between stages ({@link ResidentIslands}) and only migrants travel.
 *
 * <p>The host starts from the island at {@code version} (the island after that many stages of
 * this run), taken from its own store, or from {@code base} when the call carries one (the first
 * stage, or a replay after the host lost the island: {@code base} is the driver's last full copy
 * and {@code steps} every stage since). For each step it receives the step's migrants, then
 * evolves the island for the step's generations ({@link IslandStage#run}). It keeps the result,
 * and answers with the island's header and the members it is asked to send away: its
 * {@code emitBest} fittest (the ring topology), or the members at {@code emitSlots} (the random
 * topology, planned by the driver from the islands' sizes). With {@code full} set it also returns
 * the whole island, so that the driver's copy is fresh again.
 *
 * @param run names the run's islands in a host's store (a random id, never part of a result)
 * @param list which of the stage's search task lists the island searches on (0, or 1 for the task mix)
 * @param base the island at {@code version} ({@link PackedIsland}), or null: the host's own copy
 */
public record StageCall(String run, int island, int list, long version, byte[] base, List<Step> steps, int emitBest,
    int[] emitSlots, boolean full) {

  /**
   * Receive {@code incoming} in order (each replaces the oldest member), then evolve for
   * {@code generations} generations after {@code generation} of {@code experiment}.
   */
  public record Step(List<PackedIsland.Migrant> incoming, int experiment, long generation, int generations) {}

  /**
   * The island after the call's last step: its header, the members it sends away (in the order
   * asked), the whole island if asked, and what the last step spent. {@code missing}: the host
   * does not hold the island at the version asked (the driver then sends its base).
   */
  public record Answer(int island, boolean missing, IslandHeader header, List<PackedIsland.Migrant> emigrants,
      byte[] full, long individuals, long trainSteps, long fecHits, long fecMisses) {

    static Answer missing(int island) {
      return new Answer(island, true, null, List.of(), null, 0, 0, 0, 0);
    }
  }

  /** Exact binary form of calls (for shipping a partition's calls to an executor). */
  public static byte[] encode(List<StageCall> calls) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(calls.size());
      for (StageCall c : calls) {
        out.writeUTF(c.run());
        out.writeInt(c.island());
        out.writeInt(c.list());
        out.writeLong(c.version());
        writeBytes(out, c.base());
        out.writeInt(c.steps().size());
        for (Step s : c.steps()) {
          writeMigrants(out, s.incoming());
          out.writeInt(s.experiment());
          out.writeLong(s.generation());
          out.writeInt(s.generations());
        }
        out.writeInt(c.emitBest());
        out.writeInt(c.emitSlots().length);
        for (int slot : c.emitSlots()) {
          out.writeInt(slot);
        }
        out.writeBoolean(c.full());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<StageCall> decodeCalls(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      List<StageCall> calls = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String run = in.readUTF();
        int island = in.readInt();
        int list = in.readInt();
        long version = in.readLong();
        byte[] base = readBytes(in);
        int k = in.readInt();
        List<Step> steps = new ArrayList<>(k);
        for (int s = 0; s < k; s++) {
          steps.add(new Step(readMigrants(in), in.readInt(), in.readLong(), in.readInt()));
        }
        int emitBest = in.readInt();
        int[] slots = new int[in.readInt()];
        for (int s = 0; s < slots.length; s++) {
          slots[s] = in.readInt();
        }
        calls.add(new StageCall(run, island, list, version, base, steps, emitBest, slots, in.readBoolean()));
      }
      return calls;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exact binary form of answers (for shipping them back to the driver). */
  public static byte[] encodeAnswers(List<Answer> answers) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeInt(answers.size());
      for (Answer a : answers) {
        out.writeInt(a.island());
        out.writeBoolean(a.missing());
        if (a.missing()) {
          continue;
        }
        IslandHeader h = a.header();
        out.writeInt(h.size());
        out.writeInt(h.oldest());
        out.writeLong(h.individuals());
        for (int s = 0; s < h.size(); s++) {
          out.writeLong(Double.doubleToRawLongBits(h.fitness()[s]));
          out.writeLong(Double.doubleToRawLongBits(h.partial()[s]));
        }
        writeMigrants(out, a.emigrants());
        writeBytes(out, a.full());
        out.writeLong(a.individuals());
        out.writeLong(a.trainSteps());
        out.writeLong(a.fecHits());
        out.writeLong(a.fecMisses());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static List<Answer> decodeAnswers(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int n = in.readInt();
      List<Answer> answers = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int island = in.readInt();
        if (in.readBoolean()) {
          answers.add(Answer.missing(island));
          continue;
        }
        int size = in.readInt();
        int oldest = in.readInt();
        long individuals = in.readLong();
        double[] fitness = new double[size];
        double[] partial = new double[size];
        for (int s = 0; s < size; s++) {
          fitness[s] = Double.longBitsToDouble(in.readLong());
          partial[s] = Double.longBitsToDouble(in.readLong());
        }
        IslandHeader header = new IslandHeader(size, oldest, individuals, fitness, partial);
        answers.add(new Answer(island, false, header, readMigrants(in), readBytes(in), in.readLong(), in.readLong(),
            in.readLong(), in.readLong()));
      }
      return answers;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b == null ? -1 : b.length);
    if (b != null) {
      out.write(b);
    }
  }

  private static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.readFully(b);
    return b;
  }

  private static void writeMigrants(DataOutputStream out, List<PackedIsland.Migrant> migrants) throws IOException {
    out.writeInt(migrants.size());
    for (PackedIsland.Migrant m : migrants) {
      writeBytes(out, m.algorithm());
      out.writeLong(Double.doubleToRawLongBits(m.fitness()));
      out.writeLong(Double.doubleToRawLongBits(m.partial()));
    }
  }

  private static List<PackedIsland.Migrant> readMigrants(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<PackedIsland.Migrant> migrants = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      migrants.add(new PackedIsland.Migrant(readBytes(in), Double.longBitsToDouble(in.readLong()),
          Double.longBitsToDouble(in.readLong())));
    }
    return migrants;
  }
}
