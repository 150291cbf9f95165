package dev.relplan.model;

/** Repository files that are evidence by their presence: runbooks, load tests, restore tests. */
public enum EvidenceKind {
  DR_RUNBOOK("disaster-recovery or failover runbook"),
  RUNBOOK("operational runbook or playbook"),
  LOAD_TEST("load test script"),
  RESTORE_TEST("backup restore test or drill script"),
  CHAOS_EXPERIMENT("chaos experiment definition"),
  POSTMORTEM("post-incident review");

  public final String description;

  EvidenceKind(String description) {
    this.description = description;
  }
}
