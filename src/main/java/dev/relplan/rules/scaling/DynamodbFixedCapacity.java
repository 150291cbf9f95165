package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Provisioned DynamoDB tables that throttle when traffic exceeds fixed capacity. */
public final class DynamodbFixedCapacity extends BaseRule {
  public DynamodbFixedCapacity() {
    super(
        RuleMeta.builder("REL-DYNAMODB-FIXED-CAPACITY")
            .domain(Domain.SCALING)
            .title("DynamoDB table has fixed provisioned capacity")
            .bestPractices("REL07-BP01")
            .impact(
                Impact.MODERATE,
                "Requests above the provisioned capacity are throttled, failing writes or reads for part of the traffic.")
            .likelihood(Likelihood.MEDIUM, "Traffic above the fixed capacity is enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: on-demand mode or Application Auto Scaling")
            .services("DynamoDB", "Application Auto Scaling")
            .remediation(
                "Switch the table to PAY_PER_REQUEST, or register read and write capacity with Application Auto Scaling using target tracking.")
            .advice(
                Fix.in(
                    Dialect.CDK,
                    "Bill the table on demand (billingMode: PAY_PER_REQUEST), or keep it provisioned and scale it: autoScaleReadCapacity / autoScaleWriteCapacity with scaleOnUtilization (the Table construct is provisioned at 5 units by default).",
                    """
                const table = new dynamodb.Table(this, 'Table', {
                  // ...
                  billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
                });
                """),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Switch the table to on-demand (BillingMode: PAY_PER_REQUEST and no ProvisionedThroughput), or register read and write capacity with Application Auto Scaling (AWS::ApplicationAutoScaling::ScalableTarget for dynamodb:table:WriteCapacityUnits with a target tracking policy).",
                    """
                Table:
                  Type: AWS::DynamoDB::Table
                  Properties:
                    BillingMode: PAY_PER_REQUEST
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Switch the table to on-demand (billing_mode = \"PAY_PER_REQUEST\", without read_capacity/write_capacity), or register capacity with an aws_appautoscaling_target for dynamodb:table:WriteCapacityUnits and a target tracking aws_appautoscaling_policy.",
                    """
                resource "aws_dynamodb_table" "orders" {
                  # ...
                  billing_mode = "PAY_PER_REQUEST"
                }
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Table t : w.all(Table.class)) {
      if (t.billingMode.unresolved()) {
        out.report(this, t, "", "", t.billingMode);
      } else if ("PROVISIONED".equalsIgnoreCase(t.billingMode.orElse(""))
          && t.scalableTargets.isEmpty()) {
        out.report(
            this,
            t,
            "DynamoDB table " + t.id + " has fixed provisioned capacity",
            "Table "
                + t.id
                + " uses "
                + Property.BILLING_MODE.of(t)
                + " "
                + t.billingMode
                + " with no Application Auto Scaling target.",
            t.billingMode);
      } else if ("PAY_PER_REQUEST".equalsIgnoreCase(t.billingMode.orElse(""))) {
        out.strength(
            this,
            "DynamoDB table " + t.id + " uses on-demand capacity",
            Findings.evidence(t, t.billingMode));
      }
    }
  }
}
