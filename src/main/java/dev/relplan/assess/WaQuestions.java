package dev.relplan.assess;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 13 questions of the current Well-Architected reliability pillar, and what would decide each
 * statically.
 */
final class WaQuestions {
  static final Map<String, String> TITLES = new LinkedHashMap<>();
  static final Map<String, String> DECIDING = new LinkedHashMap<>();

  static {
    q(
        "REL1",
        "How do you manage Service Quotas and constraints?",
        "CloudWatch alarms on AWS/Usage metrics, Service Quotas requests, reserved concurrency");
    q(
        "REL2",
        "How do you plan your network topology?",
        "VPC subnets per Availability Zone, NAT gateway per zone, load balancers across zones");
    q(
        "REL3",
        "How do you design your workload service architecture?",
        "service boundaries and API contracts (OpenAPI/AsyncAPI specs, per-service stacks); architecture review is not visible in IaC");
    q(
        "REL4",
        "How do you design interactions in a distributed system to prevent failures?",
        "queues between services with dead-letter queues, idempotency handling, dependency inventory in application code");
    q(
        "REL5",
        "How do you design interactions in a distributed system to mitigate or withstand failures?",
        "throttling, timeouts shorter than callers', retries with backoff, circuit breakers and fallbacks in code");
    q(
        "REL6",
        "How do you monitor workload resources?",
        "CloudWatch alarms with actions, dashboards, tracing and log configuration");
    q(
        "REL7",
        "How do you design your workload to adapt to changes in demand?",
        "Auto Scaling policies, Application Auto Scaling targets, on-demand capacity modes, load test scripts");
    q(
        "REL8",
        "How do you implement change?",
        "deployment configurations (canary/linear), automatic rollback, pipeline stages and pre-production environments");
    q(
        "REL9",
        "How do you back up data?",
        "AWS Backup plans and selections, point-in-time recovery, versioning, retention settings, restore tests");
    q(
        "REL10",
        "How do you use fault isolation to protect your workload?",
        "Multi-AZ databases and caches, compute across zones, cells or bulkheads");
    q(
        "REL11",
        "How do you design your workload to withstand component failures?",
        "health checks that replace failed components, automatic failover, DNS failover health checks, alarms");
    q(
        "REL12",
        "How do you test reliability?",
        "AWS FIS experiments, game-day and incident playbooks, load tests, restore tests");
    q(
        "REL13",
        "How do you plan for disaster recovery (DR)?",
        "cross-Region copies or replicas, DR runbooks, stated RTO/RPO, DR drills");
  }

  /**
   * Said once in the report: two titles follow the current Well-Architected Framework rather than
   * the older wording the plan template quotes (REL 3 was "How does your system adapt to changes in
   * demand?", a question REL 7 now asks).
   */
  static final String WORDING_NOTE =
      "REL 3 and REL 5 use the current Well-Architected titles (\"How do you design your workload"
          + " service architecture?\", \"How do you design interactions in a distributed system to"
          + " mitigate or withstand failures?\"); older versions titled them \"How does your system"
          + " adapt to changes in demand?\" (now REL 7) and \"How do you design interactions to"
          + " mitigate or withstand failures?\".";

  private static void q(String id, String title, String deciding) {
    TITLES.put(id, title);
    DECIDING.put(id, deciding);
  }

  private WaQuestions() {}

  /** "REL05-BP02" → "REL5". */
  static String questionOf(String bestPractice) {
    return QUESTION_OF.computeIfAbsent(
        bestPractice, bp -> "REL" + Integer.parseInt(bp.substring(3, 5)));
  }

  /** Asked for every finding's practices once per question: a few dozen distinct names. */
  private static final Map<String, String> QUESTION_OF = new ConcurrentHashMap<>();
}
