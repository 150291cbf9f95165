package dev.relplan.iac.kubernetes;

import dev.relplan.model.Alarm;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;

/**
 * Prometheus Operator alerting rules ({@code monitoring.coreos.com} PrometheusRule): each {@code
 * alert} of a rule group is an alarm of the workload. Who it notifies is Alertmanager's routing,
 * configured outside the rule, so its actions are not known from the rule itself.
 */
final class AlertingMapper {
  private AlertingMapper() {}

  static boolean isAlertingRules(KubernetesObject o) {
    return o.kind().equals("PrometheusRule") && o.group().equals("monitoring.coreos.com");
  }

  static void map(KubernetesObject o, String sourceLabel, Workload w) {
    for (Node group : Fields.seq(o.node(), "spec", "groups")) {
      for (Node rule : Fields.seq(group, "rules")) {
        if (!(rule instanceof MapNode r) || !(r.get("alert") instanceof ScalarNode alert)) continue;
        Alarm a = new Alarm(sourceLabel, o.id() + "/" + alert.text(), o.kind(), alert.location());
        if (r.get("expr") instanceof ScalarNode expr) a.expressions.add(expr.text());
        a.actions =
            Value.unresolved(
                "alerting rule: Alertmanager's routing decides who is notified, and it is not part"
                    + " of the rule",
                List.of(alert.location()));
        w.add(a);
      }
    }
  }
}
