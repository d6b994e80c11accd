package org.automlzero.core.simplify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.AlgorithmPrinter;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;

/**
 * The simplifier's last, optional pass, kept apart from the exact rules because it is not exact:
 * it tries removing each remaining instruction and keeps a removal only if the real fitness (a
 * caller's function, e.g. the run's final evaluation) stays within {@link #TOLERANCE} of the
 * unsimplified algorithm's. It exists for what the exact rules cannot prove away, such as a value
 * that differs only in the first training step, whose effect on a saturated fitness is below the
 * last bits (docs/simplifier.md).
 *
 * <p>Greedy and deterministic: it walks the instructions in order (Setup, Predict, Learn, each
 * top to bottom); a kept removal is followed by the exact {@link Simplifier#simplify} (what the
 * removal made dead goes too) and the walk goes on at the same place; it sweeps again while a
 * sweep removed anything. The tolerance is measured against the fitness before the pass, never
 * against the previous step, so removals cannot drift away from it one step at a time. At most
 * {@code maxEvaluations} fitness evaluations (the cost of each is the caller's).
 */
public final class VerifiedPass {
  /** The largest absolute change of the fitness a removal may cause. */
  public static final double TOLERANCE = 1e-9;

  private VerifiedPass() {}

  /** One kept removal: the instruction as printed before it was removed, and its function. */
  public record Removal(ComponentFunctionType function, String instruction) {
    @Override
    public String toString() {
      return function.printedName() + ": " + instruction;
    }
  }

  /**
   * The outcome: the algorithm, the removals in the order they were made, the fitness before and
   * after, how many evaluations it took and whether {@code maxEvaluations} cut it short.
   */
  public record Result(Algorithm algorithm, List<Removal> removals, double fitnessBefore, double fitnessAfter,
      int evaluations, boolean capped) {
    public Result {
      removals = List.copyOf(removals);
    }

    /** One line for a person: what was removed and the fitness before and after. */
    public String summary() {
      String removed = removals.isEmpty() ? "removed nothing"
          : "removed " + removals.size() + (removals.size() == 1 ? " instruction (" : " instructions (")
              + String.join("; ", removals.stream().map(Removal::toString).toList()) + ")";
      return String.format(Locale.ROOT, "verified pass (fitness within %.0e, absolute): %s; fitness %.17g -> %.17g "
          + "(%d evaluations%s)", TOLERANCE, removed, fitnessBefore, fitnessAfter, evaluations,
          capped ? ", stopped at the cap" : "");
    }
  }

  /**
   * Runs the pass on an exactly simplified algorithm ({@link Simplifier#simplify}, whose fitness
   * is the original's bit for bit): {@code fitness} is evaluated once on it and once per tried
   * removal.
   */
  public static Result apply(Algorithm simplified, ToDoubleFunction<Algorithm> fitness, int maxEvaluations) {
    double before = fitness.applyAsDouble(simplified);
    int evaluations = 1;
    double after = before;
    Algorithm current = simplified;
    List<Removal> removals = new ArrayList<>();
    boolean changed = !Double.isNaN(before);
    while (changed) {
      changed = false;
      for (int position = 0; position < current.size(); position++) {
        if (evaluations >= maxEvaluations) {
          return new Result(current, removals, before, after, evaluations, true);
        }
        Algorithm candidate = Simplifier.simplify(without(current, position));
        double f = fitness.applyAsDouble(candidate);
        evaluations++;
        if (Math.abs(f - before) <= TOLERANCE) {
          removals.add(describe(current, position));
          current = candidate;
          after = f;
          changed = true;
          position--; // the next instruction now stands here
        }
      }
    }
    return new Result(current, removals, before, after, evaluations, false);
  }

  /** The algorithm without its {@code position}-th instruction (counting Setup, Predict, Learn in turn). */
  static Algorithm without(Algorithm algorithm, int position) {
    Place place = Place.of(algorithm, position);
    List<Instruction> kept = new ArrayList<>(algorithm.function(place.function()));
    kept.remove(place.index());
    return algorithm.with(place.function(), kept);
  }

  private static Removal describe(Algorithm algorithm, int position) {
    Place place = Place.of(algorithm, position);
    return new Removal(place.function(), AlgorithmPrinter.print(algorithm.function(place.function()).get(place.index())));
  }

  /** Where the {@code position}-th instruction of an algorithm stands. */
  private record Place(ComponentFunctionType function, int index) {
    static Place of(Algorithm algorithm, int position) {
      int rest = position;
      for (ComponentFunctionType type : ComponentFunctionType.values()) {
        if (rest < algorithm.function(type).size()) {
          return new Place(type, rest);
        }
        rest -= algorithm.function(type).size();
      }
      throw new IndexOutOfBoundsException("position " + position + " of " + algorithm.size() + " instructions");
    }
  }
}
