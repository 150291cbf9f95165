package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** Critical functions that share the account's concurrency pool with everything else. */
public final class LambdaNoReservedConcurrency extends BaseRule {
  public LambdaNoReservedConcurrency() {
    super(
        RuleMeta.builder("REL-LAMBDA-NO-RESERVED-CONCURRENCY")
            .flag("SC-LAMBDA-NO-RESERVED-CONCURRENCY")
            .domain(Domain.SCALING)
            .title("Critical Lambda function has no reserved concurrency")
            .bestPractices("REL01-BP03", "REL05-BP02", "REL10-BP03")
            .impact(
                Impact.SEVERE,
                "Another function's burst can use up the account's concurrency and throttle this one, or this one can exhaust a downstream database.")
            .likelihood(
                Likelihood.MEDIUM,
                "Bursts in any function of the account, or a retry storm, are enough.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: reserve concurrency sized from peak load")
            .services("Lambda")
            .remediation(
                "Set ReservedConcurrentExecutions on critical functions, sized from measured peak concurrency, so they are guaranteed capacity and bounded against downstream overload.")
            .advice(
                Fix.in(
                    Dialect.CDK_PYTHON,
                    "Set reserved_concurrent_executions on the function construct, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                lambda_.Function(
                    self, "Worker",
                    # ...
                    reserved_concurrent_executions=50,
                )
                """),
                Fix.in(
                    Dialect.CDK,
                    "Set reservedConcurrentExecutions on the function construct, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                new lambda.Function(this, 'Worker', {
                  // ...
                  reservedConcurrentExecutions: 50,
                });
                """),
                Fix.in(
                    Dialect.SERVERLESS,
                    "Set reservedConcurrency on the function in serverless.yml, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                functions:
                  placeOrder:
                    handler: src/orders.handler
                    reservedConcurrency: 50
                """),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set ReservedConcurrentExecutions on the function, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                Function:
                  Type: AWS::Lambda::Function
                  Properties:
                    ReservedConcurrentExecutions: 50
                """),
                Fix.in(
                    Dialect.SAM,
                    "Set ReservedConcurrentExecutions on the function, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                Function:
                  Type: AWS::Serverless::Function
                  Properties:
                    ReservedConcurrentExecutions: 50
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Set reserved_concurrent_executions on the function, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                resource "aws_lambda_function" "orders" {
                  # ...
                  reserved_concurrent_executions = 50
                }
                """),
                Fix.in(
                    Dialect.CDK_JAVA,
                    "Call reservedConcurrentExecutions on the function's builder, sized from measured peak concurrency, so it is guaranteed capacity and bounded against downstream overload.",
                    """
                Function.Builder.create(this, "Worker")
                    // ...
                    .reservedConcurrentExecutions(50)
                    .build();
                """))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.SERVERLESS,
                InputFormat.CDK,
                InputFormat.CDK_PYTHON)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (Function f : w.all(Function.class)) {
      String why = criticality(f);
      if (why == null) continue;
      if (f.reservedConcurrency.present()) {
        out.strength(
            this,
            "Function " + f.id + " has reserved concurrency " + f.reservedConcurrency.get(),
            Findings.evidence(f, f.reservedConcurrency));
      } else if (f.reservedConcurrency.unresolved()) {
        out.report(this, f, "", "", f.reservedConcurrency);
      } else {
        out.report(
            this,
            f,
            "Function " + f.id + " has no reserved concurrency",
            "Function "
                + f.id
                + " is judged critical because it "
                + why
                + ", and it has no "
                + Property.RESERVED_CONCURRENCY.of(f)
                + ".");
      }
    }
  }

  /**
   * Why a function is critical (it serves synchronous traffic or consumes a queue or stream), or
   * null.
   */
  static String criticality(Function f) {
    for (Function.Trigger t : f.triggers) {
      if (t.kind().startsWith("API") || t.kind().equals("ALB"))
        return "serves synchronous API traffic (" + t.location() + ")";
    }
    for (Function.Trigger t : f.triggers) {
      if (List.of("SQS", "KINESIS", "DYNAMODB", "KAFKA").contains(t.kind()))
        return "consumes a " + t.kind() + " event source (" + t.location() + ")";
    }
    return null;
  }
}
