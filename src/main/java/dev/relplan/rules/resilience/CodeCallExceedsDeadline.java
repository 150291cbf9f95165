package dev.relplan.rules.resilience;

import dev.relplan.model.CallDeadlines;
import dev.relplan.model.Deadline;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.BaseRule;
import dev.relplan.rules.Context;
import dev.relplan.rules.Dialect;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Fix;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An outbound call in a Lambda function's code whose worst-case wait (the wait of one attempt times
 * its attempts) is longer than the function's deadline: the API Gateway integration timeout, the
 * SQS visibility timeout or the function's own timeout, whichever is smallest. Such a timeout is
 * too long to protect the caller: the caller gives up first, so it is RP-NO-TIMEOUT. Calls are
 * judged per function and client, one finding naming every call that overshoots.
 */
public final class CodeCallExceedsDeadline extends BaseRule {
  public static final String ID = "REL-CODE-CALL-EXCEEDS-DEADLINE";

  public CodeCallExceedsDeadline() {
    super(
        RuleMeta.builder(ID)
            .flag("RP-NO-TIMEOUT")
            .domain(Domain.RESILIENCE)
            .title("Outbound call can wait longer than its function's deadline")
            .bestPractices("REL05-BP05")
            .impact(
                Impact.MODERATE,
                "The caller gives up before the call does: the request fails with a gateway timeout, or the message is delivered again while the first attempt still runs, and the function's concurrency is held the whole time instead of failing fast with its own error.")
            .likelihood(
                Likelihood.HIGH,
                "One slow response from the dependency is enough: its timeout alone is longer than the deadline.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: lower the client's timeouts and retries to fit the deadline")
            .remediation(
                "Make the call's worst case fit inside the deadline of whoever waits for the function: connect plus read timeout, times the attempts its retries make, shorter than the API Gateway integration timeout, the SQS visibility timeout and the function's own timeout, leaving time to handle the failure.")
            .advice(
                Fix.in(
                        Dialect.PYTHON,
                        "Give the boto3 client a botocore Config whose connect_timeout + read_timeout, times the attempts, fits inside the function's deadline.",
                        """
                from botocore.config import Config

                # 3 attempts x (2 s + 5 s) = 21 s, inside a 29 s API Gateway deadline
                dynamodb = boto3.client(
                    "dynamodb",
                    config=Config(connect_timeout=2, read_timeout=5,
                                  retries={"total_max_attempts": 3, "mode": "standard"}),
                )
                """)
                    .onClient("boto3", "botocore"),
                Fix.in(
                        Dialect.PYTHON,
                        "Pass a (connect, read) timeout whose sum, times the attempts, fits inside the function's deadline.",
                        """
                # (2 s + 10 s) x 1 attempt = 12 s, inside a 29 s API Gateway deadline
                response = requests.get(url, timeout=(2, 10))
                """)
                    .onClient("requests"),
                Fix.in(
                    Dialect.PYTHON,
                    "Lower the client's timeouts and retries so that the worst case fits inside the function's deadline."),
                Fix.in(
                    Dialect.JAVASCRIPT,
                    "Give the SDK client an HTTP timeout and a retry count whose product fits inside the function's deadline (SDK v2: httpOptions.timeout and maxRetries; v3: a NodeHttpHandler requestHandler and maxAttempts).",
                    """
                // (1 + 2 retries) x 8 s = 24 s, inside a 29 s API Gateway deadline
                const s3 = new AWS.S3({ httpOptions: { timeout: 8000, connectTimeout: 1000 }, maxRetries: 2 });
                """),
                Fix.in(
                    Dialect.JAVA,
                    "Bound the whole call, retries included, below the function's deadline with the client's apiCallTimeout (and each attempt with apiCallAttemptTimeout).",
                    """
                DynamoDbClient dynamo = DynamoDbClient.builder()
                    .overrideConfiguration(o -> o
                        .apiCallTimeout(Duration.ofSeconds(20))        // inside a 29 s deadline
                        .apiCallAttemptTimeout(Duration.ofSeconds(6)))
                    .build();
                """),
                Fix.in(
                    Dialect.GO,
                    "Derive the call's context from one whose deadline is shorter than the function's, so every attempt stops in time.",
                    """
                // the SDK's retries all run inside this 20 s, inside a 29 s deadline
                ctx, cancel := context.WithTimeout(ctx, 20*time.Second)
                defer cancel()
                out, err := client.GetItem(ctx, input)
                """),
                Fix.in(
                    Dialect.CSHARP,
                    "Give the HttpClient (or the AWS SDK client's config) a Timeout that, times the attempts its retry policy makes, fits inside the function's deadline.",
                    """
                // 1 attempt x 10 s, inside a 29 s API Gateway deadline
                private static readonly HttpClient Http = new HttpClient
                {
                    Timeout = TimeSpan.FromSeconds(10),
                };
                """))
            .formats(InputFormat.CODE, InputFormat.KUBERNETES, InputFormat.COMPOSE, InputFormat.CDK)
            .build());
  }

