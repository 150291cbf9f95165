package dev.relplan.adapt;

import dev.relplan.model.Resource;
import dev.relplan.model.Workload;

/**
 * One file's (or one root module's) share of the model, built apart and added to the workload only
 * when its work completed: a file stopped half-way by {@code FileGuard} leaves nothing behind.
 */
public final class Draft {
  private Draft() {}

  /** An empty draft. */
  public static Workload start() {
    return new Workload();
  }

  /** Adds what the draft holds to the workload, in the draft's order. */
  public static void commit(Workload draft, Workload base) {
    for (Resource r : draft.resources()) base.add(r);
    base.environments.addAll(draft.environments);
    base.pipelineEvidence.addAll(draft.pipelineEvidence);
    base.coverageGaps.addAll(draft.coverageGaps);
    draft.notAssessedTypes.forEach((type, n) -> base.notAssessedTypes.merge(type, n, Integer::sum));
    base.codeFilesAnalyzed += draft.codeFilesAnalyzed;
    base.integrations.addAll(draft.integrations);
    base.healthEndpoints.addAll(draft.healthEndpoints);
    base.eventHandlers.addAll(draft.eventHandlers);
    base.breakingMigrations.addAll(draft.breakingMigrations);
    base.requestTimeouts.addAll(draft.requestTimeouts);
  }
}
