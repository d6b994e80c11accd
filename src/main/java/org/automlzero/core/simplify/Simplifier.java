package org.automlzero.core.simplify;

import java.util.ArrayList;
import java.util.List;
import org.automlzero.core.algorithm.Algorithm;
import org.automlzero.core.algorithm.ComponentFunctionType;
import org.automlzero.core.algorithm.Instruction;
import org.automlzero.core.interpreter.Liveness;

/**
 * Makes an algorithm read like a person wrote it, with the same fitness: it propagates what is
 * known at each instruction and folds constant and identity operations ({@link ConstantFolding}),
 * forwards copies, removes NO_OPs and instructions whose results are never read (the
 * interpreter's own {@link Liveness} analysis), repeats until nothing changes, and renumbers the
 * addresses in order of first use ({@link Renumbering}). Every step is exact; the rules are in
 * docs/simplifier.md.
 *
 * <p>One subtlety: the random ops (*_UNIFORM_SET, *_GAUSSIAN_SET) draw from one stream per
 * evaluation, so a dead random op still shifts the numbers every later random op draws. A dead
 * random op is therefore removed only when no live random op can run after it: when every live
 * random op is in Setup, before it (Predict and Learn repeat, so a random op there runs before
 * the next round's draws). Otherwise it is kept.
 */
public final class Simplifier {
  private Simplifier() {}

  /** The simplified algorithm (component functions may become empty). */
  public static Algorithm simplify(Algorithm algorithm) {
    Algorithm current = removeDead(algorithm);
    for (int round = 0; round <= algorithm.size(); round++) {
      Algorithm next = removeDead(ConstantFolding.fold(current));
      if (next.equals(current)) {
        break;
      }
      current = next;
    }
    return Renumbering.renumber(current);
  }

  /** The algorithm without its dead instructions (component functions may become empty). */
  public static Algorithm removeDead(Algorithm algorithm) {
    Liveness.Masks live = Liveness.liveInstructions(algorithm);
    boolean liveRandomRepeats = hasLiveRandom(algorithm.predict(), live.predict())
        || hasLiveRandom(algorithm.learn(), live.learn());
    int lastLiveRandomInSetup = -1;
    for (int i = 0; i < algorithm.setup().size(); i++) {
      if (live.setup()[i] && algorithm.setup().get(i).op().drawsRandom()) {
        lastLiveRandomInSetup = i;
      }
    }
    Algorithm simplified = algorithm;
    for (ComponentFunctionType type : ComponentFunctionType.values()) {
      List<Instruction> function = algorithm.function(type);
      boolean[] mask = live.of(type);
      List<Instruction> kept = new ArrayList<>();
      for (int i = 0; i < function.size(); i++) {
        Instruction instruction = function.get(i);
        boolean drawRunsBeforeALiveDraw = liveRandomRepeats
            || (type == ComponentFunctionType.SETUP && i < lastLiveRandomInSetup);
        if (mask[i] || (instruction.op().drawsRandom() && drawRunsBeforeALiveDraw)) {
          kept.add(instruction);
        }
      }
      simplified = simplified.with(type, kept);
    }
    return simplified;
  }

  private static boolean hasLiveRandom(List<Instruction> function, boolean[] mask) {
    for (int i = 0; i < function.size(); i++) {
      if (mask[i] && function.get(i).op().drawsRandom()) {
        return true;
      }
    }
    return false;
  }
}
