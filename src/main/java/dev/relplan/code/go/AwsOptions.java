package dev.relplan.code.go;

import dev.relplan.model.Value;
import java.util.List;
import java.util.Map;

/**
 * The retry and HTTP client settings of an aws-sdk-go-v2 client: functional options of {@code
 * config.LoadDefaultConfig} ({@code WithRetryMaxAttempts}, {@code WithRetryer}, {@code
 * WithHTTPClient}) and assignments in a client option function ({@code o.RetryMaxAttempts = 1}).
 * One attempt, {@code aws.NopRetryer} or {@code retry.AddWithMaxAttempts(..., 1)} disable retries.
 */
final class AwsOptions {
  private static final String CONFIG = "github.com/aws/aws-sdk-go-v2/config";

  private final GoFile f;
  Value<String> timeout = Value.absent();
  Value<String> retry = Value.absent();
  Value<Boolean> retriesDisabled = Value.defaulted(false, "retries not disabled");

  AwsOptions(GoFile f) {
    this.f = f;
  }

  /** An option passed to LoadDefaultConfig. */
  void configOption(GoNode expr) {
    GoNode call = f.origin(expr);
    String made = f.made(call);
    if (call == null
        || !call.is("call_expression")
        || made == null
        || !GoFile.pathOf(made).equals(CONFIG)) return;
    List<GoNode> args = GoFile.args(call);
    if (args.isEmpty()) return;
    switch (GoFile.memberOf(made)) {
      case "WithRetryMaxAttempts" -> maxAttempts(args.get(0));
      case "WithRetryer" -> retryer(args.get(0));
      case "WithHTTPClient" -> httpClient(args.get(0));
      default -> {
        // other settings (region, credentials, ...)
      }
    }
  }

  /**
   * An option function passed to NewFromConfig: {@code func(o *s3.Options) { o.RetryMaxAttempts = 1
   * }}.
   */
  void clientOption(GoNode expr) {
    GoNode fn = f.origin(expr);
    if (fn == null || !fn.is("func_literal")) return;
    for (GoNode a : fn.all("assignment_statement")) {
      GoNode left = a.field("left");
      GoNode right = a.field("right");
      if (left == null || right == null || left.children.size() != 1 || right.children.size() != 1)
        continue;
      GoNode target = left.children.get(0);
      if (!target.is("selector_expression") || target.field("field") == null) continue;
      switch (target.field("field").text()) {
        case "RetryMaxAttempts" -> maxAttempts(right.children.get(0));
        case "Retryer" -> retryer(right.children.get(0));
        case "HTTPClient" -> httpClient(right.children.get(0));
        default -> {
          // other settings
        }
      }
    }
  }

  private void maxAttempts(GoNode n) {
    if (n.is("int_literal") && n.text().equals("1")) {
      disabled("RetryMaxAttempts 1", n);
    } else if (!(n.is("int_literal") && n.text().equals("0"))) { // 0 leaves the default in place
      retry = Value.explicit("RetryMaxAttempts " + GoFile.shorten(n.text()), List.of(f.at(n)));
    }
  }

  /**
   * A retryer (or a function returning one): NopRetryer or AddWithMaxAttempts(..., 1) never retry.
   */
  private void retryer(GoNode n) {
    GoNode value = f.origin(n);
    GoNode scope = value != null ? value : n;
    for (GoNode c : scope.all("composite_literal")) {
      String made = f.made(c);
      if (made != null && made.endsWith("/aws.NopRetryer")) {
        disabled("aws.NopRetryer", c);
        return;
      }
    }
    for (GoNode c : scope.all("call_expression")) {
      String made = f.made(c);
      List<GoNode> args = GoFile.args(c);
      if (made != null
          && made.endsWith("/retry.AddWithMaxAttempts")
          && args.size() == 2
          && args.get(1).text().equals("1")) {
        disabled("retry.AddWithMaxAttempts(..., 1)", c);
        return;
      }
    }
    retry = Value.explicit("custom retryer " + GoFile.shorten(n.text()), List.of(f.at(n)));
  }

  private void disabled(String how, GoNode at) {
    retry = Value.explicit("disabled: " + how, List.of(f.at(at)));
    retriesDisabled = Value.explicit(true, List.of(f.at(at)));
  }

  /**
   * The HTTP client given to the SDK: an http.Client with Timeout, or a BuildableClient with
   * WithTimeout.
   */
  private void httpClient(GoNode n) {
    GoNode value = f.origin(n);
    if (value != null
        && value.is("composite_literal")
        && (GoCalls.HTTP + ".Client").equals(f.made(value))) {
      Map<String, GoNode> settings = GoFile.keyed(value);
      GoNode t = settings.get("Timeout");
      timeout =
          t != null && !GoDurations.zero(t)
              ? Value.explicit(GoDurations.text(f, t) + " (http.Client.Timeout)", List.of(f.at(t)))
              : GoCalls.none(
                  "the http.Client given to the SDK sets no Timeout", List.of(f.at(value)));
      return;
    }
    for (GoNode c = value; c != null && c.is("call_expression"); c = GoFile.receiver(c)) {
      if ("WithTimeout".equals(GoFile.method(c)) && GoFile.args(c).size() == 1) {
        GoNode d = GoFile.args(c).get(0);
        timeout =
            Value.explicit(
                GoDurations.text(f, d) + " (BuildableClient.WithTimeout)", List.of(f.at(d)));
        return;
      }
    }
    for (GoNode c = value; c != null && c.is("call_expression"); c = GoFile.receiver(c)) {
      String made = f.made(c);
      if (made != null
          && made.equals("github.com/aws/aws-sdk-go-v2/aws/transport/http.NewBuildableClient"))
        return; // the SDK's own defaults
    }
    timeout =
        Value.unresolved(
            "the HTTP client given to the SDK ("
                + GoFile.shorten(n.text())
                + ") cannot be followed",
            List.of(f.at(n)));
  }
}
