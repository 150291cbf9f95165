package dev.relplan.code.java;

import com.github.javaparser.ast.expr.Expression;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * What an expression builds, as far as the scanner can follow it: the type it starts from, the
 * calls applied to it in order (builder methods, setters on the variable holding it), and where it
 * is created. {@code unresolved} says why the configuration could not be followed (an injected
 * bean, a method parameter), in which case the steps are incomplete.
 */
final class Built {
  /**
   * One configuration call: its name, arguments, line, and the file context to evaluate the
   * arguments in.
   */
  record Step(String name, List<Expression> args, Location location, FileContext ctx) {}

  final String type;
  final Location origin;
  final List<Step> steps = new ArrayList<>();
  String unresolved;

  /**
   * Injected by the container (a constructor or @Bean parameter, a field with no value) and not
   * built by any @Bean method of the scanned code: for Spring Boot's own builders, configured by
   * its properties.
   */
  boolean injected;

  Built(String type, Location origin) {
    this.type = type;
    this.origin = origin;
  }

  Built copy() {
    Built b = new Built(type, origin);
    b.steps.addAll(steps);
    b.unresolved = unresolved;
    b.injected = injected;
    return b;
  }

  boolean has(String name) {
    return steps.stream().anyMatch(s -> s.name().equals(name));
  }
}
