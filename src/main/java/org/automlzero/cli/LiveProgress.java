package org.automlzero.cli;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.automlzero.core.search.ProgressPrinter;

/**
 * The progress display of the search commands. On an interactive terminal (a console, TERM not
 * "dumb", and not a cluster-mode driver) one live line, redrawn in place with a carriage return:
 * a bar of the budget done and the compact progress line. Anything else the command prints ends
 * the live line first (the line stays, as the last state before that output), so the transcript
 * reads as plain lines. Elsewhere (a log file, a pipe, spark-submit in cluster mode) plain lines.
 */
final class LiveProgress implements AutoCloseable {
  private static final int BAR = 20;

  private final PrintStream terminal;
  private final int width;
  private boolean shown;

  private LiveProgress(PrintStream terminal) {
    this.terminal = terminal;
    this.width = Math.max(40, columns() - 1);
  }

  /** The terminal's width: $COLUMNS if exported, else what stty says, else 100. */
  private static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "").trim());
    } catch (NumberFormatException e) {
      // ask the terminal
    }
    try {
      Process p = new ProcessBuilder("sh", "-c", "stty size < /dev/tty").redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (p.waitFor() == 0 && out.matches("\\d+ \\d+")) {
        return Integer.parseInt(out.substring(out.indexOf(' ') + 1));
      }
    } catch (java.io.IOException e) {
      // no stty: the default
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 100;
  }

  /** True when standard output is a terminal a person watches. */
  static boolean interactive() {
    return System.console() != null && !"dumb".equals(System.getenv("TERM"))
        && !"cluster".equals(System.getProperty("spark.submit.deployMode"));
  }

  /**
   * The display for a run: live when {@link #interactive()}, else plain; the returned handle's
   * {@code style} goes to the progress printer. Close it when the search ends.
   */
  static Handle open(boolean verbose, double maxSeconds) {
    if (!interactive()) {
      return new Handle(null, new ProgressPrinter.Style(verbose, null, maxSeconds));
    }
    LiveProgress live = new LiveProgress(System.out);
    System.setOut(new PrintStream(live.new Passthrough(), true, StandardCharsets.UTF_8));
    return new Handle(live, new ProgressPrinter.Style(verbose, live::show, maxSeconds));
  }

  /** An open display and the style for the progress printer. */
  record Handle(LiveProgress live, ProgressPrinter.Style style) implements AutoCloseable {
    @Override
    public void close() {
      if (live != null) {
        live.close();
      }
    }
  }

  private synchronized void show(ProgressPrinter.Status status) {
    StringBuilder sb = new StringBuilder("\r");
    if (status.fraction() >= 0) {
      int done = (int) Math.round(status.fraction() * BAR);
      sb.append('[').append("#".repeat(done)).append(".".repeat(BAR - done)).append(String.format(Locale.ROOT,
          "] %3d%% ", Math.round(status.fraction() * 100)));
    }
    // The bar shows the share done: the line's own "(N%)" would say it twice.
    String text = sb + (status.fraction() >= 0 ? status.line().replaceFirst(" \\(\\d+%\\)", "") : status.line());
    if (text.length() > width + 1) {
      text = text.substring(0, width - 2) + "...";
    }
    terminal.print(text + "\u001b[K");
    terminal.flush();
    shown = true;
  }

  /** Ends the live line (it stays on the screen) before other output. */
  private synchronized void endLine() {
    if (shown) {
      terminal.println();
      shown = false;
    }
  }

  @Override
  public synchronized void close() {
    endLine();
    PrintStream current = System.out;
    System.setOut(terminal);
    current.flush();
  }

  /** System.out while the display is live: ends the live line, then writes through. */
  private final class Passthrough extends OutputStream {
    @Override
    public void write(int b) {
      synchronized (LiveProgress.this) {
        endLine();
        terminal.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      synchronized (LiveProgress.this) {
        endLine();
        terminal.write(b, off, len);
      }
    }

    @Override
    public void flush() {
      terminal.flush();
    }
  }
}