  /** The calls of one client in one runner's code, and the verdict they share. */
  private record Group(CallDeadlines.Owned owned, String client, List<Integration> calls) {
    Deadline deadline() {
      return owned.deadline();
    }
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    CallDeadlines deadlines = CallDeadlines.of(w);
    if (deadlines.isEmpty()) return;
    Map<String, Group> over = new LinkedHashMap<>();
    Map<String, Group> undetermined = new LinkedHashMap<>();
    for (Integration call : w.integrations) {
      Value<Double> worst = call.worstCaseSeconds();
      if (!worst.present() && !worst.unresolved()) continue; // not computed for this client
      if (worst.present() && worst.get().isInfinite()) continue; // REL-CODE-CALL-NO-TIMEOUT's
      CallDeadlines.Owned owned = deadlines.of(call);
      if (owned == null) continue; // nothing known waits for this code
      Deadline owner = owned.deadline();
      List<Deadline> judged = owner != null ? List.of(owner) : owned.candidates();
      double smallest = Double.POSITIVE_INFINITY;
      boolean unknown = worst.unresolved();
      for (Deadline d : judged) {
        if (d.tightest() != null) smallest = Math.min(smallest, d.tightest().seconds().get());
        if (d.unresolved() != null) unknown = true;
      }
      boolean exceeds = worst.present() && worst.get() > smallest;
      // A gRPC caller's deadline reaches a Go callee through its incoming context: whether this
      // call's context derives from it is not followed, so the call may be cut off in time.
      boolean mayInherit =
          exceeds
              && owner != null
              && deadlines.propagates(owner.tightest())
              && call.contextFromCaller;
      String key =
          (owner == null ? "?" : owner.ownerId()) + "|" + clientKey(call) + (mayInherit ? "|" : "");
      Map<String, Group> into =
          exceeds && owner != null && !mayInherit ? over : unknown || exceeds ? undetermined : null;
      if (into != null)
        into.computeIfAbsent(key, k -> new Group(owned, call.client, new ArrayList<>()))
            .calls()
            .add(call);
    }
    for (Group g : over.values()) report(g, out);
    for (Group g : undetermined.values()) undetermined(g, deadlines, out);
  }

  /** Calls through one client object, or module-level calls of one library in one file. */
  private static String clientKey(Integration call) {
    return call.clientLocation != null
        ? call.clientLocation.toString()
        : call.client + "@" + call.location.file();
  }

  private void report(Group g, Findings out) {
    Deadline d = g.deadline();
    Integration first = g.calls().get(0);
    Integration worstCall = first;
    for (Integration c : g.calls())
      if (c.worstCaseSeconds().get() > worstCall.worstCaseSeconds().get()) worstCall = c;
    Deadline.Limit limit = d.tightest();
    double budget = limit.seconds().get();
    boolean oneAttemptOver = worstCall.attemptSeconds.get() > budget;
    List<Location> others =
        g.calls().stream()
            .skip(1)
            .map(c -> c.location)
            .filter(l -> !l.equals(first.location))
            .toList();
    out.report(
        this,
        first,
        title(g, worstCall, budget),
        description(g, worstCall, limit),
        meta().impact(),
        d.impactReason() != null ? d.impactReason() : meta().impactReason(),
        oneAttemptOver ? Likelihood.HIGH : Likelihood.MEDIUM,
        oneAttemptOver
            ? meta().likelihoodReason()
            : "It takes several slow or failed attempts in a row: one attempt fits inside the deadline, the retries do not.",
        Value.explicit(g.calls().size(), others),
        CodeCallNoTimeout.clientValue(worstCall),
        worstCall.attemptSeconds,
        worstCall.attempts,
        limit.seconds());
  }

  private static String title(Group g, Integration worst, double budget) {
    int n = g.calls().size();
    return (n == 1 ? worst.client + " call in " : n + " " + worst.client + " calls in ")
        + g.deadline().title()
        + " can wait "
        + seconds(worst.worstCaseSeconds().get())
        + " s, longer than its "
        + seconds(budget)
        + " s deadline";
  }

