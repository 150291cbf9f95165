package dev.relplan.iac.kubernetes;

import dev.relplan.model.DisruptionBudget;
import dev.relplan.model.LabelSelector;
import dev.relplan.model.PodService;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Objects that select pods by label: Services and PodDisruptionBudgets. */
final class ServiceMapper {
  private ServiceMapper() {}

  static void service(KubernetesObject o, String scope, Workload w) {
    PodService s = new PodService(scope, o.id(), o.kind(), o.kindLocation());
    s.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    s.namespace = o.effectiveNamespace();
    s.tags.putAll(Fields.labels(o.node(), "metadata", "labels"));
    Map<String, String> selector = Fields.labels(o.node(), "spec", "selector");
    // A Service without a selector has its endpoints managed elsewhere: it selects no pods.
    s.selector = selector.isEmpty() ? null : LabelSelector.of(selector);
    s.serviceType = Fields.intOrPercent(Fields.at(o.node(), "spec"), "type");
    if (!s.serviceType.present()) s.serviceType = Value.defaulted("ClusterIP", "type not set");
    w.add(s);
  }

  static void budget(KubernetesObject o, String scope, Workload w) {
    DisruptionBudget b = new DisruptionBudget(scope, o.id(), o.kind(), o.kindLocation());
    b.name = Value.explicit(o.name(), List.of(o.nameLocation()));
    b.namespace = o.effectiveNamespace();
    Node spec = Fields.at(o.node(), "spec");
    // policy/v1: an empty selector selects every pod of the namespace, a missing one none.
    MapNode selector = Fields.map(spec, "selector");
    b.selector = selector == null ? null : selector(selector);
    b.minAvailable = Fields.intOrPercent(spec, "minAvailable");
    b.maxUnavailable = Fields.intOrPercent(spec, "maxUnavailable");
    w.add(b);
  }

  /** A {@code matchLabels} / {@code matchExpressions} selector. */
  static LabelSelector selector(MapNode selector) {
    List<LabelSelector.Requirement> expressions = new ArrayList<>();
    for (Node e : Fields.seq(selector, "matchExpressions")) {
      Set<String> values = new HashSet<>();
      for (Node v : Fields.seq(e, "values"))
        if (v instanceof ScalarNode s && s.text() != null) values.add(s.text());
      String key = Fields.text(e, "key");
      expressions.add(
          new LabelSelector.Requirement(
              key == null ? "" : key,
              key == null
                  ? LabelSelector.Operator.INVALID
                  : LabelSelector.operator(Fields.text(e, "operator")),
              values));
    }
    return new LabelSelector(Fields.labels(selector, "matchLabels"), expressions);
  }
}
