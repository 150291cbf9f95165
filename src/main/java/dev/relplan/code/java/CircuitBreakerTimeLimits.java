package dev.relplan.code.java;

import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The time limit Spring Cloud CircuitBreaker's Resilience4j implementation puts on a breaker id, in
 * the order {@code Resilience4JCircuitBreakerFactory.create(id)} looks: properties for the id
 * ({@code resilience4j.timelimiter.instances.<id>} / {@code configs.<id>}), a {@code
 * Customizer<(Reactive)Resilience4JCircuitBreakerFactory>} bean's {@code configure(…, id)}, its
 * {@code configureDefault(…)}, {@code resilience4j.timelimiter.configs.default}, else
 * TimeLimiterConfig's 1 s default. {@code
 * spring.cloud.circuitbreaker.resilience4j.disable-time-limiter} turns it off.
 */
final class CircuitBreakerTimeLimits {
  private static final String DISABLED =
      "spring.cloud.circuitbreaker.resilience4j.disable-time-limiter";

  /** One configure/configureDefault call of a Customizer bean. */
  private record Configured(MethodCallExpr call, FileContext ctx, String bean) {}

  private final FileContext ctx;
  private final String factoryType;

  /** {@code factoryType}: the factory the code creates the breaker from, when it says. */
  CircuitBreakerTimeLimits(FileContext ctx, String factoryType) {
    this.ctx = ctx;
    this.factoryType = factoryType;
  }

  /**
   * The call's time limit, traced to the breaker's lines first; null when the time limiter is
   * turned off (the call keeps its own timeout).
   */
  Value<String> of(String id, List<Location> breaker) {
    SpringConfig.Property disabled = ctx.spring.get(DISABLED);
    if (disabled != null && "true".equalsIgnoreCase(SpringConfig.resolve(disabled.value())))
      return null;
    List<Configured> configured = customizations();
    boolean resilience4j =
        !configured.isEmpty() || factoryType != null && factoryType.contains("Resilience4J");
    String named = id == null ? "" : " " + id;
    if (!resilience4j)
      return Value.unresolved(
          "the call runs in Spring Cloud CircuitBreaker"
              + named
              + ", and the code does not show its implementation: Resilience4j's bounds it with a time limiter (1 s unless configured), others do not",
          breaker);
    if (id == null)
      return Value.unresolved(
          "the call runs in a Spring Cloud CircuitBreaker whose id is not a constant the scan sees, so its time limiter cannot be looked up",
          breaker);
    Value<String> properties =
        Resilience4jInstances.circuitBreakerTimeLimit(ctx.spring, id, breaker);
    if (properties != null) return properties;
    List<Configured> forId = new ArrayList<>();
    List<Configured> defaults = new ArrayList<>();
    for (Configured c : configured) {
      if (c.call.getNameAsString().equals("configureDefault")) defaults.add(c);
      else if (names(c, id)) forId.add(c);
    }
    if (!forId.isEmpty()) return limit(forId, id, breaker);
    if (!defaults.isEmpty()) return limit(defaults, id, breaker);
    Value<String> registryDefault =
        Resilience4jInstances.defaultConfigTimeLimit(ctx.spring, breaker);
    if (registryDefault != null) return registryDefault;
    return Value.<String>defaulted(
            Resilience4jInstances.TIME_LIMITER_DEFAULT,
            "no property or Customizer configures a time limiter for the Spring Cloud CircuitBreaker "
                + id)
        .withTrace(breaker);
  }

  /**
   * The configure and configureDefault calls of the application's Resilience4j Customizer beans.
   */
  private List<Configured> customizations() {
    List<Configured> out = new ArrayList<>();
    for (Beans.Producer p : ctx.beans().producers("Customizer", ctx.file)) {
      if (!p.method().getType().asString().contains("Resilience4JCircuitBreakerFactory")) continue;
      String bean = CallSites.enclosing(p.method());
      for (MethodCallExpr m : p.method().findAll(MethodCallExpr.class)) {
        String name = m.getNameAsString();
        if (name.equals("configureDefault") && m.getArguments().size() == 1
            || name.equals("configure") && m.getArguments().size() >= 2)
          out.add(new Configured(m, p.ctx(), bean));
      }
    }
    return out;
  }

  private static boolean names(Configured c, String id) {
    List<Expression> ids = c.call.getArguments().subList(1, c.call.getArguments().size());
    for (Expression e : ids) if (id.equals(Constants.string(e, c.ctx))) return true;
    return false;
  }

  /** The time limit one configuration function builds; several calls leave it undetermined. */
  private static Value<String> limit(List<Configured> calls, String id, List<Location> breaker) {
    Configured c = calls.get(calls.size() - 1);
    List<Location> trace = new ArrayList<>(breaker);
    trace.add(c.ctx.at(c.call.getName()));
    String where = c.call.getNameAsString() + " in " + c.bean;
    if (calls.size() > 1)
      return Value.unresolved(
          calls.size()
              + " Customizer calls configure the Spring Cloud CircuitBreaker "
              + id
              + ", and the order Spring applies them in decides",
          trace);
    Built function = c.ctx.eval(c.call.getArgument(0));
    if (function == null)
      return Value.unresolved(
          "the configuration function passed to " + where + " cannot be followed", trace);
    Settings.Found duration = Settings.first(function, Set.of("timeoutDuration"));
    if (duration != null) {
      trace.add(duration.step().location());
      Durations.Rendered r = Durations.render(duration.step().args(), null, duration.step().ctx());
      if (r.zero())
        return CallSites.none("the time limiter's timeoutDuration is 0 (" + where + ")", trace);
      return Value.explicit(
          r.text()
              + " time limiter timeout (Spring Cloud CircuitBreaker "
              + id
              + ", "
              + where
              + ")",
          trace);
    }
    String unresolved = Settings.unresolved(function);
    if (unresolved != null && Settings.first(function, Set.of("timeLimiterConfig")) != null)
      return Value.unresolved(
          "the TimeLimiterConfig given in " + where + " cannot be followed: " + unresolved, trace);
    return Value.<String>defaulted(
            Resilience4jInstances.TIME_LIMITER_DEFAULT,
            where + " sets no timeoutDuration, so TimeLimiterConfig's default applies")
        .withTrace(trace);
  }
}
