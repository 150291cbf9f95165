package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.ThisExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Spring Cloud CircuitBreaker around a call: the call is inside what {@code
 * CircuitBreaker.run(supplier, fallback)} or {@code ReactiveCircuitBreaker.run(publisher,
 * fallback)} runs — its first argument, never the fallback — written around it or applied to its
 * publisher by a Reactor {@code transform(it -> breaker.run(it, …))}. The breaker is {@code
 * factory.create("id")}; with the Resilience4j implementation its time limiter of that id bounds
 * the call (docs/client-defaults.md, "Spring Cloud CircuitBreaker").
 */
final class SpringCircuitBreakers {
  /** Reactor operators that hand the whole upstream publisher to a function. */
  private static final Set<String> TRANSFORMS = Set.of("transform", "transformDeferred", "as");

  private final FileContext ctx;

  SpringCircuitBreakers(FileContext ctx) {
    this.ctx = ctx;
  }

  /** A breaker's run call, and the create call naming it (null when the id is not seen). */
  private record Breaker(MethodCallExpr run, Built created) {}

  void apply(Integration i, MethodCallExpr call) {
    Breaker b = around(call);
    if (b == null) b = transformedBy(call);
    if (b == null) return;
    Location runAt = ctx.at(b.run.getName());
    Settings.Found create = b.created == null ? null : Settings.first(b.created, Set.of("create"));
    String id =
        create == null || create.step().args().isEmpty()
            ? null
            : Constants.string(create.step().args().get(0), create.step().ctx());
    List<Location> trace = new ArrayList<>(List.of(runAt));
    if (create != null && !trace.contains(create.step().location()))
      trace.add(create.step().location());
    i.circuitBreaker =
        Value.explicit("Spring Cloud CircuitBreaker" + (id == null ? "" : " (" + id + ")"), trace);
    if (b.run.getArguments().size() > 1)
      i.fallback = Value.explicit("Spring Cloud CircuitBreaker fallback", List.of(runAt));
    if (!i.timeout.isExplicit()) {
      Value<String> limit = new CircuitBreakerTimeLimits(ctx, factoryType(b)).of(id, trace);
      if (limit != null) i.timeout = limit;
    }
  }

  /** The run call whose first argument holds the call (the call, a lambda or a publisher). */
  private Breaker around(MethodCallExpr call) {
    for (Node n = call; n != null; n = n.getParentNode().orElse(null)) {
      if (n instanceof MethodDeclaration) return null;
      if (n.getParentNode().orElse(null) instanceof MethodCallExpr run
          && run.getNameAsString().equals("run")
          && !run.getArguments().isEmpty()
          && run.getArgument(0) == n) {
        Breaker b = breaker(run);
        if (b != null) return b;
      }
    }
    return null;
  }

  /**
   * A Reactor transform applied to the call's publisher (directly or after other operators) whose
   * lambda runs its parameter through a breaker.
   */
  private Breaker transformedBy(MethodCallExpr call) {
    for (Node n = call;
        n.getParentNode().orElse(null) instanceof MethodCallExpr p
            && p.getScope().orElse(null) == n;
        n = p) {
      if (!TRANSFORMS.contains(p.getNameAsString()) || p.getArguments().size() != 1) continue;
      if (!(p.getArgument(0) instanceof LambdaExpr l) || l.getParameters().size() != 1) continue;
      String published = l.getParameter(0).getNameAsString();
      for (MethodCallExpr run : l.getBody().findAll(MethodCallExpr.class)) {
        if (run.getNameAsString().equals("run")
            && !run.getArguments().isEmpty()
            && run.getArgument(0) instanceof NameExpr arg
            && arg.getNameAsString().equals(published)) {
          Breaker b = breaker(run);
          if (b != null) return b;
        }
      }
    }
    return null;
  }

  /**
   * The breaker a run call is made on: {@code factory.create(…)} on a circuit breaker factory, or a
   * variable or field of type CircuitBreaker / ReactiveCircuitBreaker (traced to its create call
   * when it is made in the code). Null when the receiver is not a breaker.
   */
  private Breaker breaker(MethodCallExpr run) {
    Expression receiver = run.getScope().orElse(null);
    if (receiver instanceof MethodCallExpr create && create.getNameAsString().equals("create")) {
      String factory = scopeType(create.getScope().orElse(null), create);
      return factory != null && factory.endsWith("CircuitBreakerFactory")
          ? new Breaker(run, ctx.eval(create))
          : null;
    }
    String type = scopeType(receiver, run);
    if (type == null || !type.equals("CircuitBreaker") && !type.equals("ReactiveCircuitBreaker"))
      return null;
    Built b = ctx.eval(receiver);
    return new Breaker(run, b != null && b.has("create") ? b : null);
  }

  /** The simple declared type of a variable or {@code this} field, or null. */
  private String scopeType(Expression e, Node use) {
    String name =
        e instanceof NameExpr n
            ? n.getNameAsString()
            : e instanceof FieldAccessExpr f && f.getScope() instanceof ThisExpr
                ? f.getNameAsString()
                : null;
    if (name == null) return null;
    String t = ctx.typeOf(name, use);
    if (t == null) return null;
    int generic = t.indexOf('<');
    if (generic >= 0) t = t.substring(0, generic);
    return t.substring(t.lastIndexOf('.') + 1);
  }

  /** The factory's type as the code names it, when the breaker was created in the code. */
  private static String factoryType(Breaker b) {
    return b.created == null || b.created.type == null ? null : b.created.type;
  }
}
