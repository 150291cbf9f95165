package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One outbound call site found in application code (an HTTP request, an AWS SDK operation, a
 * connection pool to a database), with the resilience settings that apply to it. The location is
 * the call itself; {@link #clientLocation} is where the client it goes through is built.
 */
public final class Integration extends Resource {
  /** What is on the other end. */
  public enum Kind {
    HTTP,
    AWS_SDK,
    DATABASE,
    /** A remote procedure call through a generated stub (gRPC). */
    RPC,
    /** A raw TCP connection (a socket connected in code): an external call like HTTP. */
    TCP,
    /** A message broker client (Kafka, RabbitMQ). */
    MESSAGING
  }

  public final Kind kind;

  /** The client library, e.g. {@code java.net.http.HttpClient} or {@code AWS SDK for Java 2.x}. */
  public final String client;

  public final String language;

  /** The enclosing class and method, e.g. {@code PaymentsClient.charge}. */
  public final String enclosing;

  /** Where the client is constructed, when it could be traced; null otherwise. */
  public Location clientLocation;

  /** Host, base URL or AWS service when it is written literally. */
  public Value<String> target = Value.absent();

  /**
   * The environment variable the call's address is read from (Go {@code os.Getenv("X")} followed to
   * the dial), at the line that reads it; absent when the address is a literal or not traced. The
   * caller's manifest or Compose file gives its value ({@link CallTargets}).
   */
  public Value<String> targetEnv = Value.absent();

  /**
   * The call's context comes from a parameter of its function (Go's {@code ctx}, possibly wrapped
   * by {@code context.WithTimeout}): a deadline its caller's context carries bounds it too, such as
   * the one gRPC brings with an incoming request. Set for Go gRPC calls.
   */
  public boolean contextFromCaller;

  /**
   * The timeout that bounds the call: explicit (with the lines that set it), the library's finite
   * default (a default with its value), a known absence (a default whose value is null: the call
   * can wait forever), or unresolved (the client comes from somewhere the scanner cannot follow).
   */
  public Value<String> timeout = Value.absent();

  /** Retry policy: explicit, the library's default, or null when nothing retries. */
  public Value<String> retry = Value.absent();

  /** True when retries are explicitly switched off (e.g. RetryPolicy.none(), numRetries(0)). */
  public Value<Boolean> retriesDisabled = Value.defaulted(false, "retries not disabled");

  public Value<String> circuitBreaker = Value.absent();
  public Value<String> fallback = Value.absent();

  /**
   * Connection-pool settings of a database or cache client (pool size, the wait for a pooled
   * connection, idle timeout): explicit when written in the code, the library's defaults otherwise;
   * absent for clients without a pool.
   */
  public Value<String> pool = Value.absent();

  /**
   * The longest one attempt of the call can wait, in seconds (connect plus read where a library
   * bounds them apart): explicit with the lines that set it, the library's documented default (its
   * note names it), {@link Double#POSITIVE_INFINITY} when nothing bounds it, unresolved with the
   * reason; absent (null) when the scanner does not compute it for this client, which rules treat
   * as not judged.
   */
  public Value<Double> attemptSeconds = Value.absent();

  /**
   * How many attempts the call makes inside its caller: 1 plus the retries of the client (its
   * default or an explicit policy) and of a retry decorator around the calling function; absent
   * when not computed.
   */
  public Value<Integer> attempts = Value.absent();

  /**
   * The HTTP method of a request, upper case, explicit where the code names it (or the library's
   * default method); absent when not an HTTP request or not read.
   */
  public Value<String> httpMethod = Value.absent();

  /**
   * The request carries an idempotency key (a header or parameter named so), which makes a POST or
   * PATCH safe to retry.
   */
  public boolean idempotencyKey;

  private static final Pattern IDEMPOTENCY_KEY =
      Pattern.compile("idempotency[-_]?key", Pattern.CASE_INSENSITIVE);

  /**
   * Whether code names an idempotency key: a header or parameter spelled Idempotency-Key,
   * idempotency_key or idempotencyKey (prose such as "idempotency key" in a comment is not one).
   */
  public static boolean namesIdempotencyKey(String code) {
    return IDEMPOTENCY_KEY.matcher(code).find();
  }

  public Integration(
      String file, String enclosing, Kind kind, String client, String language, Location location) {
    super(file, enclosing + ":" + location.line(), "code:" + client, location);
    this.kind = kind;
    this.client = client;
    this.language = language;
    this.enclosing = enclosing;
  }

  /** A timeout bounds the call (configured or a finite library default). */
  public boolean bounded() {
    return timeout.present();
  }

  /**
   * The longest the caller can wait on this call: the wait of one attempt times the attempts
   * (backoff sleeps between attempts come on top). Absent when either is not computed, unresolved
   * when either is, {@link Double#POSITIVE_INFINITY} when an attempt is unbounded.
   */
  public Value<Double> worstCaseSeconds() {
    if (attemptSeconds.unresolved()) return attemptSeconds;
    if (attempts.unresolved()) return Value.unresolved(attempts.note(), attempts.trace());
    if (!attemptSeconds.present() || !attempts.present()) return Value.absent();
    // A call is made at least once, whatever an attempt count below one says (and infinity times
    // zero is not a number a report can print).
    double worst = attemptSeconds.get() * Math.max(1, attempts.get());
    List<Location> trace = new ArrayList<>(attemptSeconds.trace());
    for (Location l : attempts.trace()) if (!trace.contains(l)) trace.add(l);
    if (attemptSeconds.isExplicit() || attempts.isExplicit()) return Value.explicit(worst, trace);
    return Value.defaulted(worst, attemptSeconds.note() + "; " + attempts.note()).withTrace(trace);
  }

  /** The display name: enclosing function and what it calls. */
  public String describe() {
    return enclosing + " → " + (target.present() ? target.get() : client);
  }

  /**
   * Code names (functions, classes) say nothing about the environment: no production judgement from
   * them.
   */
  @Override
  public String identityText() {
    return "";
  }
}
