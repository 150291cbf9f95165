package dev.relplan.iac.cdk;

import dev.relplan.model.ResourceRef;
import dev.relplan.model.ScalableTarget;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Map;

/**
 * {@code table.autoScaleReadCapacity({...})} and {@code autoScaleWriteCapacity}: each becomes the
 * Application Auto Scaling target the Table construct synthesises for that dimension, so a
 * provisioned table that scales is not taken for one with fixed capacity.
 */
final class TableScaling {
  private TableScaling() {}

  private static final Map<String, String> DIMENSIONS =
      Map.of(
          "autoScaleReadCapacity", "dynamodb:table:ReadCapacityUnits",
          "autoScaleWriteCapacity", "dynamodb:table:WriteCapacityUnits");

  /** Reads every auto-scaling call of the file made on a declared table construct. */
  static void read(Expressions x, String scope, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      String method = m.method();
      if (!DIMENSIONS.containsKey(method)) continue;
      if (!(x.eval(m.receiver()).value() instanceof ResourceRef table)) continue;
      JsNode call = m.call();
      List<JsNode> args = JsFile.arguments(call);
      Location at = x.at(call);
      ScalableTarget t =
          new ScalableTarget(
              scope, table.id() + "/" + method, "AWS::ApplicationAutoScaling::ScalableTarget", at);
      t.declaredType = "aws-cdk-lib.aws_dynamodb.Table." + method;
      CdkProps p = CdkProps.of(x, args.isEmpty() ? null : args.get(0), at);
      t.dimension = Value.explicit(DIMENSIONS.get(method), List.of(at));
      t.min = p.integer("minCapacity");
      t.max = p.integer("maxCapacity");
      ResourceRef scaled = new ResourceRef(table.scope(), table.id(), null);
      t.resourceRefs = List.of(scaled);
      t.references.add(scaled);
      draft.add(t);
    }
  }

  /**
   * A TableV2 billed {@code Billing.provisioned(...)}: its write capacity is always {@code
   * Capacity.autoscaled} (the construct accepts nothing else), so the table scales on writes.
   */
  static void provisionedTableV2(Construct c, Location billing, Workload draft) {
    ScalableTarget t =
        new ScalableTarget(
            c.scope(),
            c.id() + "/WriteScaling",
            "AWS::ApplicationAutoScaling::ScalableTarget",
            billing);
    t.declaredType = "aws-cdk-lib.aws_dynamodb.Capacity.autoscaled";
    t.dimension =
        Value.defaulted(
            "dynamodb:table:WriteCapacityUnits",
            ConstructMappers.constructDefault(
                c,
                "scales write capacity: Billing.provisioned takes only Capacity.autoscaled for writes"));
    ResourceRef scaled = new ResourceRef(c.scope(), c.id(), null);
    t.resourceRefs = List.of(scaled);
    t.references.add(scaled);
    draft.add(t);
  }
}
