package dev.relplan.code.java;

import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.LambdaExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.MethodReferenceExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Resilience around a call: annotations on the enclosing method or class (Resilience4j, Hystrix,
 * Spring Retry) and decorators the call is wrapped in (Resilience4j decorators, Failsafe,
 * RetryTemplate, HystrixCommand subclasses). A time limiter counts as the call's timeout.
 */
final class Resilience {
  private final FileContext ctx;

  Resilience(FileContext ctx) {
    this.ctx = ctx;
  }

  void apply(Integration i, Node call) {
    MethodDeclaration method = call.findAncestor(MethodDeclaration.class).orElse(null);
    ClassOrInterfaceDeclaration type =
        call.findAncestor(ClassOrInterfaceDeclaration.class).orElse(null);
    List<AnnotationExpr> annotations = new ArrayList<>();
    if (method != null) annotations.addAll(method.getAnnotations());
    if (type != null) annotations.addAll(type.getAnnotations());
    for (AnnotationExpr a : annotations) annotation(i, a, type);
    wrappers(i, call);
    if (type != null
        && type.getExtendedTypes().stream()
            .anyMatch(
                t ->
                    t.getNameAsString().equals("HystrixCommand")
                        || t.getNameAsString().equals("HystrixObservableCommand"))) {
      Location at = ctx.at(type);
      i.circuitBreaker = Value.explicit("Hystrix command " + type.getNameAsString(), List.of(at));
      if (!i.timeout.present())
        i.timeout =
            Value.defaulted(
                "1 s (Hystrix default execution timeout)",
                "Hystrix commands time out after 1 s by default");
      if (!type.getMethodsByName("getFallback").isEmpty())
        i.fallback =
            Value.explicit(
                "getFallback()", List.of(ctx.at(type.getMethodsByName("getFallback").get(0))));
    }
  }

  private void annotation(Integration i, AnnotationExpr a, ClassOrInterfaceDeclaration type) {
    String name = a.getNameAsString();
    name = name.substring(name.lastIndexOf('.') + 1);
    Location at = ctx.at(a);
    String label = attribute(a, "name");
    String fallback = attribute(a, "fallbackMethod");
    switch (name) {
      case "CircuitBreaker" -> {
        i.circuitBreaker =
            Value.explicit("Resilience4j @CircuitBreaker" + named(label), List.of(at));
        if (fallback != null) i.fallback = Value.explicit(fallback + "()", List.of(at));
      }
      case "Retry" -> {
        i.retry =
            label == null
                ? Value.explicit("Resilience4j @Retry", List.of(at))
                : Resilience4jInstances.retry(ctx.spring, label, at);
        if (fallback != null && !i.fallback.present())
          i.fallback = Value.explicit(fallback + "()", List.of(at));
      }
      case "TimeLimiter" -> {
        if (!i.timeout.isExplicit())
          i.timeout =
              label == null
                  ? Value.explicit("Resilience4j @TimeLimiter", List.of(at))
                  : Resilience4jInstances.timeLimit(ctx.spring, label, at);
        if (fallback != null && !i.fallback.present())
          i.fallback = Value.explicit(fallback + "()", List.of(at));
      }
      case "HystrixCommand" -> {
        i.circuitBreaker = Value.explicit("Hystrix @HystrixCommand", List.of(at));
        if (!i.timeout.present())
          i.timeout =
              Value.defaulted(
                  "1 s (Hystrix default execution timeout)",
                  "Hystrix commands time out after 1 s by default");
        if (fallback != null) i.fallback = Value.explicit(fallback + "()", List.of(at));
      }
      case "Retryable" -> {
        String attempts = attribute(a, "maxAttempts");
        i.retry =
            Value.explicit(
                "Spring @Retryable ("
                    + (attempts == null ? "3 attempts, the default" : "maxAttempts = " + attempts)
                    + ")",
                List.of(at));
        if (type != null) {
          for (MethodDeclaration m : type.getMethods()) {
            if (m.isAnnotationPresent("Recover")) {
              i.fallback =
                  Value.explicit("@Recover " + m.getNameAsString() + "()", List.of(ctx.at(m)));
              break;
            }
          }
        }
      }
      default -> {
        // not a resilience annotation
      }
    }
  }

