package dev.relplan.code.java;

import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Resilience4j instances configured in Spring Boot ({@code
 * resilience4j.timelimiter.instances.<name> .timeout-duration}, {@code
 * resilience4j.retry.instances.<name>.max-attempts}), as the annotations {@code @TimeLimiter(name =
 * …)} and {@code @Retry(name = …)} name them: the instance's own value, else its {@code
 * base-config}'s, else {@code configs.default}'s, else Resilience4j's default
 * (docs/client-defaults.md, "Resilience4j instances").
 */
final class Resilience4jInstances {
  /** TimeLimiterConfig's default timeoutDuration. */
  static final String TIME_LIMITER_DEFAULT =
      "1 s (Resilience4j TimeLimiter default timeoutDuration)";

  /** RetryConfig's default maxAttempts (the first call included). */
  static final int RETRY_DEFAULT_ATTEMPTS = 3;

  private Resilience4jInstances() {}

  /** The time limit of the named instance, traced to the annotation and the line that sets it. */
  static Value<String> timeLimit(SpringConfig.Scope spring, String instance, Location annotation) {
    SpringConfig.Property set = setting(spring, "timelimiter", instance, "timeout-duration");
    if (set == null)
      return Value.<String>defaulted(
              TIME_LIMITER_DEFAULT,
              "no resilience4j.timelimiter instance or default config sets timeout-duration for "
                  + instance)
          .withTrace(List.of(annotation));
    Value<String> limit =
        SpringConfig.timeout(
            set,
            "time limiter",
            "ms",
            spring.inProfiles(key("timelimiter", "instances." + instance, "timeout-duration")));
    List<Location> trace = new ArrayList<>(List.of(annotation));
    trace.addAll(limit.trace());
    if (limit.unresolved()) return Value.unresolved(limit.note(), trace);
    return limit.isExplicit() ? Value.explicit(limit.get(), trace) : limit.withTrace(trace);
  }

  /**
   * The retry's description with its attempts ("maxAttempts = 5)"), read by JavaWaits; the line
   * that sets them joins the trace.
   */
  static Value<String> retry(SpringConfig.Scope spring, String instance, Location annotation) {
    SpringConfig.Property set = setting(spring, "retry", instance, "max-attempts");
    String value = set == null ? null : SpringConfig.resolve(set.value());
    if (set == null)
      return Value.explicit(
          "Resilience4j @Retry ("
              + instance
              + ", Resilience4j's default maxAttempts = "
              + RETRY_DEFAULT_ATTEMPTS
              + ")",
          List.of(annotation));
    if (value == null || !value.matches("[0-9]{1,4}"))
      return Value.explicit(
          "Resilience4j @Retry (" + instance + ", " + set.written() + " = " + set.value() + ")",
          List.of(annotation, set.location()));
    return Value.explicit(
        "Resilience4j @Retry ("
            + instance
            + ", "
            + set.written()
            + ": maxAttempts = "
            + value
            + ")",
        List.of(annotation, set.location()));
  }

  /**
   * The time limit properties give a Spring Cloud CircuitBreaker id — its instance (or the
   * instance's base config), else a config named as the id — which win over a Customizer's; null
   * when they set none for it. {@code breaker} lines start the trace.
   */
  static Value<String> circuitBreakerTimeLimit(
      SpringConfig.Scope spring, String id, List<Location> breaker) {
    String[] keys = {
      key("timelimiter", "instances." + id, "timeout-duration"),
      key("timelimiter", "configs." + id, "timeout-duration")
    };
    SpringConfig.Property set = spring.get(keys);
    if (set == null) {
      SpringConfig.Property base = spring.get(key("timelimiter", "instances." + id, "base-config"));
      String baseName = base == null ? null : SpringConfig.resolve(base.value());
      if (baseName != null)
        set = spring.get(key("timelimiter", "configs." + baseName, "timeout-duration"));
    }
    return set == null ? null : limitAt(set, spring.inProfiles(keys), breaker);
  }

  /**
   * {@code resilience4j.timelimiter.configs.default.timeout-duration}: the registry's default,
   * which Spring Cloud CircuitBreaker uses when no Customizer configures the id; null when unset.
   */
  static Value<String> defaultConfigTimeLimit(SpringConfig.Scope spring, List<Location> breaker) {
    String key = key("timelimiter", "configs.default", "timeout-duration");
    SpringConfig.Property set = spring.get(key);
    return set == null ? null : limitAt(set, spring.inProfiles(key), breaker);
  }

  private static Value<String> limitAt(
      SpringConfig.Property set, List<SpringConfig.Property> profiles, List<Location> breaker) {
    Value<String> limit = SpringConfig.timeout(set, "time limiter", "ms", profiles);
    List<Location> trace = new ArrayList<>(breaker);
    trace.addAll(limit.trace());
    if (limit.unresolved()) return Value.unresolved(limit.note(), trace);
    return limit.isExplicit() ? Value.explicit(limit.get(), trace) : limit.withTrace(trace);
  }

  /** The instance's own setting, its base config's, or the default config's; null when none. */
  private static SpringConfig.Property setting(
      SpringConfig.Scope spring, String module, String instance, String property) {
    SpringConfig.Property own = spring.get(key(module, "instances." + instance, property));
    if (own != null) return own;
    SpringConfig.Property base = spring.get(key(module, "instances." + instance, "base-config"));
    String baseName = base == null ? null : SpringConfig.resolve(base.value());
    if (baseName != null) {
      SpringConfig.Property inherited = spring.get(key(module, "configs." + baseName, property));
      if (inherited != null) return inherited;
    }
    return spring.get(key(module, "configs.default", property));
  }

  private static String key(String module, String where, String property) {
    return "resilience4j." + module + "." + where + "." + property;
  }
}
