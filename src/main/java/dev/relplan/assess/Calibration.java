package dev.relplan.assess;

import dev.relplan.model.ApiStage;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.LoadBalancer;
import dev.relplan.model.Queue;
import dev.relplan.model.Stream;
import dev.relplan.model.Workload;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Incident;
import dev.relplan.rules.Likelihood;
import java.util.ArrayList;
import java.util.List;

/**
 * Adjusts ratings to the kind of workload: in a data pipeline (streams and queues, no request front
 * end) losing a message is worse than delaying it, so durability gaps rate more likely.
 */
final class Calibration {
  private Calibration() {}

  /** Why the workload is a data pipeline, or null. */
  static String dataPipeline(Workload w) {
    boolean frontEnd = !w.all(ApiStage.class).isEmpty() || !w.all(LoadBalancer.class).isEmpty();
    int streams = w.all(Stream.class).size();
    int consumers = w.all(EventSourceMapping.class).size();
    int queues = w.all(Queue.class).size();
    if (frontEnd || (streams == 0 && consumers == 0)) return null;
    return "judged a data pipeline: "
        + streams
        + " stream(s), "
        + queues
        + " queue(s) and "
        + consumers
        + " event consumer(s), and no API or load balancer in front; durability gaps are rated more likely";
  }

  /**
   * Findings on components a past incident affected are rated as likely as it gets: it already
   * happened.
   */
  static List<Finding> incidents(List<Finding> findings, List<Incident> incidents) {
    if (incidents.isEmpty()) return findings;
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      Incident hit =
          incidents.stream().filter(i -> i.affects(f.resource())).findFirst().orElse(null);
      if (hit == null || f.likelihood() == Likelihood.HIGH) {
        out.add(f);
      } else {
        out.add(
            f.withLikelihood(
                Likelihood.HIGH,
                f.likelihoodReason()
                    + " Raised: past incident '"
                    + hit.title()
                    + "'"
                    + (hit.date().isEmpty() ? "" : " (" + hit.date() + ")")
                    + " affected "
                    + f.resource()
                    + "."));
      }
    }
    return out;
  }

  static List<Finding> apply(List<Finding> findings, String pipelineReason) {
    if (pipelineReason == null) return findings;
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      boolean durability =
          f.rule().domain() == Domain.RECOVERY || f.rule().id().equals("REL-ASYNC-NO-DLQ");
      if (durability && f.likelihood() != Likelihood.HIGH) {
        out.add(
            f.withLikelihood(
                Likelihood.HIGH,
                f.likelihoodReason()
                    + " Raised: in a data pipeline message or record loss is worse than delay."));
      } else {
        out.add(f);
      }
    }
    return out;
  }
}
