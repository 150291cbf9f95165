package dev.relplan.iac.ecs;

import dev.relplan.discover.SourceFile;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Locale;

/**
 * CodeDeploy AppSpec files of ECS deployments ({@code appspec.yaml}, {@code appspec.yml}, {@code
 * appspec.json}): a {@code TargetService} whose properties name {@code LoadBalancerInfo} is
 * deployed behind a load balancer (CodeDeploy's ECS blue/green deployments require one). Pipelines
 * keep the AppSpec beside the task definition file they register, so one in the same folder speaks
 * for it.
 */
final class AppSpecs {
  private AppSpecs() {}

  static boolean isAppSpec(SourceFile file) {
    String display = file.display();
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.startsWith("appspec.")
        && !file.documents().isEmpty()
        && file.documents().get(0) instanceof MapNode top
        && top.get("Resources") instanceof SeqNode;
  }

  /** The LoadBalancerInfo line of an AppSpec in the task definition file's folder, or null. */
  static Location loadBalancerBeside(SourceFile taskDefinition, List<SourceFile> appSpecs) {
    String folder = folder(taskDefinition.display());
    for (SourceFile spec : appSpecs) {
      if (!folder(spec.display()).equals(folder)) continue;
      for (Node resource :
          ((SeqNode) ((MapNode) spec.documents().get(0)).get("Resources")).items()) {
        if (!(resource instanceof MapNode r)) continue;
        for (MapNode.Entry e : r.entries())
          if (e.value() instanceof MapNode target
              && target.get("Properties") instanceof MapNode properties
              && properties.entry("LoadBalancerInfo") != null)
            return properties.entry("LoadBalancerInfo").keyLocation();
      }
    }
    return null;
  }

  private static String folder(String display) {
    int slash = display.lastIndexOf('/');
    return slash < 0 ? "" : display.substring(0, slash);
  }
}
