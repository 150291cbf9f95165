package dev.relplan.rules.resilience;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import dev.relplan.source.Location;
import java.util.*;
import java.util.Map;

/** A function allowed to run longer than the API in front of it waits. */
public final class LambdaTimeoutGeApigw extends BaseRule {
  public LambdaTimeoutGeApigw() {
    super(
        RuleMeta.builder("REL-LAMBDA-TIMEOUT-GE-APIGW")
            .flag("RP-LAMBDA-TIMEOUT-GE-APIGW")
            .domain(Domain.RESILIENCE)
            .title("Lambda timeout is not shorter than the API Gateway integration timeout")
            .bestPractices("REL05-BP05", "REL05-BP04")
            .impact(
                Impact.MODERATE,
                "Requests slower than the integration timeout fail with 504 while the function keeps running, wasting concurrency and hiding the real error; clients retry on top. Only the slow requests are affected.")
            .likelihood(
                Likelihood.HIGH,
                "Any slow dependency makes requests hit the gateway limit: the configuration guarantees a timeout to the caller.")
            .tier(Tier.QUICK_WIN)
            .effort("Minutes: lower the function timeout below the integration timeout")
            .services("Lambda", "API Gateway")
            .remediation(
                "Set the function Timeout below the integration timeout (29 s for REST, 30 s for HTTP APIs by default), and set the function's own client timeouts below that so it can fail fast with a useful error.")
            .advice(
                Fix.in(
                    Dialect.SERVERLESS,
                    "Set the function's timeout in serverless.yml (or provider.timeout for every function) below the integration timeout (29 s for http events, 30 s for httpApi events), and its own client timeouts below that so it fails fast with a useful error.",
                    """
                functions:
                  createRecipient:
                    handler: handler.createRecipient
                    timeout: 25
                """),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set the function's Timeout below the integration timeout (29 s for REST APIs, 30 s for HTTP APIs by default), and its own client timeouts below that so it fails fast with a useful error.",
                    """
                Function:
                  Type: AWS::Lambda::Function
                  Properties:
                    Timeout: 25
                """),
                Fix.in(
                    Dialect.SAM,
                    "Set the function's Timeout (or Globals Function Timeout) below the integration timeout (29 s for REST APIs, 30 s for HTTP APIs by default), and its own client timeouts below that so it fails fast with a useful error.",
                    """
                Function:
                  Type: AWS::Serverless::Function
                  Properties:
                    Timeout: 25
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Set the function's timeout below the integration timeout (29 s for REST APIs, 30 s for HTTP APIs by default), and its own client timeouts below that so it fails fast with a useful error.",
                    """
                resource "aws_lambda_function" "api" {
                  # ...
                  timeout = 25
                }
                """),
                Fix.in(
                        Dialect.CDK,
                        "Set the function construct's timeout below the integration timeout (LambdaIntegration and HttpLambdaIntegration wait 29 s unless their own timeout is set), and its own client timeouts below that so it fails fast with a useful error.",
                        """
                new NodejsFunction(this, 'Handler', {
                  // ...
                  timeout: Duration.seconds(25),
                });
                """)
                    .on("AWS::Lambda::Function"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.SERVERLESS,
                InputFormat.CDK)
            .build());
  }

  private static String seconds(int millis) {
    return millis % 1000 == 0 ? String.valueOf(millis / 1000) : String.valueOf(millis / 1000.0);
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    // One verdict per function, against the shortest integration timeout in front of it.
    Map<Function, List<ApiIntegration>> byFunction = new LinkedHashMap<>();
    for (ApiIntegration i : w.all(ApiIntegration.class)) {
      Resource target = w.resolve(i.function.get());
      if (target instanceof Alias a) target = w.resolve(a.function.get());
      if (target instanceof Function f)
        byFunction.computeIfAbsent(f, k -> new ArrayList<>()).add(i);
    }
    for (Map.Entry<Function, List<ApiIntegration>> e : byFunction.entrySet()) {
      Function f = e.getKey();
      Value<Integer> timeout = f.timeoutSeconds;
      ApiIntegration tightest = null;
      for (ApiIntegration i : e.getValue()) {
        if (i.timeoutMillis.unresolved()) {
          out.report(this, f, "", "", i.timeoutMillis);
          tightest = null;
          break;
        }
        if (tightest == null || i.timeoutMillis.get() < tightest.timeoutMillis.get()) tightest = i;
      }
      if (tightest == null) continue;
      if (timeout.unresolved()) {
        out.report(this, f, "", "", timeout);
        continue;
      }
      Value<Integer> limit = tightest.timeoutMillis;
      if (timeout.get() * 1000L >= limit.get()) {
        List<Location> apis = e.getValue().stream().map(i -> i.location).toList();
        out.report(
            this,
            f,
            "Function "
                + f.id
                + " can run "
                + timeout.get()
                + " s behind a "
                + seconds(limit.get())
                + " s API timeout",
            "Function "
                + f.id
                + " has "
                + Property.FUNCTION_TIMEOUT.of(f)
                + " "
                + timeout
                + " s but the "
                + tightest.apiKind
                + " API integration ("
                + tightest.location
                + ") gives up after "
                + limit.get()
                + " ms"
                + (limit.isExplicit() ? "" : " (the default)")
                + ".",
            timeout,
            Value.explicit(limit.get(), apis));
      }
    }
  }
}
