package org.automlzero.core.search.stage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
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

    public static Answer missing(int island) {
      return new Answer(island, true, null, List.of(), null, 0, 0, 0, 0);
    }
  }

  /** Exact binary form of calls (for shipping a partition's calls to an executor). */
  public static byte[] encode(List<StageCall> calls) {
    int size = 4;
    for (StageCall c : calls) {
      size += 4 + c.run().getBytes(StandardCharsets.UTF_8).length + 4 + 4 + 8 + bytesSize(c.base()) + 4
          + 4 + 4 + 4 * c.emitSlots().length + 1;
      for (Step s : c.steps()) {
        size += migrantsSize(s.incoming()) + 4 + 8 + 4;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(calls.size());
    for (StageCall c : calls) {
      putBytes(out, c.run().getBytes(StandardCharsets.UTF_8));
      out.putInt(c.island()).putInt(c.list()).putLong(c.version());
      putBytes(out, c.base());
      out.putInt(c.steps().size());
      for (Step s : c.steps()) {
        putMigrants(out, s.incoming());
        out.putInt(s.experiment()).putLong(s.generation()).putInt(s.generations());
      }
      out.putInt(c.emitBest()).putInt(c.emitSlots().length);
      for (int slot : c.emitSlots()) {
        out.putInt(slot);
      }
      out.put((byte) (c.full() ? 1 : 0));
    }
    return out.array();
  }

  public static List<StageCall> decodeCalls(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int n = in.getInt();
    List<StageCall> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String run = new String(getBytes(in), StandardCharsets.UTF_8);
      int island = in.getInt();
      int list = in.getInt();
      long version = in.getLong();
      byte[] base = getBytes(in);
      int k = in.getInt();
      List<Step> steps = new ArrayList<>(k);
      for (int s = 0; s < k; s++) {
        steps.add(new Step(getMigrants(in), in.getInt(), in.getLong(), in.getInt()));
      }
      int emitBest = in.getInt();
      int[] slots = new int[in.getInt()];
      for (int s = 0; s < slots.length; s++) {
        slots[s] = in.getInt();
      }
      calls.add(new StageCall(run, island, list, version, base, steps, emitBest, slots, in.get() == 1));
    }
    return calls;
  }

  /** Exact binary form of answers (for shipping them back to the driver). */
  public static byte[] encodeAnswers(List<Answer> answers) {
    int size = 4;
    for (Answer a : answers) {
      size += 4 + 1;
      if (!a.missing()) {
        size += 4 + 4 + 8 + 16 * a.header().size() + migrantsSize(a.emigrants()) + bytesSize(a.full()) + 32;
      }
    }
    ByteBuffer out = ByteBuffer.allocate(size);
    out.putInt(answers.size());
    for (Answer a : answers) {
      out.putInt(a.island()).put((byte) (a.missing() ? 1 : 0));
      if (a.missing()) {
        continue;
      }
      IslandHeader h = a.header();
      out.putInt(h.size()).putInt(h.oldest()).putLong(h.individuals());
      for (int s = 0; s < h.size(); s++) {
        out.putLong(Double.doubleToRawLongBits(h.fitness()[s]));
      }
      for (int s = 0; s < h.size(); s++) {
        out.putLong(Double.doubleToRawLongBits(h.partial()[s]));
      }
      putMigrants(out, a.emigrants());
      putBytes(out, a.full());
      out.putLong(a.individuals()).putLong(a.trainSteps()).putLong(a.fecHits()).putLong(a.fecMisses());
    }
    return out.array();
  }

  public static List<Answer> decodeAnswers(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    int n = in.getInt();
    List<Answer> answers = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      int island = in.getInt();
      if (in.get() == 1) {
        answers.add(Answer.missing(island));
        continue;
      }
      int size = in.getInt();
      int oldest = in.getInt();
      long individuals = in.getLong();
      double[] fitness = new double[size];
      double[] partial = new double[size];
      in.asDoubleBuffer().get(fitness).get(partial); // raw bits: ByteBuffer doubles are exact
      in.position(in.position() + 16 * size);
      IslandHeader header = new IslandHeader(size, oldest, individuals, fitness, partial);
      answers.add(new Answer(island, false, header, getMigrants(in), getBytes(in), in.getLong(), in.getLong(),
          in.getLong(), in.getLong()));
    }
    return answers;
  }

  private static int bytesSize(byte[] b) {
    return 4 + (b == null ? 0 : b.length);
  }

  private static void putBytes(ByteBuffer out, byte[] b) {
    out.putInt(b == null ? -1 : b.length);
    if (b != null) {
      out.put(b);
    }
  }

  private static byte[] getBytes(ByteBuffer in) {
    int n = in.getInt();
    if (n < 0) {
      return null;
    }
    byte[] b = new byte[n];
    in.get(b);
    return b;
  }

  private static int migrantsSize(List<PackedIsland.Migrant> migrants) {
    int size = 4;
    for (PackedIsland.Migrant m : migrants) {
      size += bytesSize(m.algorithm()) + 16;
    }
    return size;
  }

  private static void putMigrants(ByteBuffer out, List<PackedIsland.Migrant> migrants) {
    out.putInt(migrants.size());
    for (PackedIsland.Migrant m : migrants) {
      putBytes(out, m.algorithm());
      out.putLong(Double.doubleToRawLongBits(m.fitness())).putLong(Double.doubleToRawLongBits(m.partial()));
    }
  }

  private static List<PackedIsland.Migrant> getMigrants(ByteBuffer in) {
    int n = in.getInt();
    List<PackedIsland.Migrant> migrants = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      migrants.add(new PackedIsland.Migrant(getBytes(in), Double.longBitsToDouble(in.getLong()),
          Double.longBitsToDouble(in.getLong())));
    }
    return migrants;
  }
}
