package org.automlzero.runs;

import java.util.Objects;
import org.automlzero.core.search.RunState;

/**
 * One checkpoint of a run: its sequence number, the run state, the digest of the run's
 * config.conf it belongs to, and how many statistics part files existed when it was written
 * (parts beyond that are from after the checkpoint and are dropped on resume).
 */
public record Checkpoint(long sequence, long seed, String configDigest, int statsParts, RunState state) {
  public Checkpoint {
    Objects.requireNonNull(configDigest, "configDigest");
    Objects.requireNonNull(state, "state");
  }
}
