package dev.relplan.cli;

import dev.relplan.pipeline.Pipeline;
import java.io.PrintStream;

/**
 * The step a long run is in, on one stderr line a person watching a terminal sees rewritten: shown
 * only after the run has taken {@link #QUIET_MILLIS}, so short runs print nothing, and erased when
 * the run ends. Never used when stderr is not a terminal (the launcher tells: {@code
 * -Drelplan.stderrIsTerminal=true}) or with {@code --quiet}: CI logs stay clean.
 */
final class ProgressLine implements Pipeline.Progress, AutoCloseable {
  static final long QUIET_MILLIS = 2_000;
  private static final long EVERY_MILLIS = 500;

  private final PrintStream err;
  private final long start = System.nanoTime();
  private final Thread ticker;
  private volatile String step = "starting";
  private boolean shown;

  private ProgressLine(PrintStream err) {
    this.err = err;
    ticker = new Thread(this::tick, "relplan-progress");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** A progress line on stderr when it is a terminal and the run is not quiet; else none. */
  static Pipeline.Progress forRun(boolean quiet) {
    if (quiet || !Boolean.getBoolean("relplan.stderrIsTerminal")) return Pipeline.Progress.NONE;
    return new ProgressLine(System.err);
  }

  /** Ends the line a progress reporter drew, if it is one. */
  static void end(Pipeline.Progress progress) {
    if (progress instanceof ProgressLine line) line.close();
  }

  @Override
  public void step(String what) {
    step = what;
  }

  private void tick() {
    try {
      Thread.sleep(QUIET_MILLIS);
      while (!Thread.currentThread().isInterrupted()) {
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        synchronized (this) {
          err.print("\r\033[Krelplan: " + step + "… " + seconds + " s");
          err.flush();
          shown = true;
        }
        Thread.sleep(EVERY_MILLIS);
      }
    } catch (InterruptedException done) {
      // the run is over
    }
  }

  @Override
  public void close() {
    ticker.interrupt();
    try {
      ticker.join(1_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (shown) {
        err.print("\r\033[K");
        err.flush();
      }
    }
  }
}
