package dev.relplan.iac.cdk;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Deadline;
import dev.relplan.model.Function;
import dev.relplan.model.Value;
import java.util.List;

/**
 * Which code a load-balanced Fargate service runs and how long its load balancer waits for it: the
 * folder of {@code taskImageOptions.image: ContainerImage.fromAsset(dir)}, and the Application Load
 * Balancer's {@code idleTimeout} (60 s by default: Elastic Load Balancing, "Connection idle
 * timeout"; the construct passes it to the load balancer's idle_timeout.timeout_seconds).
 */
final class ContainerCode {
  private ContainerCode() {}

  static void read(Construct c, boolean application, ComputeGroup g) {
    CdkProps p = c.props();
    Value<Object> image = p.raw("taskImageOptions.image");
    if (image.present() && image.get() instanceof Expressions.Asset asset) {
      Value<String> relative = FunctionMapper.codeFolder(c, asset.path(), image.trace());
      String file = c.location().file();
      String dir = file.contains("/") ? file.substring(0, file.lastIndexOf('/')) : "";
      g.codeFolder = relative.map(r -> Function.normalize(dir.isEmpty() ? r : dir + "/" + r));
    }
    // A Network Load Balancer passes TCP through: no HTTP request deadline.
    if (!application) return;
    Value<Double> idle = p.seconds("idleTimeout").map(Integer::doubleValue);
    if (!idle.present() && !idle.unresolved())
      idle =
          Value.<Double>defaulted(
                  60.0, "the Application Load Balancer's default idle timeout, 60 s")
              .withTrace(List.of(c.location()));
    g.requestTimeouts.add(
        new Deadline.Limit(
            "the Application Load Balancer's idle timeout",
            idle,
            "the load balancer closes the idle connection and answers 504 before the call gives"
                + " up, while the task keeps working on a request nobody waits for"));
  }
}
