package dev.relplan.rules.faulttolerance;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/**
 * Route 53 failover records that cannot fail over because nothing tells Route 53 the primary is
 * down.
 */
public final class DnsFailoverNoHealthCheck extends BaseRule {
  public DnsFailoverNoHealthCheck() {
    super(
        RuleMeta.builder("REL-DNS-FAILOVER-NO-HEALTH-CHECK")
            .domain(Domain.FAULT_TOLERANCE)
            .title("DNS failover record without a health check")
            .bestPractices("REL11-BP02", "REL02-BP01")
            .impact(
                Impact.SEVERE,
                "Route 53 keeps answering with the failed primary, so the standby is never used.")
            .likelihood(
                Likelihood.LOW,
                "It matters only when the primary fails, which the failover record exists for.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: attach a health check or evaluate alias target health")
            .services("Route 53")
            .remediation(
                "Attach a Route 53 health check (HealthCheckId) to the primary failover record, or set EvaluateTargetHealth on its alias target.")
            .advice(
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Attach a health check to the PRIMARY failover record (HealthCheckId of an AWS::Route53::HealthCheck), or for an alias record set AliasTarget EvaluateTargetHealth: true.",
                    """
                PrimaryRecord:
                  Type: AWS::Route53::RecordSet
                  Properties:
                    Failover: PRIMARY
                    SetIdentifier: primary
                    HealthCheckId: !Ref PrimaryHealthCheck
                    AliasTarget:
                      DNSName: !GetAtt LoadBalancer.DNSName
                      HostedZoneId: !GetAtt LoadBalancer.CanonicalHostedZoneID
                      EvaluateTargetHealth: true
                """),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Attach a health check to the PRIMARY failover record (health_check_id of an aws_route53_health_check), or for an alias record set evaluate_target_health = true.",
                    """
                resource "aws_route53_record" "primary" {
                  # ...
                  set_identifier  = "primary"
                  health_check_id = aws_route53_health_check.primary.id
                  failover_routing_policy {
                    type = "PRIMARY"
                  }
                  alias {
                    name                   = aws_lb.primary.dns_name
                    zone_id                = aws_lb.primary.zone_id
                    evaluate_target_health = true
                  }
                }
                """))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (DnsRecord r : w.all(DnsRecord.class)) {
      boolean healthy =
          r.healthCheck.present() || (r.aliasTarget.present() && r.evaluateTargetHealth.isTrue());
      if (r.failover.unresolved() && !healthy) {
        out.report(this, r, "", "", r.failover); // may be the PRIMARY record: Cannot Determine
        continue;
      }
      if (!"PRIMARY".equalsIgnoreCase(r.failover.orElse(""))) continue;
      if (healthy) {
        out.strength(
            this,
            "Failover record " + r.id + " is health-checked",
            Findings.evidence(r, r.failover, r.healthCheck, r.evaluateTargetHealth));
      } else if (r.healthCheck.unresolved()
          || r.aliasTarget.present() && r.evaluateTargetHealth.unresolved()) {
        // A health check attached through an unresolvable parameter or condition may well exist:
        // say so instead of guessing.
        out.report(
            this,
            r,
            "",
            "",
            r.failover,
            r.healthCheck.unresolved() ? r.healthCheck : r.evaluateTargetHealth);
      } else {
        out.report(
            this,
            r,
            "Failover record " + r.id + " has no health check",
            "Primary failover record "
                + r.id
                + " has no "
                + Property.HEALTH_CHECK_ID.of(r)
                + (r.aliasTarget.present()
                    ? " and does not evaluate its alias target's health"
                    : "")
                + ": Route 53 treats it as always healthy.",
            r.failover);
      }
    }
  }
}
