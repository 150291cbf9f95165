package dev.relplan.iac.kubernetes.helm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Renders charts in a render process of relplan's own, one process serving every chart of a run
 * (each further chart then costs its rendering only, not a JVM start and Helm's initialisation),
 * and really stops it: a Go template cannot be interrupted and Helm has no step or memory limit (a
 * three-line {@code range until} loop took 21 GB in a minute), so the process is ended when a chart
 * overruns the time budget, the process's resident memory passes the memory budget (read from
 * {@code /proc} where there is one) or a chart's output passes the size limit. The next chart gets
 * a new process, so one chart's failure never reaches another.
 */
final class RenderProcess {
  /** How often the running render's time and memory are checked. */
  private static final long POLL_MILLIS = 25;

  /** The longest answer header ({@code ERR <bytes>}) the render process writes. */
  private static final int MAX_HEADER = 32;

  /**
   * Output of a render: the manifests, or the one-line reason there are none: Helm's error, or why
   * relplan stopped it or could not run it ({@code stopped}: the reason stands alone).
   */
  record Outcome(String manifests, String error, boolean stopped) {
    static Outcome failed(String reason) {
      return new Outcome(null, reason, false);
    }

    static Outcome stopped(String reason) {
      return new Outcome(null, reason, true);
    }
  }

  /** The bounds of one render. */
  record Bounds(double seconds, long memoryBytes, long outputBytes) {}

  /** The process serving this run's renders; null before the first and after a stop. */
  private static Server server;

  private RenderProcess() {}

  /**
   * Renders the chart in {@code chart} with {@code valuesFiles} (precedence order) within {@code
   * bounds}; one render at a time.
   */
  static synchronized Outcome render(Path chart, List<Path> valuesFiles, Bounds bounds) {
    List<String> request = new ArrayList<>();
    request.add(chart.toAbsolutePath().toString());
    for (Path values : valuesFiles) request.add(values.toAbsolutePath().toString());
    for (String path : request)
      if (path.indexOf('\n') >= 0 || path.indexOf('\r') >= 0)
        return Outcome.failed("a values file path holds a line break: " + path.strip());
    // a process grown by earlier charts is replaced, so each chart has its whole memory budget
    if (server != null
        && (!server.process.isAlive() || server.residentBytes() > bounds.memoryBytes() / 2))
      stopServer();
    if (server == null) {
      List<String> command = HelmNative.command();
      if (command == null) return Outcome.stopped(HelmNative.unavailable());
      try {
        server = Server.start(command, bounds.outputBytes());
      } catch (IOException e) {
        return Outcome.failed("the Helm render process could not start: " + e.getMessage());
      }
    }
    if (!server.send(request)) {
      String error = server.error();
      stopServer();
      return Outcome.failed(error);
    }
    return await(bounds);
  }

  /** Waits for the answer to the request sent; stops the process when the chart overruns. */
  private static Outcome await(Bounds bounds) {
    long deadline = System.nanoTime() + (long) (bounds.seconds() * 1e9);
    while (true) {
      Frame frame;
      try {
        frame = server.frames.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        stopServer();
        return Outcome.stopped("stopped: interrupted");
      }
      if (frame != null) return answered(frame, bounds);
      String reason = null;
      if (System.nanoTime() - deadline > 0)
        reason = "stopped after the per-file time budget of " + seconds(bounds) + " s";
      else if (server.residentBytes() > bounds.memoryBytes())
        reason =
            "stopped: rendering took over "
                + bounds.memoryBytes() / (1024 * 1024)
                + " MiB of memory";
      if (reason != null) {
        stopServer();
        return Outcome.stopped(reason);
      }
    }
  }

