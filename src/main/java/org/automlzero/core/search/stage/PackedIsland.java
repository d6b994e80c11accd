package org.automlzero.core.search.stage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmCodec;
import org.automlzero.core.search.Island;
import org.automlzero.core.search.IslandState;
import org.automlzero.core.search.IslandStats;

/**
 * An island of the island-stage mode as it travels and as the driver holds it between stages:
 * one byte array, exact (every member bit for bit, see {@link AlgorithmCodec}). The driver never
 * decodes the members to run a stage or to migrate: it reads the header (fitnesses, hurdle
 * fitnesses, the oldest slot, the island's count of evaluated individuals), and moves migrants as
 * byte slices. Only checkpoints, the experiment's best and tests decode whole islands.
 *
 * <p>Layout (big-endian): {@code int size, int oldest, long individuals, double[size] fitness,
 * double[size] partial, int[size + 1] member offsets, member bytes}.
 */
public final class PackedIsland {
  private PackedIsland() {}

  /** A member on its way to another island: its encoded algorithm, fitness and hurdle fitness. */
  public record Migrant(byte[] algorithm, double fitness, double partial) {}

  private static final int HEADER = 16;

  public static byte[] pack(IslandState state, double[] partial) {
    int n = state.members().size();
    if (partial.length != n) {
      throw new IllegalArgumentException("an island of " + n + " members needs " + n + " hurdle fitnesses, not "
          + partial.length);
    }
    List<byte[]> members = new ArrayList<>(n);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(64);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      for (Algorithm a : state.members()) {
        buffer.reset();
        AlgorithmCodec.write(a, out);
        out.flush();
        members.add(buffer.toByteArray());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return assemble(state.fitness(), partial, state.oldest(), state.individuals(), members);
  }

  private static byte[] assemble(double[] fitness, double[] partial, int oldest, long individuals,
      List<byte[]> members) {
    int[] lengths = members.stream().mapToInt(m -> m.length).toArray();
    ByteBuffer b = start(fitness, partial, oldest, individuals, lengths);
    for (byte[] m : members) {
      b.put(m);
    }
    return b.array();
  }

  /** A buffer for an island of members of these lengths, filled up to its member bytes. */
  private static ByteBuffer start(double[] fitness, double[] partial, int oldest, long individuals, int[] lengths) {
    int n = fitness.length;
    int total = 0;
    for (int length : lengths) {
      total += length;
    }
    ByteBuffer b = ByteBuffer.allocate(HEADER + 16 * n + 4 * (n + 1) + total);
    b.putInt(n).putInt(oldest).putLong(individuals);
    for (double f : fitness) {
      b.putLong(Double.doubleToRawLongBits(f));
    }
    for (double p : partial) {
      b.putLong(Double.doubleToRawLongBits(p));
    }
    int offset = 0;
    for (int length : lengths) {
      b.putInt(offset);
      offset += length;
    }
    b.putInt(offset);
    return b;
  }

  public static int size(byte[] island) {
    return ByteBuffer.wrap(island).getInt(0);
  }

  public static int oldest(byte[] island) {
    return ByteBuffer.wrap(island).getInt(4);
  }

  /** Candidates this island has evaluated (initial members included). */
  public static long individuals(byte[] island) {
    return ByteBuffer.wrap(island).getLong(8);
  }

  /** The same island with another count of evaluated individuals (the scale benchmark's model). */
  public static byte[] withIndividuals(byte[] island, long individuals) {
    byte[] copy = island.clone();
    ByteBuffer.wrap(copy).putLong(8, individuals);
    return copy;
  }

  public static double[] fitness(byte[] island) {
    return doubles(island, HEADER);
  }

  public static double[] partial(byte[] island) {
    return doubles(island, HEADER + 8 * size(island));
  }

  private static double[] doubles(byte[] island, int at) {
    ByteBuffer b = ByteBuffer.wrap(island);
    double[] values = new double[b.getInt(0)];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(b.getLong(at + 8 * i));
    }
    return values;
  }

  /** The encoded algorithm of one slot, as a copy. */
  public static byte[] memberBytes(byte[] island, int slot) {
    ByteBuffer b = ByteBuffer.wrap(island);
    int n = b.getInt(0);
    int table = HEADER + 16 * n;
    int base = table + 4 * (n + 1);
    int from = b.getInt(table + 4 * slot);
    int to = b.getInt(table + 4 * (slot + 1));
    return Arrays.copyOfRange(island, base + from, base + to);
  }

  public static Algorithm member(byte[] island, int slot) {
    return decodeAlgorithm(memberBytes(island, slot));
  }

  /** One slot as a migrant (its algorithm bytes, fitness and hurdle fitness). */
  public static Migrant migrant(byte[] island, int slot) {
    ByteBuffer b = ByteBuffer.wrap(island);
    int n = b.getInt(0);
    return new Migrant(memberBytes(island, slot), Double.longBitsToDouble(b.getLong(HEADER + 8 * slot)),
        Double.longBitsToDouble(b.getLong(HEADER + 8 * (n + slot))));
  }

  /**
   * The island after receiving {@code migrants} in order, each replacing the oldest member (which
   * makes it the youngest), exactly as {@link Island} receives them; the individuals count is
   * unchanged (migrants were evaluated elsewhere).
   */
  public static byte[] receive(byte[] island, List<Migrant> migrants) {
    if (migrants.isEmpty()) {
      return island;
    }
    int n = size(island);
    IslandHeader after = IslandHeader.of(island).receive(migrants);
    byte[][] replaced = new byte[n][];
    int at = oldest(island);
    for (Migrant m : migrants) {
      replaced[at] = m.algorithm();
      at = (at + 1) % n;
    }
    // The members that stay are copied straight from the island's bytes, not one array each.
    ByteBuffer from = ByteBuffer.wrap(island);
    int table = HEADER + 16 * n;
    int base = table + 4 * (n + 1);
    int[] lengths = new int[n];
    for (int s = 0; s < n; s++) {
      lengths[s] = replaced[s] != null ? replaced[s].length
          : from.getInt(table + 4 * (s + 1)) - from.getInt(table + 4 * s);
    }
    ByteBuffer b = start(after.fitness(), after.partial(), after.oldest(), after.individuals(), lengths);
    for (int s = 0; s < n; s++) {
      if (replaced[s] != null) {
        b.put(replaced[s]);
      } else {
        b.put(island, base + from.getInt(table + 4 * s), lengths[s]);
      }
    }
    return b.array();
  }

  /** Decodes the whole island. */
  public static IslandState state(byte[] island) {
    int n = size(island);
    List<Algorithm> members = new ArrayList<>(n);
    for (int s = 0; s < n; s++) {
      members.add(member(island, s));
    }
    return new IslandState(members, fitness(island), oldest(island), individuals(island));
  }

  /** Population statistics, exactly as {@link Island#stats} computes them. */
  public static IslandStats stats(byte[] island, int index, long hits, long misses) {
    return Island.stats(index, individuals(island), fitness(island), hits, misses);
  }

  private static Algorithm decodeAlgorithm(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      return AlgorithmCodec.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
