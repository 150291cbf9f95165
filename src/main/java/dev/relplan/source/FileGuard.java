package dev.relplan.source;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Keeps one file from losing the whole run: the work on one file (its parse, its adaptation, its
 * code scan) runs through {@link #run}, and any exception, stack overflow, out-of-memory error or
 * overrun of the per-file time budget becomes a {@link SkippedFile} with the reason while the rest
 * of the run goes on. Files whose size predicts more memory than the per-file budget are refused
 * before parsing ({@link #tooLarge}).
 *
 * <p>Deep recursion: the work runs on a thread with a large stack ({@link #STACK_BYTES}); a run
 * already on such a thread (the pipeline runs every stage on one) runs inline. Time: the deadline
 * is cooperative, never a killed thread: evaluators' step counters and scanners' loops call {@link
 * #checkTime}, which throws {@link Overrun} once the current file's budget is spent.
 *
 * <p>Lives in {@code source} (the lowest layer) so discovery's parsing and every adapter and
 * scanner above it share the one mechanism.
 */
public final class FileGuard {
  /** Stack of the threads guarded work runs on: deep enough for every evaluator's bounds. */
  public static final long STACK_BYTES = 512L * 1024 * 1024;

  /**
   * The per-file budgets of a run: {@code fileSeconds} of work on one file, and {@code
   * fileMemoryBytes} of predicted memory for one file's parsed tree.
   */
  public record Limits(double fileSeconds, long fileMemoryBytes) {
    /** Generous defaults: 30 s per file, a quarter of the heap for one file's tree. */
    public static Limits defaults() {
      return new Limits(30, Runtime.getRuntime().maxMemory() / 4);
    }

    long budgetNanos() {
      return (long) (fileSeconds * 1e9);
    }

    /** The time budget as the reason says it: "10 s", "0.5 s". */
    String seconds() {
      return BigDecimal.valueOf(fileSeconds).stripTrailingZeros().toPlainString() + " s";
    }
  }

  /** The current file's time budget was spent; thrown by {@link #checkTime}. */
  public static final class Overrun extends RuntimeException {
    Overrun(String message) {
      super(message, null, false, false);
    }
  }

  private static final InheritableThreadLocal<Limits> LIMITS =
      new InheritableThreadLocal<>() {
        @Override
        protected Limits initialValue() {
          return Limits.defaults();
        }
      };

  /** Deadline (System.nanoTime) of the file being worked on by this thread; 0 when none. */
  private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[1]);

  /** Whether this thread was made by the guard, with its large stack. */
  private static final ThreadLocal<Boolean> LARGE_STACK = ThreadLocal.withInitial(() -> false);

  private FileGuard() {}

  /** The limits in force on this thread (those of the run, or the defaults). */
  public static Limits limits() {
    return LIMITS.get();
  }

  /**
   * Runs {@code work} (a whole run's stages) on a large-stack thread with {@code limits} in force;
   * its exceptions and errors are rethrown here.
   */
  public static <T> T withLimits(Limits limits, Callable<T> work) throws Exception {
    Object[] result = {null};
    Throwable[] failure = {null};
    Thread t =
        newThread(
            () -> {
              LIMITS.set(limits);
              try {
                result[0] = work.call();
              } catch (Throwable e) {
                failure[0] = e;
              }
            },
            "relplan-run");
    joinUninterruptibly(t);
    if (failure[0] instanceof Exception e) throw e;
    if (failure[0] instanceof Error e) throw e;
    @SuppressWarnings("unchecked")
    T value = (T) result[0];
    return value;
  }

  /** A thread with the guard's large stack, for any stage that works on files in parallel. */
  public static Thread newThread(Runnable task, String name) {
    return new Thread(
        null,
        () -> {
          LARGE_STACK.set(true);
          task.run();
        },
        name,
        STACK_BYTES);
  }

  /**
   * {@code work} applied to every item on every core, results in the items' order (so the output
   * does not depend on the threads' timing). The workers are large-stack threads with this thread's
   * limits in force, so each item's guarded work ({@link #run}) runs inline on them instead of on a
   * thread of its own. {@code work} must not change shared state; the first exception or error it
   * throws is rethrown here once every worker has stopped.
   */
  public static <T, R> List<R> parallel(List<T> items, Function<T, R> work) {
    int workers = Math.min(items.size(), Runtime.getRuntime().availableProcessors());
    if (workers <= 1) return items.stream().map(work).toList();
    Limits limits = LIMITS.get();
    Object[] results = new Object[items.size()];
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[workers];
    for (int w = 0; w < workers; w++) {
      threads[w] =
          newThread(
              () -> {
                LIMITS.set(limits);
                try {
                  for (int i = next.getAndIncrement();
                      i < results.length && failure.get() == null;
                      i = next.getAndIncrement()) results[i] = work.apply(items.get(i));
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "relplan-worker-" + w);
      threads[w].start();
    }
    for (Thread t : threads) joinStarted(t);
    if (failure.get() instanceof RuntimeException e) throw e;
    if (failure.get() instanceof Error e) throw e;
    @SuppressWarnings("unchecked")
    List<R> list = (List<R>) Arrays.asList(results);
    return Collections.unmodifiableList(list);
  }

  /**
   * Runs the work on one file ({@code display}, as the report names it) within its time budget;
   * empty when it completed, else the skipped-file entry saying why it stopped. Work that fails
   * must not have added anything to the model (adapters work into a draft and commit on success).
   */
  public static Optional<SkippedFile> run(String display, Runnable work) {
    return guard(display, work, true);
  }

  /**
   * Like {@link #run} for work spanning many files (a whole adapter step), as a last resort behind
   * the per-file guards: no time budget of its own.
   */
  public static Optional<SkippedFile> contain(String display, Runnable work) {
    return guard(display, work, false);
  }

  private static Optional<SkippedFile> guard(String display, Runnable work, boolean timed) {
    if (!LARGE_STACK.get()) {
      Limits limits = LIMITS.get();
      Object[] outcome = {null};
      Thread t =
          newThread(
              () -> {
                LIMITS.set(limits);
                outcome[0] = guard(display, work, timed);
              },
              "relplan-file");
      joinUninterruptibly(t);
      @SuppressWarnings("unchecked")
      Optional<SkippedFile> o = (Optional<SkippedFile>) outcome[0];
      return o == null ? Optional.of(new SkippedFile(display, "stopped: internal error")) : o;
    }
    long[] deadline = DEADLINE.get();
    long outer = deadline[0];
    Limits limits = LIMITS.get();
    deadline[0] = timed ? System.nanoTime() + limits.budgetNanos() : 0;
    try {
      work.run();
      return Optional.empty();
    } catch (Overrun e) {
      return Optional.of(
          new SkippedFile(
              display, "stopped after the per-file time budget of " + limits.seconds()));
    } catch (StackOverflowError e) {
      return Optional.of(
          new SkippedFile(display, "stopped: nesting too deep to analyse (stack overflow)"));
    } catch (OutOfMemoryError e) {
      return Optional.of(new SkippedFile(display, "stopped: ran out of memory analysing it"));
    } catch (RuntimeException e) {
      return Optional.of(
          new SkippedFile(
              display, "stopped: could not be analysed (" + e.getClass().getSimpleName() + ")"));
    } finally {
      deadline[0] = outer;
    }
  }

  /** Throws {@link Overrun} when the current file's time budget is spent; cheap to call often. */
  public static void checkTime() {
    long d = DEADLINE.get()[0];
    if (d != 0 && System.nanoTime() - d > 0) throw new Overrun("per-file time budget spent");
  }

  /**
   * The skipped-file entry for a file whose {@code chars} of text, times {@code bytesPerChar} (what
   * its format's parsed tree costs per character of source), exceed the per-file memory budget;
   * empty when it may be parsed.
   */
  public static Optional<SkippedFile> tooLarge(String display, long chars, int bytesPerChar) {
    long predicted = chars * bytesPerChar;
    long budget = LIMITS.get().fileMemoryBytes();
    if (predicted <= budget) return Optional.empty();
    return Optional.of(
        new SkippedFile(
            display,
            "not parsed: its tree would take about "
                + predicted / (1024 * 1024)
                + " MiB, over the per-file memory budget of "
                + budget / (1024 * 1024)
                + " MiB"));
  }

  private static void joinUninterruptibly(Thread t) {
    t.start();
    joinStarted(t);
  }

  private static void joinStarted(Thread t) {
    boolean interrupted = false;
    while (true) {
      try {
        t.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) Thread.currentThread().interrupt();
  }
}
