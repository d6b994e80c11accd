package org.automlzero.core.search;

/**
 * Where a run hands its state for checkpoints. {@link #save} is called after every generation
 * for which {@link #due} is true (the loop's state included) and after every finished
 * experiment (no loop). Saving never changes the run: the state is a snapshot.
 */
public interface RunCheckpoints {
  RunCheckpoints NONE = new RunCheckpoints() {
    @Override
    public boolean due(int experiment, long generation) {
      return false;
    }

    @Override
    public void save(RunState state) {}
  };

  /** Whether to save after this generation (0 = the initial populations) of this experiment. */
  boolean due(int experiment, long generation);

  void save(RunState state);
}
