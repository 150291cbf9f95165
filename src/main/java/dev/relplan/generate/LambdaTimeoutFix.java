package dev.relplan.generate;

import dev.relplan.model.Alias;
import dev.relplan.model.ApiIntegration;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import java.util.Set;

/**
 * REL-LAMBDA-TIMEOUT-GE-APIGW: a CloudFormation/SAM function's Timeout set to the largest whole
 * second below the shortest integration timeout in front of it (28 behind a REST API's 29 s).
 */
final class LambdaTimeoutFix implements MechanicalFix {
  @Override
  public Set<String> rules() {
    return Set.of("REL-LAMBDA-TIMEOUT-GE-APIGW");
  }

  @Override
  public boolean edits(Resource r) {
    return Fixes.inTemplate(r)
        && r instanceof Function
        && ("AWS::Lambda::Function".equals(r.writtenType())
            || "AWS::Serverless::Function".equals(r.writtenType()));
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    Function f = (Function) t.subject;
    Integer limitMillis = shortestIntegrationTimeout(f, t.workload);
    if (limitMillis == null) return FixOutcome.left("its API integration timeout is not known");
    int seconds = (limitMillis - 1) / 1000;
    if (seconds < 1)
      return FixOutcome.left(
          "its API integration times out within a second: raise the integration timeout instead");
    String where =
        f.timeoutSeconds.trace().isEmpty()
            ? "not located"
            : f.timeoutSeconds.trace().stream()
                .map(l -> t.texts.relative(l.file()) + ":" + l.line())
                .reduce((a, b) -> a + ", " + b)
                .orElseThrow();
    return CloudFormationFixes.timeout(t.file().template(), f.id, seconds, where);
  }

  /** The shortest known timeout of the API integrations invoking the function or an alias of it. */
  static Integer shortestIntegrationTimeout(Function f, Workload w) {
    Integer shortest = null;
    for (ApiIntegration i : w.all(ApiIntegration.class)) {
      Resource target = w.resolve(i.function.get());
      if (target instanceof Alias a) target = w.resolve(a.function.get());
      if (target != f || !i.timeoutMillis.present()) continue;
      if (shortest == null || i.timeoutMillis.get() < shortest) shortest = i.timeoutMillis.get();
    }
    return shortest;
  }
}
