package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** API stages that accept any request rate up to the account limit. */
public final class ApiNoThrottling extends BaseRule {
  public ApiNoThrottling() {
    super(
        RuleMeta.builder("REL-API-NO-THROTTLING")
            .flag("SC-NO-THROTTLING")
            .domain(Domain.SCALING)
            .title("API has no throttling for overload")
            .bestPractices("REL05-BP02", "REL05-BP04")
            .impact(
                Impact.SEVERE,
                "A traffic spike or abusive client passes straight to the backends, which overload and fail for every caller.")
            .likelihood(
                Likelihood.MEDIUM,
                "Traffic spikes, retries and misbehaving clients are ordinary events.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: stage throttling and usage plans sized from load tests")
            .services("API Gateway")
            .remediation(
                "Set stage-level throttling (MethodSettings ThrottlingRateLimit/ThrottlingBurstLimit on /*/*, or DefaultRouteSettings for HTTP APIs) and per-client usage plans, sized from load tests.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ApiStage s : w.all(ApiStage.class)) {
      boolean usagePlan =
          w.all(UsagePlan.class).stream()
              .anyMatch(
                  u ->
                      u.throttleRate.present()
                          && u.apis.present()
                          && u.apis.get().stream()
                              .anyMatch(
                                  a ->
                                      a instanceof ResourceRef r
                                          && s.api.get() instanceof ResourceRef sr
                                          && r.key().equals(sr.key())));
      if (s.throttleRate.present() || s.throttleBurst.present() || usagePlan) {
        out.strength(
            this,
            "API stage " + s.id + " is throttled",
            Findings.evidence(s, s.throttleRate, s.throttleBurst));
      } else if (s.throttleRate.unresolved() || s.throttleBurst.unresolved()) {
        out.report(this, s, "", "", s.throttleRate.unresolved() ? s.throttleRate : s.throttleBurst);
      } else {
        out.report(
            this,
            s,
            "API stage " + s.id + " has no throttling",
            (s.apiKind.equals("HTTP") ? "HTTP API" : "REST API")
                + " stage "
                + s.id
                + " sets no stage-level rate or burst limit and no usage plan throttles it: only the account-wide Regional limit applies.");
      }
    }
  }
}