  private static String description(Group g, Integration worst, Deadline.Limit limit) {
    StringBuilder text = new StringBuilder();
    text.append(g.calls().size() == 1 ? "The call at " : "The calls at ");
    text.append(String.join(", ", g.calls().stream().map(c -> c.location.toString()).toList()));
    text.append(" go").append(g.calls().size() == 1 ? "es" : "").append(" through ");
    text.append(worst.client);
    if (worst.clientLocation != null) text.append(" built at ").append(worst.clientLocation);
    text.append(". ")
        .append(g.calls().size() == 1 ? "It" : "The longest, at " + worst.location + ",")
        .append(" can wait ")
        .append(seconds(worst.attemptSeconds.get()))
        .append(" s per attempt (")
        .append(attemptSource(worst))
        .append(") over ")
        .append(worst.attempts.get())
        .append(" attempt(s) (")
        .append(source(worst.attempts))
        .append("): ")
        .append(seconds(worst.worstCaseSeconds().get()))
        .append(" s, backoff between attempts not counted. ")
        .append(g.deadline().subject())
        .append(" must answer within ")
        .append(seconds(limit.seconds().get()))
        .append(" s, ")
        .append(limit.what())
        .append(" (")
        .append(limit.seconds().trace().get(0))
        .append(limit.seconds().isExplicit() ? "" : ", the default")
        .append("), so ")
        .append(limit.consequence())
        .append(".");
    return text.toString();
  }

  private void undetermined(Group g, CallDeadlines deadlines, Findings out) {
    Integration first = g.calls().get(0);
    List<Location> evidence = new ArrayList<>();
    for (Integration c : g.calls()) evidence.add(c.location);
    String reason;
    Value<Double> worst = first.worstCaseSeconds();
    Deadline owner = g.deadline();
    if (!worst.unresolved()
        && owner != null
        && owner.unresolved() == null
        && owner.tightest() != null
        && worst.get() > owner.tightest().seconds().get()
        && deadlines.propagates(owner.tightest())
        && first.contextFromCaller) {
      Deadline.Limit limit = owner.tightest();
      reason =
          "the call can wait "
              + seconds(worst.get())
              + " s, longer than the "
              + seconds(limit.seconds().get())
              + " s of "
              + limit.what()
              + " ("
              + limit.seconds().trace().get(0)
              + "), but gRPC sends that deadline with the request and this call's context comes"
              + " from its function's parameter: if that is the incoming request's context, the"
              + " call is cancelled in time, and relplan does not follow where the parameter comes"
              + " from";
      evidence.addAll(limit.seconds().trace());
    } else if (worst.unresolved()) {
      reason = "the call's worst-case wait cannot be told: " + worst.note();
      evidence.addAll(worst.trace());
    } else if (g.deadline() == null) {
      reason =
          "the call can wait "
              + seconds(worst.get())
              + " s, and "
              + g.owned().unknownOwner()
              + ", so its deadline is not known";
      evidence.addAll(g.owned().candidateLines());
    } else {
      Deadline.Limit unknown = g.deadline().unresolved();
      reason =
          "the call can wait "
              + seconds(worst.get())
              + " s, but "
              + unknown.what()
              + " of "
              + g.deadline().ownerId()
              + " cannot be resolved: "
              + unknown.seconds().note();
      evidence.addAll(unknown.seconds().trace());
    }
    out.cannotDetermine(this, first, reason, evidence.stream().distinct().toList());
  }

  /** Where the wait of one attempt comes from: the timeout as written, or the default. */
  private static String attemptSource(Integration call) {
    if (!call.attemptSeconds.isExplicit()) return call.attemptSeconds.note();
    String written = call.timeout.present() ? call.timeout.get() : "timeout";
    return "connecting plus reading, "
        + written
        + " "
        + source(call.attemptSeconds)
        + (written.contains("connect") ? "" : ", which bounds each of them");
  }

  /** Where a number comes from: the line that sets it, or the default that applies. */
  private static String source(Value<?> v) {
    if (v.isExplicit())
      return v.trace().isEmpty() ? "as written" : "set at " + v.trace().get(v.trace().size() - 1);
    return v.note();
  }

  /** 29.0 → "29", 0.5 → "0.5". */
  static String seconds(double s) {
    return BigDecimal.valueOf(s).stripTrailingZeros().toPlainString();
  }
}
