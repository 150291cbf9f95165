package dev.relplan.iac.compose;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.ComposeTypes;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.ContainerDependency;
import dev.relplan.model.Value;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import java.util.List;
import java.util.Map;

/**
 * A Compose service as a compute group of its containers: how many run, what restarts them, whether
 * they are health-checked, and what they wait for. Defaults are the Compose Specification's, cited
 * in docs/compose-defaults.md.
 */
final class ServiceMapper {
  static final String DEFAULT_REPLICAS =
      "deploy.replicas not set: Compose runs one container (deploy.replicas defaults to 1)";

  static final String DEFAULT_RESTART =
      "restart not set: Compose's default is \"no\", so a container that exits stays down";

  private ServiceMapper() {}

  static ComputeGroup map(
      ComposeProject.Service service,
      String scope,
      String folder,
      Value<String> projectEnvironment,
      Map<String, SourceFile> dockerfiles) {
    MapNode def = service.definition();
    ComputeGroup g =
        new ComputeGroup(scope, service.name(), ComposeTypes.SERVICE, service.location());
    g.kind = ComputeGroup.Kind.COMPOSE_SERVICE;
    g.replication = ComputeGroup.Replication.COUNT;
    g.name = Value.explicit(service.name(), List.of(service.location()));
    g.environment = projectEnvironment;
    g.desired = replicas(def, service.incomplete());
    if ("global".equals(text(Nodes.scalar(def, "deploy", "mode")))) {
      g.replication = ComputeGroup.Replication.PER_NODE;
      g.desired = Value.absent();
    }
    g.restartPolicy = restart(def, service.incomplete());
    g.healthCheck = healthCheck(def, folder, dockerfiles, service.incomplete());
    dependencies(def, g);
    ServiceCode.read(def, folder, g);
    return g;
  }

  private static Value<Integer> replicas(MapNode def, String incomplete) {
    ScalarNode replicas = Nodes.scalar(def, "deploy", "replicas");
    if (replicas == null) replicas = Nodes.scalar(def, "scale");
    if (replicas == null)
      return incomplete != null
          ? Value.unresolved(incomplete, List.of())
          : Value.defaulted(1, DEFAULT_REPLICAS);
    Value<String> text = Interpolation.of(replicas);
    if (!text.present()) return text.map(x -> 0);
    try {
      return Value.explicit(Integer.parseInt(text.get().strip()), text.trace());
    } catch (NumberFormatException e) {
      return Value.unresolved("replicas is '" + text.get() + "', not a whole number", text.trace());
    }
  }

  /** deploy.restart_policy decides when set (its condition defaults to any), else restart. */
  private static Value<String> restart(MapNode def, String incomplete) {
    MapNode policy = Nodes.map(def, "deploy", "restart_policy");
    if (policy != null) {
      ScalarNode condition = Nodes.scalar(policy, "condition");
      if (condition == null)
        return Value.explicit("any", List.of(Nodes.at(def, "deploy").location()));
      return Interpolation.of(condition);
    }
    ScalarNode restart = Nodes.scalar(def, "restart");
    if (restart != null) return Interpolation.of(restart);
    return incomplete != null
        ? Value.unresolved(incomplete, List.of())
        : Value.defaulted("no", DEFAULT_RESTART);
  }

  /**
   * True when the policy restarts a container that exits (any, always, on-failure, unless-stopped).
   */
  static boolean restarts(String policy) {
    return !policy.equals("no") && !policy.equals("none");
  }

  private static Value<Boolean> healthCheck(
      MapNode def, String folder, Map<String, SourceFile> dockerfiles, String incomplete) {
    MapNode.Entry entry = def.entry("healthcheck");
    MapNode check = entry != null && entry.value() instanceof MapNode m ? m : null;
    if (check != null) {
      ScalarNode disable = Nodes.scalar(check, "disable");
      if (disable != null && disable.text().equals("true"))
        return Value.explicit(false, List.of(disable.location()));
      Node test = withoutNull(Nodes.at(check, "test"));
      ScalarNode first =
          test instanceof ScalarNode s
              ? s
              : Nodes.seq(check, "test").isEmpty()
                  ? null
                  : Nodes.scalar(Nodes.seq(check, "test").get(0));
      if (first != null && first.text().equals("NONE"))
        return Value.explicit(false, List.of(first.location()));
      if (test != null) return Value.explicit(true, List.of(entry.keyLocation()));
    }
    if (incomplete != null) return Value.unresolved(incomplete, List.of());
    return imageHealthCheck(def, folder, dockerfiles);
  }

  /** Without a test in the Compose file, the image's own HEALTHCHECK applies. */
  private static Value<Boolean> imageHealthCheck(
      MapNode def, String folder, Map<String, SourceFile> dockerfiles) {
    Node build = withoutNull(Nodes.at(def, "build"));
    if (build != null) {
      ScalarNode context = build instanceof ScalarNode s ? s : Nodes.scalar(build, "context");
      ScalarNode dockerfile = Nodes.scalar(build, "dockerfile");
      String contextPath = context == null ? "." : context.text();
      String path =
          ComposeProject.resolve(
              ComposeProject.resolve(folder, contextPath),
              dockerfile == null ? "Dockerfile" : dockerfile.text());
      SourceFile file =
          contextPath.contains("://") || contextPath.contains("$") ? null : dockerfiles.get(path);
      if (file != null) return Dockerfiles.healthCheck(file, text(Nodes.scalar(build, "target")));
      return Value.unresolved(
          "no healthcheck in the Compose file, and its Dockerfile ("
              + path
              + ") is not among the scanned files",
          List.of(build.location()));
    }
    ScalarNode image = Nodes.scalar(def, "image");
    return Value.unresolved(
        "no healthcheck in the Compose file; the image "
            + (image == null ? "" : "'" + image.text() + "' ")
            + "may declare a HEALTHCHECK, which relplan cannot see without pulling it",
        image == null ? List.of() : List.of(image.location()));
  }

  private static void dependencies(MapNode def, ComputeGroup g) {
    Node dependsOn = Nodes.at(def, "depends_on");
    if (dependsOn instanceof MapNode m) {
      for (MapNode.Entry e : m.entries()) {
        ScalarNode condition = Nodes.scalar(e.value(), "condition");
        Value<String> waits =
            condition != null
                ? Value.explicit(condition.text(), List.of(condition.location()))
                : Value.defaulted(
                    ContainerDependency.STARTED,
                    "no condition: Compose waits only for the container to start");
        g.dependsOn.add(new ContainerDependency(e.key(), waits, e.keyLocation()));
      }
    } else {
      for (Node item : Nodes.seq(def, "depends_on"))
        if (item instanceof ScalarNode s && !s.isNull())
          g.dependsOn.add(
              new ContainerDependency(
                  s.text(),
                  Value.defaulted(
                      ContainerDependency.STARTED,
                      "short syntax: Compose waits only for the container to start"),
                  s.location()));
    }
  }

  /** A key left empty ({@code build:}, {@code test:}) sets nothing: the node, or null for those. */
  private static Node withoutNull(Node n) {
    return n instanceof ScalarNode s && s.isNull() ? null : n;
  }

  private static String text(ScalarNode s) {
    return s == null ? null : s.text();
  }
}