  private static Outcome answered(Frame frame, Bounds bounds) {
    if (frame.ended()) {
      String error = server.error();
      stopServer();
      return Outcome.failed(error);
    }
    if (frame.overflowed()) {
      // the answer was read past and dropped: the process can serve the next chart
      return Outcome.stopped(
          "stopped: the rendered output passed " + bounds.outputBytes() / (1024 * 1024) + " MiB");
    }
    return frame.rendered() ? new Outcome(frame.text(), null, false) : Outcome.failed(frame.text());
  }

  private static void stopServer() {
    if (server == null) return;
    server.stop();
    server = null;
  }

  /** One answer of the render process, or the end of its output ({@code ended}). */
  private record Frame(boolean rendered, String text, boolean overflowed, boolean ended) {}

  /** A running render process: its input for requests, and its answers as frames. */
  private static final class Server {
    final Process process;
    final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final OutputStream requests;
    private final Drain errors;
    private final Path status;

    private Server(Process process) {
      this.process = process;
      this.requests = process.getOutputStream();
      this.errors = new Drain(process.getErrorStream(), 64 * 1024);
      this.status = Path.of("/proc", Long.toString(process.pid()), "status");
    }

    static Server start(List<String> command, long outputLimit) throws IOException {
      ProcessBuilder builder = new ProcessBuilder(command);
      HelmNative.isolate(builder.environment());
      builder.directory(HelmNative.workDirectory().toFile());
      Server server = new Server(builder.start());
      server.errors.start();
      Thread reader = new Thread(() -> server.readFrames(outputLimit), "relplan-helm-answers");
      reader.setDaemon(true);
      reader.start();
      // the process ends when its input does; a run that exits first ends it
      Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
      return server;
    }

    boolean send(List<String> request) {
      StringBuilder text = new StringBuilder().append(request.size()).append('\n');
      for (String line : request) text.append(line).append('\n');
      try {
        requests.write(text.toString().getBytes(StandardCharsets.UTF_8));
        requests.flush();
        return true;
      } catch (IOException e) {
        return false;
      }
    }

    /** Reads answers until the output ends; an answer over {@code limit} bytes is skipped. */
    private void readFrames(long limit) {
      try (InputStream in = new BufferedInputStream(process.getInputStream())) {
        for (String header = header(in); header != null; header = header(in)) {
          int space = header.indexOf(' ');
          boolean rendered = header.startsWith("OK ");
          long length = Long.parseLong(header.substring(space + 1));
          if (length > limit) {
            in.skipNBytes(length);
            frames.add(new Frame(false, null, true, false));
          } else {
            String text = new String(in.readNBytes((int) length), StandardCharsets.UTF_8);
            frames.add(new Frame(rendered, text, false, false));
          }
        }
      } catch (IOException | RuntimeException e) {
        // the process ended or wrote something that is not an answer: it is done
      }
      frames.add(new Frame(false, null, false, true));
    }

    /** One header line; null at the end of the output. */
    private static String header(InputStream in) throws IOException {
      StringBuilder line = new StringBuilder();
      for (int c = in.read(); c != '\n'; c = in.read()) {
        if (c < 0) return null;
        if (line.length() >= MAX_HEADER) throw new IOException("not an answer header");
        line.append((char) c);
      }
      return line.toString();
    }

    /** Why the process ended: its error output's first line. */
    String error() {
      waitQuietly(process, 2000);
      errors.finish();
      String text = errors.text();
      return text.isBlank() ? "the Helm render process ended unexpectedly" : firstLine(text);
    }

    long residentBytes() {
      return RenderProcess.residentBytes(status);
    }

    void stop() {
      try {
        requests.close();
      } catch (IOException e) {
        // already closed: the process is ending anyway
      }
      process.destroyForcibly();
      waitQuietly(process, 5000);
    }
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
          // past the limit the rest is read and dropped, so the process never blocks on it
          if (kept.size() + n > limit) continue;
          synchronized (kept) {
            kept.write(buffer, 0, n);
          }
        }
      } catch (IOException e) {
        // the process was stopped: what was read is all there is
      }
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