  /** Decorators: a lambda or method reference containing the call, passed to a resilience API. */
  private void wrappers(Integration i, Node call) {
    for (Node n = call; n != null; n = n.getParentNode().orElse(null)) {
      // The call, or a lambda containing it, passed as an argument to a resilience API.
      if (!(n.getParentNode().orElse(null) instanceof MethodCallExpr wrapper)
          || !wrapper.getArguments().contains(n)) continue;
      if (!(n instanceof LambdaExpr)
          && !(n instanceof MethodReferenceExpr)
          && !(n instanceof MethodCallExpr)) continue;
      // The whole fluent chain the wrapper belongs to, e.g.
      // Decorators.ofSupplier(..).withCircuitBreaker(cb).get().
      Node top = wrapper;
      while (top.getParentNode().orElse(null) instanceof MethodCallExpr p
          && p.getScope().orElse(null) == top) top = p;
      List<MethodCallExpr> chain = new ArrayList<>();
      Expression cur = (Expression) top;
      while (cur instanceof MethodCallExpr c) {
        chain.add(0, c);
        cur = c.getScope().orElse(null);
      }
      String rootType = cur instanceof NameExpr name ? kindOf(name.getNameAsString(), name) : null;
      for (MethodCallExpr c : chain) {
        String cn = c.getNameAsString();
        Location at = ctx.at(c.getName());
        boolean first = c == chain.get(0);
        String receiverKind = first ? rootType : null;
        if (cn.equals("withCircuitBreaker")
            || receiverKind != null
                && receiverKind.equals("CircuitBreaker")
                && (cn.startsWith("decorate") || cn.startsWith("execute"))) {
          i.circuitBreaker = Value.explicit("Resilience4j CircuitBreaker", List.of(at));
        } else if (cn.equals("withRetry")
            || receiverKind != null
                && receiverKind.equals("Retry")
                && (cn.startsWith("decorate") || cn.startsWith("execute"))) {
          i.retry = Value.explicit("Resilience4j Retry", List.of(at));
        } else if (cn.equals("withTimeLimiter")
            || receiverKind != null
                && receiverKind.equals("TimeLimiter")
                && (cn.startsWith("decorate") || cn.startsWith("execute"))) {
          if (!i.timeout.isExplicit())
            i.timeout = Value.explicit("Resilience4j TimeLimiter", List.of(at));
        } else if (cn.equals("withFallback")) {
          i.fallback = Value.explicit("Resilience4j fallback", List.of(at));
        } else if (receiverKind != null
            && receiverKind.equals("RetryTemplate")
            && cn.equals("execute")) {
          i.retry = Value.explicit("Spring RetryTemplate", List.of(at));
          if (c.getArguments().size() > 1)
            i.fallback = Value.explicit("RetryTemplate recovery callback", List.of(at));
        } else if (receiverKind != null
            && receiverKind.equals("Failsafe")
            && (cn.equals("with") || cn.equals("compose"))) {
          failsafe(i, c, at);
        } else if (cn.equals("compose") || cn.equals("with") && !first) {
          failsafe(i, c, at);
        }
      }
    }
  }

  private void failsafe(Integration i, MethodCallExpr with, Location at) {
    for (Expression a : with.getArguments()) {
      String kind = a instanceof NameExpr n ? kindOf(n.getNameAsString(), n) : null;
      if (kind == null) {
        Built b = ctx.eval(a);
        kind = b == null || b.type == null ? null : CallSites.simple(b.type);
      }
      if (kind == null) continue;
      switch (kind) {
        case "RetryPolicy" -> i.retry = Value.explicit("Failsafe RetryPolicy", List.of(at));
        case "CircuitBreaker" ->
            i.circuitBreaker = Value.explicit("Failsafe CircuitBreaker", List.of(at));
        case "Timeout" -> {
          if (!i.timeout.isExplicit()) i.timeout = Value.explicit("Failsafe Timeout", List.of(at));
        }
        case "Fallback" -> i.fallback = Value.explicit("Failsafe Fallback", List.of(at));
        default -> {
          // another policy (bulkhead, rate limiter)
        }
      }
    }
  }

  /** The simple type name of a variable, or the name itself when it is a type (a static call). */
  private String kindOf(String name, Node use) {
    String t = ctx.typeOf(name, use);
    if (t == null) return Character.isUpperCase(name.charAt(0)) ? name : null;
    int generic = t.indexOf('<');
    if (generic >= 0) t = t.substring(0, generic);
    return t.substring(t.lastIndexOf('.') + 1);
  }

  private static String named(String label) {
    return label == null ? "" : " (" + label + ")";
  }

  /** An attribute's string: a literal or a constant (of this class or another), else as written. */
  private String attribute(AnnotationExpr a, String name) {
    if (!(a instanceof NormalAnnotationExpr n)) return null;
    for (MemberValuePair p : n.getPairs()) {
      if (p.getNameAsString().equals(name)) {
        String constant = Constants.string(p.getValue(), ctx);
        return constant != null ? constant : p.getValue().toString();
      }
    }
    return null;
  }
}
