package dev.relplan.code.csharp;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.util.List;
import java.util.Set;

/**
 * Polly policies (v7 {@code Policy.Handle<>().WaitAndRetryAsync / CircuitBreakerAsync /
 * TimeoutAsync}, {@code Policy.WrapAsync}) and resilience pipelines (Polly v8 {@code
 * ResiliencePipelineBuilder}, Microsoft.Extensions.Http.Resilience) read as evidence: what a policy
 * expression does is told by the strategy methods it calls, following names to where policies are
 * built. A call is protected when it runs in a lambda passed to a policy's {@code Execute*}.
 */
final class CsResilience {
  private static final Set<String> EXECUTE =
      Set.of("Execute", "ExecuteAsync", "ExecuteAndCapture", "ExecuteAndCaptureAsync");

  /** What a policy or pipeline does. */
  static final class Features {
    Value<String> retry = Value.absent();

    /** The attempts the retry makes (absent when there is no retry). */
    Value<Integer> attempts = Value.absent();

    Value<String> breaker = Value.absent();
    Value<String> timeout = Value.absent();
    Value<String> fallback = Value.absent();
    boolean pessimistic;
  }

  private CsResilience() {}

  /**
   * The strategies in a policy expression, following names (and the policies combined by Wrap) a
   * few levels deep.
   */
  static Features features(CsFile f, CsNode expr) {
    Features out = new Features();
    collect(f, expr, out, 0);
    return out;
  }

  private static void collect(CsFile f, CsNode expr, Features out, int depth) {
    if (expr == null || depth > 4) return;
    CsNode origin = f.origin(expr);
    CsNode scope = origin != null && !origin.is("parameter") ? origin : expr;
    for (CsNode call : scope.all("invocation_expression")) {
      String m = CsFile.method(call);
      if (m == null) continue;
      String text = CsFile.shorten(call.text());
      List<CsNode> args = CsFile.args(call);
      if (m.startsWith("WaitAndRetry") || m.startsWith("Retry") || m.equals("AddRetry")) {
        out.retry = Value.explicit("Polly " + text, List.of(f.at(call)));
        out.attempts = CsWaits.pollyAttempts(f, call, m);
      } else if (m.contains("CircuitBreaker")) {
        out.breaker = Value.explicit("Polly " + text, List.of(f.at(call)));
      } else if (m.equals("Timeout") || m.equals("TimeoutAsync") || m.equals("AddTimeout")) {
        out.timeout =
            Value.explicit(
                (args.isEmpty() ? "?" : CsTimeSpans.seconds(args.get(0))) + " (Polly " + m + ")",
                List.of(f.at(call)));
        out.pessimistic |= args.stream().anyMatch(a -> a.text().endsWith("Pessimistic"));
      } else if (m.startsWith("Fallback") || m.equals("AddFallback")) {
        out.fallback = Value.explicit("Polly " + text, List.of(f.at(call)));
      } else if (m.equals("Wrap") || m.equals("WrapAsync")) {
        for (CsNode a : args) if (a.is("identifier")) collect(f, a, out, depth + 1);
        CsNode recv = CsFile.receiver(call);
        if (recv != null && recv.is("identifier")) collect(f, recv, out, depth + 1);
      }
    }
  }

  /** Applies a policy that runs the call in a lambda passed to its Execute*. */
  static void apply(CsFile f, Integration i, CsNode call) {
    for (CsNode lambda = call.ancestor("lambda_expression");
        lambda != null;
        lambda = lambda.ancestor("lambda_expression")) {
      CsNode arg = lambda.parent;
      if (arg == null || !arg.is("argument") || arg.parent == null || arg.parent.parent == null)
        continue;
      CsNode wrapper = arg.parent.parent;
      if (!wrapper.is("invocation_expression") || !EXECUTE.contains(CsFile.method(wrapper)))
        continue;
      Features p = features(f, CsFile.receiver(wrapper));
      if (p.retry.present()) {
        i.retry = p.retry;
        i.attempts = p.attempts;
      }
      if (p.breaker.present()) i.circuitBreaker = p.breaker;
      if (p.fallback.present()) i.fallback = p.fallback;
      if (p.timeout.present()
          && !i.timeout.isExplicit()
          && (p.pessimistic || passesToken(lambda, call))) i.timeout = p.timeout;
    }
  }

  /** An optimistic timeout only cancels a call that receives the lambda's CancellationToken. */
  private static boolean passesToken(CsNode lambda, CsNode call) {
    CsNode params = lambda.field("parameters");
    if (params == null) return false;
    List<CsNode> names =
        params.is("implicit_parameter")
            ? List.of(params)
            : params.all("parameter").stream()
                .map(p -> p.field("name"))
                .filter(n -> n != null)
                .toList();
    for (CsNode a : CsFile.args(call)) {
      for (CsNode n : names) if (a.text().equals(n.text())) return true;
    }
    return false;
  }
}
