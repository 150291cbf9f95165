package dev.relplan.code.go;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * The function a call runs in, handed to a resilience wrapper: a sony/gobreaker breaker's {@code
 * Execute}, afex/hystrix-go's {@code hystrix.Do/Go} (circuit breaker, fallback), avast/retry-go's
 * {@code retry.Do} or cenkalti/backoff's {@code backoff.Retry}. The function is a literal passed
 * directly, a literal bound to a variable that is passed, or the enclosing named function or
 * method.
 */
final class GoResilience {
  private final GoFile f;

  GoResilience(GoFile f) {
    this.f = f;
  }

  void apply(Integration i, GoNode call) {
    for (GoNode wrapper : wrappers(call)) {
      GoNode fn = wrapper.field("function");
      String q = f.qualify(fn);
      String path = q == null ? null : GoFile.pathOf(q);
      String member = q == null ? null : GoFile.memberOf(q);
      String text = describe(wrapper);
      if (path != null
          && path.startsWith("github.com/afex/hystrix-go/hystrix")
          && List.of("Do", "Go", "DoC", "GoC").contains(member)) {
        i.circuitBreaker = Value.explicit("hystrix-go " + text, List.of(f.at(wrapper)));
        List<GoNode> args = GoFile.args(wrapper);
        if (!i.timeout.present())
          i.timeout =
              hystrixTimeout(args.isEmpty() ? null : args.get(member.endsWith("C") ? 1 : 0));
        int fallback = member.endsWith("C") ? 3 : 2;
        if (args.size() > fallback && !args.get(fallback).is("nil")) {
          i.fallback =
              Value.explicit(
                  "hystrix fallback " + GoFile.shorten(args.get(fallback).text()),
                  List.of(f.at(args.get(fallback))));
        }
      } else if (path != null
          && path.startsWith("github.com/avast/retry-go")
          && (member.equals("Do") || member.equals("DoWithData"))) {
        i.retry = Value.explicit("retry-go " + text, List.of(f.at(wrapper)));
        i.attempts = GoWaits.times(i.attempts, GoWaits.retryGoAttempts(f, wrapper));
      } else if (path != null
          && path.startsWith("github.com/cenkalti/backoff")
          && member.startsWith("Retry")) {
        i.retry = Value.explicit("backoff " + text, List.of(f.at(wrapper)));
        i.attempts =
            GoWaits.times(
                i.attempts,
                Value.unresolved(
                    "the backoff policy decides how many attempts are made; it is not read",
                    List.of(f.at(wrapper))));
      } else if (q == null && isBreakerExecute(wrapper)) {
        i.circuitBreaker = Value.explicit("gobreaker " + text, List.of(f.at(wrapper)));
      }
    }
  }

  /**
   * hystrix-go returns ErrTimeout to the caller once a command runs longer than its Timeout: 1000
   * ms unless {@code hystrix.ConfigureCommand(name, hystrix.CommandConfig{Timeout: ms})} sets it in
   * the file.
   */
  private Value<String> hystrixTimeout(GoNode name) {
    String command = name == null ? null : name.stringValue();
    for (GoNode c : f.calls()) {
      String q = f.qualify(c.field("function"));
      List<GoNode> args = GoFile.args(c);
      if (q == null
          || !q.endsWith("/hystrix.ConfigureCommand")
          || args.size() != 2
          || command == null
          || !command.equals(args.get(0).stringValue())) continue;
      GoNode config = f.origin(args.get(1));
      GoNode timeout =
          config != null && config.is("composite_literal")
              ? GoFile.keyed(config).get("Timeout")
              : null;
      if (timeout != null)
        return Value.explicit(
            timeout.text() + " ms (hystrix-go CommandConfig.Timeout)", List.of(f.at(timeout)));
    }
    return Value.defaulted(
        "1000 ms (hystrix-go default command timeout)",
        "hystrix-go's default command timeout applies");
  }

