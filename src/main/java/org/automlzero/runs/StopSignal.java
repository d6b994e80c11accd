package org.automlzero.runs;

import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;

/**
 * Graceful stop on SIGTERM / SIGINT (Ctrl-C, YARN preemption, Kubernetes eviction). While a run
 * is active, the first signal only sets a flag: the search ends the generation in flight, the
 * {@link RunRecorder} writes a checkpoint at that generation boundary and throws
 * {@link Requested}, and the command exits 143 / 130. Because the JVM's own handler is replaced,
 * shutdown (and with it Spark's hook that stops the SparkContext) starts only after the
 * checkpoint is written. A second signal, or one while no run is active, exits at once with the
 * same code.
 */
public final class StopSignal {
  private static final AtomicInteger ACTIVE = new AtomicInteger();
  private static volatile String requested;
  private static volatile boolean installed;

  private StopSignal() {}

  /** The request name of the wall-clock budget (run.max_seconds): a stop like SIGTERM's, then the run finishes. */
  public static final String TIME = "TIME";

  /** Thrown by the recorder after the stop checkpoint is written. */
  public static final class Requested extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String signal;
    private final int experiment;
    private final long individuals;

    Requested(String signal, int experiment, long individuals) {
      super("stopped by SIG" + signal);
      this.signal = signal;
      this.experiment = experiment;
      this.individuals = individuals;
    }

    /** The experiment (1-based) the run stopped in or after. */
    public int experiment() {
      return experiment;
    }

    public long individuals() {
      return individuals;
    }

    /** "TERM", "INT", or {@link StopSignal#TIME} for the run.max_seconds budget. */
    public String signal() {
      return signal;
    }

    /** 143 for SIGTERM, 130 for SIGINT (128 + the signal number, as a shell reports it). */
    public int exitCode() {
      return StopSignal.exitCode(signal);
    }
  }

  /** Marks a run active (installing the handlers once); close the scope when the run ends. */
  public static Scope activate() {
    install();
    ACTIVE.incrementAndGet();
    requested = null;
    return () -> {
      ACTIVE.decrementAndGet();
      requested = null;
    };
  }

  /** An active run; closing it ends the graceful handling. */
  public interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** The signal name ("TERM" or "INT") if a stop was asked for, else null. */
  public static String requested() {
    return requested;
  }

  /** As a signal would (for tests, and for callers that stop a run in-process). */
  public static void request(String signal) {
    requested = signal;
  }

  /** Asks for a stop only if none was asked for (a budget must not replace a user's SIGTERM). */
  public static synchronized void requestIfNone(String signal) {
    if (requested == null) {
      requested = signal;
    }
  }

  /** Forgets a handled stop request (after the time budget's stop, so the run can finish). */
  public static void clear() {
    requested = null;
  }

  static int exitCode(String signal) {
    return "INT".equals(signal) ? 130 : 143;
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        Signal.handle(new Signal(name), s -> onSignal(name));
      } catch (IllegalArgumentException e) {
        // The JVM was started with -Xrs or the signal is in use: keep the default behaviour.
      }
    }
    installed = true;
  }

  private static void onSignal(String name) {
    if (ACTIVE.get() == 0 || requested != null) {
      // No run to stop gracefully, or the second signal: end now (shutdown hooks still run).
      new Thread(() -> System.exit(exitCode(name)), "exit on SIG" + name).start();
      return;
    }
    requested = name;
    System.err.println("received SIG" + name + ": stopping at the end of the current generation and writing a "
        + "checkpoint (send it again to stop at once)");
  }
}
