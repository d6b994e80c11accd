package org.automlzero.core.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmCodec;
import org.automlzero.core.random.Rng;
import org.automlzero.core.task.LearningTask;
import org.automlzero.core.task.TaskList;

/**
 * One island's stage in the island-stage mode, as a pure function: from the island's state at
 * the start of a stage, evolve it for {@code generations} generations on its own and return its
 * state at the end. Wherever it runs (a driver thread, any Spark executor, a retried task) the
 * result is the same.
 *
 * <p>The island evolves exactly as a one-island {@link EvolutionLoop} in candidate-batch mode
 * would, with every random stream derived from its own seed {@code deriveSeed(runSeed,
 * "island-stage", island)} (so islands never share a stream), generations numbered as the whole
 * run numbers them, and a FEC cache that starts empty at each stage (so no cache state has to
 * travel or be checkpointed).
 */
public final class IslandStage {
  private IslandStage() {}

  /**
   * What a worker needs to run one island's stage.
   *
   * @param island the island's index in the run
   * @param list which of the stage's search task lists the island searches on (0, or 1 for the task mix)
   * @param experiment the experiment (task seeds may differ per experiment)
   * @param generation the generation the stage starts after
   * @param generations generations to run in this stage
   * @param state the island's members, fitnesses, ages and count at the stage start
   * @param partial the members' hurdle fitnesses by slot
   */
  public record Request(int island, int list, int experiment, long generation, int generations, IslandState state,
      double[] partial) {}

  /** The island at the stage end, with what the stage spent. */
  public record Result(IslandState state, double[] partial, long individuals, long trainSteps, long fecHits,
      long fecMisses) {}

  /** The seed of every random stream of one island in the island-stage mode. */
  public static long islandSeed(long runSeed, int island) {
    return Rng.deriveSeed(runSeed, "island-stage", island);
  }

  /**
   * Runs one island's stage on the calling thread.
   *
   * @param spec the run's search spec (its island model is used for population and children)
   * @param tasks the search tasks of the request's experiment
   * @param learningTasks those tasks, generated or read
   */
  public static Result run(SearchSpec spec, TaskList tasks, List<LearningTask> learningTasks, long runSeed,
      Request request) {
    IslandSpec is = spec.islands();
    IslandParameters.Resolved own = IslandParameters.resolve(spec, runSeed, request.island()); // per-island T and U
    SearchSpec one = new SearchSpec(spec.shape(), spec.setup(), spec.predict(), spec.learn(), spec.initialAlgorithm(),
        spec.method(), own.tournamentSize(), own.mutateProb(), spec.mutations(),
        new IslandSpec(1, is.population(), is.children(), 1, 0, is.topology(), IslandMode.CANDIDATE_BATCH),
        spec.fec(), spec.trainBudget(), spec.hurdles(), Long.MAX_VALUE, 0, spec.maxAbsError(),
        spec.fitnessCombination(), 0);
    TaskProvider fixed = list -> learningTasks;
    Algorithm baseline = spec.trainBudget().enabled()
        ? InitialAlgorithms.handCoded(spec.trainBudget().baseline(), spec)
        : null;
    try (WorkerPool serial = new WorkerPool(1)) {
      BatchEvaluator evaluator = new InProcessEvaluator(spec.shape(), spec.maxAbsError(), fixed, serial);
      Fingerprinter fingerprinter = spec.fec().enabled()
          ? new Fingerprinter(spec.shape(), spec.maxAbsError(), spec.fec(), serial)
          : null;
      long before = request.state().individuals();
      LoopState start = new LoopState(request.experiment(), request.generation(), before, 0, 0, 0,
          List.of(request.state()), List.of(request.partial()), List.of());
      EvolutionLoop loop = EvolutionLoop.resume(start, one, tasks, fixed, evaluator, fingerprinter, baseline,
          islandSeed(runSeed, request.island()), GenerationListener.NONE);
      for (int g = 0; g < request.generations(); g++) {
        loop.step();
      }
      LoopState end = loop.state();
      return new Result(end.islands().get(0), end.partialFitness().get(0), end.individuals() - before,
          end.trainSteps(), end.fecHits(), end.fecMisses());
    }
  }

  /** Exact binary form of a request (for shipping it to a worker). */
  public static byte[] encode(Request r) {
    return bytes(out -> {
      out.writeInt(r.island());
      out.writeInt(r.list());
      out.writeInt(r.experiment());
      out.writeLong(r.generation());
      out.writeInt(r.generations());
      writeIsland(out, r.state(), r.partial());
    });
  }

  public static Request decodeRequest(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int island = in.readInt();
      int list = in.readInt();
      int experiment = in.readInt();
      long generation = in.readLong();
      int generations = in.readInt();
      IslandState state = readState(in);
      return new Request(island, list, experiment, generation, generations, state, readDoubles(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Exact binary form of a result (for shipping it back to the driver). */
  public static byte[] encode(Result r) {
    return bytes(out -> {
      writeIsland(out, r.state(), r.partial());
      out.writeLong(r.individuals());
      out.writeLong(r.trainSteps());
      out.writeLong(r.fecHits());
      out.writeLong(r.fecMisses());
    });
  }

  public static Result decodeResult(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      IslandState state = readState(in);
      double[] partial = readDoubles(in);
      return new Result(state, partial, in.readLong(), in.readLong(), in.readLong(), in.readLong());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] bytes(Writer writer) {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 14);
    try (DataOutputStream out = new DataOutputStream(buffer)) {
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return buffer.toByteArray();
  }

  private static void writeIsland(DataOutputStream out, IslandState state, double[] partial) throws IOException {
    out.writeInt(state.members().size());
    for (Algorithm a : state.members()) {
      AlgorithmCodec.write(a, out);
    }
    writeDoubles(out, state.fitness());
    out.writeInt(state.oldest());
    out.writeLong(state.individuals());
    writeDoubles(out, partial);
  }

  private static IslandState readState(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<Algorithm> members = new ArrayList<>(n);
    for (int m = 0; m < n; m++) {
      members.add(AlgorithmCodec.read(in));
    }
    double[] fitness = readDoubles(in);
    return new IslandState(members, fitness, in.readInt(), in.readLong());
  }

  private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
    out.writeInt(values.length);
    for (double v : values) {
      out.writeLong(Double.doubleToRawLongBits(v));
    }
  }

  private static double[] readDoubles(DataInputStream in) throws IOException {
    double[] values = new double[in.readInt()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.longBitsToDouble(in.readLong());
    }
    return values;
  }
}
