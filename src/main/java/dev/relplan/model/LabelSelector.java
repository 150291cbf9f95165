package dev.relplan.model;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Kubernetes label selector: every {@code matchLabels} pair and every {@code matchExpressions}
 * requirement must hold. An empty selector matches every set of labels, as the Kubernetes API
 * defines it; a selector with an operator Kubernetes does not define matches nothing.
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
  /** The operators of {@code matchExpressions}. */
  public enum Operator {
    IN,
    NOT_IN,
    EXISTS,
    DOES_NOT_EXIST,
    /** An operator name Kubernetes rejects: the selector cannot match. */
    INVALID
  }

  /** One {@code matchExpressions} entry. */
  public record Requirement(String key, Operator operator, Set<String> values) {
    public Requirement {
      values = Set.copyOf(values);
    }

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return switch (operator) {
        case IN -> value != null && values.contains(value);
        case NOT_IN -> value == null || !values.contains(value);
        case EXISTS -> value != null;
        case DOES_NOT_EXIST -> value == null;
        case INVALID -> false;
      };
    }
  }

  public LabelSelector {
    matchLabels = Map.copyOf(matchLabels);
    matchExpressions = List.copyOf(matchExpressions);
  }

  /** A selector of {@code matchLabels} only, as a Service's {@code spec.selector} is. */
  public static LabelSelector of(Map<String, String> matchLabels) {
    return new LabelSelector(matchLabels, List.of());
  }

  /** The operator named in a manifest ({@code In}, {@code NotIn}, {@code Exists}, …). */
  public static Operator operator(String name) {
    return switch (name == null ? "" : name) {
      case "In" -> Operator.IN;
      case "NotIn" -> Operator.NOT_IN;
      case "Exists" -> Operator.EXISTS;
      case "DoesNotExist" -> Operator.DOES_NOT_EXIST;
      default -> Operator.INVALID;
    };
  }

  /** Whether pods with these labels are selected. */
  public boolean matches(Map<String, String> labels) {
    for (Map.Entry<String, String> e : matchLabels.entrySet())
      if (!e.getValue().equals(labels.get(e.getKey()))) return false;
    for (Requirement r : matchExpressions) if (!r.matches(labels)) return false;
    return true;
  }
}
