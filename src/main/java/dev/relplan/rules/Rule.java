package dev.relplan.rules;

import dev.relplan.model.Workload;

/** One reliability check, written once against the workload model. */
public interface Rule {
  RuleMeta meta();

  void check(Workload workload, Context context, Findings out);
}
