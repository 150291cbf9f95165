package dev.relplan.iac.kubernetes.helm;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one render process and really stops it: a Go template cannot be interrupted and Helm has no
 * step or memory limit (a three-line {@code range until} loop took 21 GB in a minute), so the
 * process is ended when it overruns the time budget, its resident memory passes the memory budget
 * (read from {@code /proc} where there is one) or its output passes the size limit.
 */
final class RenderProcess {
  /** How often the running process's time and memory are checked. */
  private static final long POLL_MILLIS = 25;

  /**
   * Output of a render: the manifests, or the one-line reason there are none: Helm's error, or why
   * relplan stopped it ({@code stopped}).
   */
  record Outcome(String manifests, String error, boolean stopped) {
    static Outcome failed(String reason) {
      return new Outcome(null, reason, false);
    }
  }

  /** The bounds of one render. */
  record Bounds(double seconds, long memoryBytes, long outputBytes) {}

  private RenderProcess() {}

  static Outcome run(List<String> command, Bounds bounds) {
    ProcessBuilder builder = new ProcessBuilder(command);
    HelmNative.isolate(builder.environment());
    builder.directory(HelmNative.workDirectory().toFile());
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      return Outcome.failed("the Helm render process could not start: " + e.getMessage());
    }
    Drain out = new Drain(process.getInputStream(), bounds.outputBytes());
    Drain err = new Drain(process.getErrorStream(), 64 * 1024);
    out.start();
    err.start();
    String stopped = watch(process, bounds, out);
    out.finish();
    err.finish();
    if (stopped != null) return new Outcome(null, stopped, true);
    if (process.exitValue() != 0) return Outcome.failed(firstLine(err.text()));
    return new Outcome(out.text(), null, false);
  }

  /** Waits for the process; the reason it was stopped, or null when it ended by itself. */
  private static String watch(Process process, Bounds bounds, Drain out) {
    long deadline = System.nanoTime() + (long) (bounds.seconds() * 1e9);
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    String reason = null;
    while (process.isAlive()) {
      if (System.nanoTime() - deadline > 0)
        reason = "stopped after the per-file time budget of " + seconds(bounds) + " s";
      else if (residentBytes(status) > bounds.memoryBytes())
        reason =
            "stopped: rendering took over "
                + bounds.memoryBytes() / (1024 * 1024)
                + " MiB of memory";
      else if (out.overflowed())
        reason =
            "stopped: the rendered output passed " + bounds.outputBytes() / (1024 * 1024) + " MiB";
      if (reason != null) {
        process.destroyForcibly();
        waitQuietly(process, 5000);
        return reason;
      }
      waitQuietly(process, POLL_MILLIS);
    }
    return out.overflowed()
        ? "stopped: the rendered output passed " + bounds.outputBytes() / (1024 * 1024) + " MiB"
        : null;
  }

  private static String seconds(Bounds bounds) {
    return BigDecimal.valueOf(bounds.seconds()).stripTrailingZeros().toPlainString();
  }

  /** The process's resident set in bytes from {@code /proc/PID/status}; 0 where it is unknown. */
  private static long residentBytes(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (!line.startsWith("VmRSS:")) continue;
        String kilobytes = line.substring("VmRSS:".length()).trim();
        int space = kilobytes.indexOf(' ');
        return Long.parseLong(space < 0 ? kilobytes : kilobytes.substring(0, space)) * 1024;
      }
    } catch (IOException | RuntimeException e) {
      // no /proc here, or the process just ended: the time budget still bounds it
    }
    return 0;
  }

  private static void waitQuietly(Process process, long millis) {
    try {
      process.waitFor(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Helm's message, first line: the error of {@code helm template} without its hints. */
  static String firstLine(String text) {
    String trimmed = text.strip();
    if (trimmed.isEmpty()) return "Helm failed without a message";
    int nl = trimmed.indexOf('\n');
    return nl < 0 ? trimmed : trimmed.substring(0, nl).strip();
  }

  /** Reads a stream to its end on a thread of its own, keeping at most {@code limit} bytes. */
  private static final class Drain extends Thread {
    private final InputStream in;
    private final long limit;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private volatile boolean overflowed;

    Drain(InputStream in, long limit) {
      this.in = in;
      this.limit = limit;
      setDaemon(true);
    }

    @Override
    public void run() {
      byte[] buffer = new byte[64 * 1024];
      try (in) {
        for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
          if (kept.size() + n > limit) {
            overflowed = true;
            continue;
          }
          synchronized (kept) {
            kept.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // the process was stopped: what was read is all there is
      }
    }

    boolean overflowed() {
      return overflowed;
    }

    void finish() {
      try {
        join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    String text() {
      synchronized (kept) {
        return kept.toString(StandardCharsets.UTF_8);
      }
    }
  }
}