  /**
   * The wrapper call without the function it runs: {@code retry.Do(retry.Attempts(3))}, {@code
   * hystrix.Do("ratings", fallback)}.
   */
  private String describe(GoNode call) {
    StringBuilder sb = new StringBuilder(call.field("function").text()).append('(');
    boolean first = true;
    for (GoNode a : GoFile.args(call)) {
      GoNode origin = a.is("identifier") ? f.origin(a) : a;
      String arg =
          a.is("func_literal") || origin != null && origin.is("func_literal") && a.is("identifier")
              ? "func"
              : a.text();
      sb.append(first ? "" : ", ").append(arg);
      first = false;
    }
    return GoFile.shorten(sb.append(')').toString());
  }

  private boolean isBreakerExecute(GoNode call) {
    String method = GoFile.method(call);
    if (!"Execute".equals(method)) return false;
    String made = f.made(f.origin(GoFile.receiver(call)));
    return made != null
        && made.startsWith("github.com/sony/gobreaker")
        && (made.endsWith(".NewCircuitBreaker") || made.endsWith(".NewTwoStepCircuitBreaker"));
  }

  /** Calls that receive a function the call runs in, innermost first. */
  private List<GoNode> wrappers(GoNode call) {
    List<GoNode> out = new ArrayList<>();
    for (GoNode fn = call.function(); fn != null; fn = fn.function()) {
      GoNode p = fn.parent;
      if (fn.is("func_literal")
          && p != null
          && p.is("argument_list")
          && p.parent != null
          && p.parent.is("call_expression")) {
        out.add(p.parent);
      } else if (fn.is("func_literal")) {
        String name = boundName(fn);
        GoNode decl = fn.declaration();
        if (name != null && decl != null) out.addAll(callsPassing(decl, name, false));
      } else if (fn.field("name") != null) {
        out.addAll(callsPassing(f.root, fn.field("name").text(), true));
      }
    }
    return out;
  }

  /** The variable a function literal is assigned to ({@code op := func() error {...}}), or null. */
  private static String boundName(GoNode literal) {
    GoNode list = literal.parent;
    if (list == null || !list.is("expression_list") || list.children.size() != 1) return null;
    GoNode stmt = list.parent;
    if (stmt == null
        || !(stmt.is("short_var_declaration")
            || stmt.is("var_spec")
            || stmt.is("assignment_statement"))) return null;
    GoNode left = stmt.is("var_spec") ? stmt.field("name") : stmt.field("left");
    if (left == null) return null;
    if (left.is("expression_list"))
      return left.children.size() == 1 && left.children.get(0).is("identifier")
          ? left.children.get(0).text()
          : null;
    return left.is("identifier") ? left.text() : null;
  }

  /**
   * Calls in a scope with an argument naming a function: {@code op}, or a method value {@code
   * c.fetch} when asked.
   */
  private List<GoNode> callsPassing(GoNode scope, String name, boolean methodValues) {
    List<GoNode> out = new ArrayList<>();
    for (GoNode a : passed().getOrDefault(name, List.of())) {
      GoNode c = a.parent.parent;
      if (c.start < scope.start || c.end > scope.end) continue;
      if (a.is("identifier") || methodValues) out.add(c);
    }
    return out;
  }

  private java.util.Map<String, List<GoNode>> passed;

  /**
   * Arguments that name something (an identifier, or the field of a selector), by that name,
   * collected once.
   */
  private java.util.Map<String, List<GoNode>> passed() {
    if (passed == null) {
      passed = new java.util.HashMap<>();
      for (GoNode c : f.calls()) {
        for (GoNode a : GoFile.args(c)) {
          String key =
              a.is("identifier")
                  ? a.text()
                  : a.is("selector_expression") && a.field("field") != null
                      ? a.field("field").text()
                      : null;
          if (key != null) passed.computeIfAbsent(key, k -> new ArrayList<>()).add(a);
        }
      }
    }
    return passed;
  }
}
