package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** No alarm watches service quota usage. */
public final class QuotaNoAlarms extends BaseRule {
  public QuotaNoAlarms() {
    super(
        RuleMeta.builder("REL-QUOTA-NO-ALARMS")
            .flag("SC-NO-QUOTA-ALARMS")
            .domain(Domain.SCALING)
            .title("No service quota alarms")
            .bestPractices("REL01-BP01", "REL01-BP04", "REL01-BP05")
            .impact(
                Impact.SEVERE,
                "Scaling or failover stops at a quota (vCPUs, Lambda concurrency, ENIs) exactly when capacity is needed most.")
            .likelihood(
                Likelihood.MEDIUM,
                "Growth and failover both consume quota silently until a request is refused.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: CloudWatch alarms on AWS/Usage metrics with SERVICE_QUOTA()")
            .services("CloudWatch", "Service Quotas")
            .remediation(
                "Create CloudWatch alarms on the AWS/Usage metrics the workload depends on (e.g. EC2 vCPUs, Lambda ConcurrentExecutions) using SERVICE_QUOTA() at 80% and request increases ahead of growth.")
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Alarm> quota = w.all(Alarm.class).stream().filter(QuotaNoAlarms::watchesQuota).toList();
    if (!quota.isEmpty()) {
      out.strength(
          this,
          quota.size() + " alarm(s) watch service quota usage",
          quota.stream().map(a -> a.location).toList());
      return;
    }
    // AWS compute only: a Kubernetes or Compose repository declares no AWS capacity whose quota it
    // could watch (its nodes or hosts, if on AWS, are declared elsewhere).
    boolean hasCompute =
        w.all(ComputeGroup.class).stream().anyMatch(ComputeGroup::runsOnAws)
            || !w.all(Function.class).isEmpty();
    if (!hasCompute) return;
    out.reportAbsence(
        this,
        w,
        "No service quota alarms",
        "Searched every CloudWatch alarm for the AWS/Usage namespace or a SERVICE_QUOTA() expression: none found ("
            + w.all(Alarm.class).size()
            + " alarm(s) scanned).");
  }

  static boolean watchesQuota(Alarm a) {
    if ("AWS/Usage".equals(a.namespace.orElse(""))) return true;
    if (a.metricNamespaces.contains("AWS/Usage")) return true;
    return a.expressions.stream()
        .anyMatch(e -> e.toUpperCase(Locale.ROOT).contains("SERVICE_QUOTA"));
  }
}
