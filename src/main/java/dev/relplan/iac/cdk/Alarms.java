package dev.relplan.iac.cdk;

import dev.relplan.model.Alarm;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code new cloudwatch.Alarm(this, 'Id', {...})} and the actions added to it. The construct has no
 * property for actions: they are added with {@code alarm.addAlarmAction(new SnsAction(topic))}. So
 * an alarm whose construct is not kept has no action; one that is kept has the actions its file
 * adds, and when the file adds none, what other code may add is unknown.
 */
final class Alarms {
  private Alarms() {}

  /** Action classes that tell someone or act on the failure (not the scaling ones). */
  private static final Set<String> NOTIFYING =
      Set.of("SnsAction", "LambdaAction", "Ec2Action", "SsmAction", "SsmIncidentAction");

  static void alarm(Construct c, Workload draft) {
    Alarm a = new Alarm(c.scope(), c.id(), "AWS::CloudWatch::Alarm", c.location());
    SyntaxNode<?> parent = c.node().parent;
    a.actions =
        parent != null && parent.is("expression_statement")
            ? Value.explicit(List.of(), List.of(c.location()))
            : Value.unresolved(
                "actions are added with addAlarmAction, and none is added to it in "
                    + c.location().file()
                    + "; code elsewhere may add them",
                List.of(c.location()));
    c.add(a, draft);
  }

  /** Reads every {@code addAlarmAction} call of the file made on a declared alarm construct. */
  static void readActions(Expressions x, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      if (!m.method().equals("addAlarmAction")) continue;
      JsNode call = m.call();
      if (!(x.eval(m.receiver()).value() instanceof ResourceRef ref)
          || !(draft.resolve(ref) instanceof Alarm alarm)) continue;
      List<Object> notifying = new ArrayList<>();
      for (JsNode arg : JsFile.arguments(call)) {
        if (x.eval(arg).value() instanceof Expressions.Created created
            && created.name() != null
            && NOTIFYING.contains(created.name().substring(created.name().lastIndexOf('.') + 1)))
          notifying.add(created.name());
      }
      if (notifying.isEmpty()) continue; // scaling actions, or ones not followed
      Location at = x.at(call);
      List<Object> actions =
          new ArrayList<>(alarm.actions.present() ? alarm.actions.get() : List.of());
      actions.addAll(notifying);
      List<Location> trace =
          new ArrayList<>(alarm.actions.present() ? alarm.actions.trace() : List.of());
      trace.add(at);
      alarm.actions = Value.explicit(actions, trace);
    }
  }
}
