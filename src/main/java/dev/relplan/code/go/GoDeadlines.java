package dev.relplan.code.go;

import dev.relplan.model.Value;
import java.util.List;

/**
 * Whether a context.Context carries a deadline: made by {@code context.WithTimeout} / {@code
 * WithDeadline} (also further wrapped by WithCancel or WithValue) in the same function is a
 * deadline; {@code context.Background()} / {@code TODO()} have none; a context from a parameter or
 * an incoming request is decided by callers and middleware, which the scanner does not follow.
 */
final class GoDeadlines {
  private final GoFile f;

  GoDeadlines(GoFile f) {
    this.f = f;
  }

  /**
   * Whether a context comes from a parameter of the calling function, directly or wrapped by {@code
   * context.WithTimeout/WithDeadline/WithCancel/WithValue}: a deadline the caller's context carries
   * (a gRPC server's incoming one) then bounds the call as well.
   */
  boolean fromParameter(GoNode ctx) {
    for (int depth = 0; ctx != null && depth <= 6; depth++) {
      if (ctx.is("identifier")
          && f.binding(ctx.text(), ctx) == null
          && f.parameter(ctx.text(), ctx) != null) return true;
      GoNode origin = f.origin(ctx);
      String made = f.made(origin);
      if (made == null || !made.startsWith("context.")) return false;
      List<GoNode> args = GoFile.args(origin);
      String member = GoFile.memberOf(made);
      if (args.isEmpty() || !member.startsWith("With") || member.equals("WithoutCancel"))
        return false;
      ctx = args.get(0);
    }
    return false;
  }

  /** Explicit deadline (with the line that sets it), absent (no deadline), or unresolved. */
  Value<String> of(GoNode ctx) {
    return of(ctx, 0);
  }

  private Value<String> of(GoNode ctx, int depth) {
    if (ctx == null || depth > 6)
      return Value.unresolved("the context cannot be followed", List.of());
    GoNode origin = f.origin(ctx);
    String made = f.made(origin);
    if (made != null && made.startsWith("context.")) {
      List<GoNode> args = GoFile.args(origin);
      switch (GoFile.memberOf(made)) {
        case "WithTimeout", "WithTimeoutCause" -> {
          String d = args.size() > 1 ? GoDurations.text(f, args.get(1)) : "?";
          return Value.explicit(d + " (context.WithTimeout)", List.of(f.at(origin)));
        }
        case "WithDeadline", "WithDeadlineCause" -> {
          return Value.explicit(
              "deadline "
                  + (args.size() > 1 ? GoFile.shorten(args.get(1).text()) : "?")
                  + " (context.WithDeadline)",
              List.of(f.at(origin)));
        }
        case "Background", "TODO" -> {
          return Value.absent();
        }
        case "WithCancel", "WithCancelCause", "WithValue", "WithoutCancel" -> {
          if (GoFile.memberOf(made).equals("WithoutCancel")) return Value.absent();
          return args.isEmpty()
              ? Value.unresolved("the context cannot be followed", List.of())
              : of(args.get(0), depth + 1);
        }
        default -> {
          return Value.unresolved(
              "the context comes from " + GoFile.shorten(origin.text()), List.of(f.at(origin)));
        }
      }
    }
    if (ctx.is("identifier")
        && f.binding(ctx.text(), ctx) == null
        && f.parameter(ctx.text(), ctx) != null) {
      return Value.unresolved(
          "the context is the parameter "
              + ctx.text()
              + " of "
              + f.enclosing(ctx)
              + ": whether callers give it a deadline is not followed",
          List.of(f.at(ctx)));
    }
    return Value.unresolved(
        "the context " + GoFile.shorten(ctx.text()) + " cannot be followed to where it is made",
        List.of(f.at(ctx)));
  }
}
