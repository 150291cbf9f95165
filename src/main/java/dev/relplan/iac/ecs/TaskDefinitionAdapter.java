package dev.relplan.iac.ecs;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.TaskDefinition;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * ECS task definitions kept as JSON (or YAML) files for a deploy pipeline to register ({@code aws
 * ecs register-task-definition --cli-input-json}, the ECS deploy actions of GitHub Actions and
 * CodePipeline): any document whose top level holds {@code containerDefinitions} and {@code
 * family}, or wraps them in {@code taskDefinition} as {@code describe-task-definition} prints them.
 * Each container's {@code essential}, {@code healthCheck} and {@code stopTimeout} are read with
 * ECS's defaults (docs/ecs-task-definition-defaults.md); once every adapter has adapted, each task
 * definition is tied to the ECS services of the scanned CloudFormation or Terraform that name its
 * family.
 */
public final class TaskDefinitionAdapter implements Adapter {
  /** The scope prefix of a task definition, followed by its file. */
  public static final String SCOPE_PREFIX = "ecs:";

  static final String DEFAULT_ESSENTIAL =
      "essential not set: ECS marks a container essential by default";
  static final String DEFAULT_STOP_TIMEOUT =
      "stopTimeout not set: ECS waits 30 seconds after SIGTERM before it kills the container";
  static final String NO_HEALTH_CHECK =
      "no healthCheck: ECS reports the container's health as UNKNOWN and acts only when it exits";

  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.OTHER && (definition(file) != null || AppSpecs.isAppSpec(file));
  }

  /** The task definition map of the file's first document, or null when it holds none. */
  static MapNode definition(SourceFile file) {
    if (file.documents().isEmpty() || !(file.documents().get(0) instanceof MapNode top))
      return null;
    MapNode def = top.get("taskDefinition") instanceof MapNode wrapped ? wrapped : top;
    return def.get("containerDefinitions") instanceof SeqNode && def.has("family") ? def : null;
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload w) {
    int containers = 0;
    List<SourceFile> appSpecs = claimed.files().stream().filter(AppSpecs::isAppSpec).toList();
    for (SourceFile f : claimed.files()) {
      if (definition(f) == null) continue;
      Workload draft = Draft.start();
      Optional<SkippedFile> stopped = FileGuard.run(f.display(), () -> map(f, draft));
      if (stopped.isPresent()) {
        skipped.add(stopped.get());
        continue;
      }
      for (TaskDefinition t : draft.all(TaskDefinition.class)) {
        containers += t.containers.size();
        t.loadBalancedBy = AppSpecs.loadBalancerBeside(f, appSpecs);
      }
      Draft.commit(draft, w);
    }
    if (!claimed.files().isEmpty())
      notes.add(
          "ECS task definitions: "
              + w.all(TaskDefinition.class).size()
              + " read from JSON files ("
              + containers
              + " container(s))");
  }

  private static void map(SourceFile f, Workload draft) {
    MapNode def = definition(f);
    MapNode.Entry familyEntry = def.entry("family");
    ScalarNode family = familyEntry.value() instanceof ScalarNode s && !s.isNull() ? s : null;
    String id = family == null ? f.display() : family.text();
    TaskDefinition t =
        new TaskDefinition(SCOPE_PREFIX + f.display(), id, familyEntry.keyLocation());
    t.family =
        family == null
            ? Value.unresolved("family is not a name", List.of(familyEntry.keyLocation()))
            : Value.explicit(family.text(), List.of(family.location()));
    t.name = t.family;
    for (Node c : ((SeqNode) def.get("containerDefinitions")).items()) {
      FileGuard.checkTime();
      if (c instanceof MapNode container) t.containers.add(container(container));
    }
    draft.add(t);
  }

  private static TaskDefinition.Container container(MapNode c) {
    ScalarNode name = c.get("name") instanceof ScalarNode s ? s : null;
    MapNode.Entry check = c.entry("healthCheck");
    Value<Boolean> healthCheck =
        check == null || check.value() instanceof ScalarNode s && s.isNull()
            ? Value.defaulted(false, NO_HEALTH_CHECK)
            : Value.explicit(true, List.of(check.keyLocation()));
    return new TaskDefinition.Container(
        name == null ? "(unnamed)" : name.text(),
        name == null ? c.location() : name.location(),
        bool(c, "essential", true, DEFAULT_ESSENTIAL),
        healthCheck,
        integer(c, "stopTimeout", 30, DEFAULT_STOP_TIMEOUT));
  }

  private static Value<Boolean> bool(MapNode c, String key, boolean otherwise, String why) {
    if (!(c.get(key) instanceof ScalarNode s) || s.isNull()) return Value.defaulted(otherwise, why);
    if (s.text().equals("true") || s.text().equals("false"))
      return Value.explicit(Boolean.parseBoolean(s.text()), List.of(s.location()));
    return Value.unresolved(
        key + " is '" + s.text() + "', not true or false", List.of(s.location()));
  }

  private static Value<Integer> integer(MapNode c, String key, int otherwise, String why) {
    if (!(c.get(key) instanceof ScalarNode s) || s.isNull()) return Value.defaulted(otherwise, why);
    try {
      return Value.explicit(Integer.parseInt(s.text().strip()), List.of(s.location()));
    } catch (NumberFormatException e) {
      return Value.unresolved(
          key + " is '" + s.text() + "', not a whole number", List.of(s.location()));
    }
  }

  /** Ties each task definition to the ECS services naming its family. */
  @Override
  public void link(Discovery.Result claimed, Workload w) {
    for (TaskDefinition t : w.all(TaskDefinition.class)) {
      if (!t.family.present()) continue;
      for (ComputeGroup g : w.all(ComputeGroup.class))
        if (g.kind == ComputeGroup.Kind.ECS_SERVICE
            && g.taskFamily.present()
            && g.taskFamily.get().equals(t.family.get())) {
          t.services.add(g);
        }
      if (!t.services.isEmpty())
        notes.add(
            "ECS task definition "
                + t.family.get()
                + " ("
                + t.location.file()
                + ") is run by "
                + String.join(", ", t.services.stream().map(g -> g.id).toList()));
    }
  }

  @Override
  public List<String> notes() {
    return notes;
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }
}
