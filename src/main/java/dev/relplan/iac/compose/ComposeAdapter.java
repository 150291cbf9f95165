package dev.relplan.iac.compose;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Function;
import dev.relplan.model.Resource;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Docker Compose files ({@code compose.yaml}, {@code docker-compose.yml} and their overrides): each
 * project's services become compute groups of their containers, database images stateful services
 * with the volumes they write. Dockerfiles the services build are read for their {@code
 * HEALTHCHECK}. Each project is mapped through {@link FileGuard} into a draft kept only when it was
 * read whole.
 */
public final class ComposeAdapter implements Adapter {
  /** The scope prefix of a project's resources, followed by its first file. */
  /** The environment of a Compose project beside another deployment platform. */
  static final String LOCAL_ENVIRONMENT = "local development";

  public static final String SCOPE_PREFIX = "compose:";

  private final List<String> notes = new ArrayList<>();
  private final List<SkippedFile> skipped = new ArrayList<>();

  @Override
  public boolean claims(SourceFile file) {
    String name = ComposeFiles.name(file).toLowerCase(Locale.ROOT);
    if (Dockerfiles.isDockerfile(name)) return file.kind() == FileKind.OTHER;
    return file.kind() == FileKind.OTHER
        && !file.documents().isEmpty()
        && ComposeFiles.isComposeName(name);
  }

  @Override
  public boolean asksFor(String fileName) {
    return Dockerfiles.isDockerfile(fileName);
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload w) {
    Map<String, SourceFile> composeFiles = new LinkedHashMap<>();
    Map<String, SourceFile> dockerfiles = new LinkedHashMap<>();
    for (SourceFile f : claimed.files()) {
      if (Dockerfiles.isDockerfile(ComposeFiles.name(f).toLowerCase(Locale.ROOT)))
        dockerfiles.put(f.display(), f);
      else composeFiles.put(f.display(), f);
    }
    ComposeFiles.Choice choice = ComposeFiles.choose(List.copyOf(composeFiles.values()));
    int services = 0;
    for (ComposeFiles.Project project : choice.projects()) {
      Workload draft = Draft.start();
      String display = project.files().get(0).display();
      List<String> problems = new ArrayList<>();
      List<String> projectNotes = new ArrayList<>();
      Optional<SkippedFile> stopped =
          FileGuard.run(
              display,
              () -> problems.addAll(add(projectNotes, project, composeFiles, dockerfiles, draft)));
      if (stopped.isPresent()) {
        skipped.add(stopped.get());
        continue;
      }
      for (String problem : problems) skipped.add(new SkippedFile(display, problem));
      notes.addAll(projectNotes);
      services += draft.all(ComputeGroup.class).size();
      Draft.commit(draft, w);
    }
    if (!choice.projects().isEmpty())
      notes.add(
          "Docker Compose: "
              + services
              + " service(s) read from "
              + choice.projects().size()
              + " project(s): "
              + String.join(
                  "; ", choice.projects().stream().map(ComposeFiles.Project::describe).toList()));
    notes.addAll(choice.notes());
  }

  /** Maps one project into the draft; returns what could not be read. */
  private static List<String> add(
      List<String> notes,
      ComposeFiles.Project project,
      Map<String, SourceFile> composeFiles,
      Map<String, SourceFile> dockerfiles,
      Workload draft) {
    ComposeProject read = ComposeProject.read(project.files(), composeFiles);
    String scope = SCOPE_PREFIX + project.files().get(0).display();
    List<ComputeGroup> groups = new ArrayList<>();
    List<ComposeProject.Service> started = new ArrayList<>();
    List<String> problems = new ArrayList<>(read.problems());
    List<String> profiled = new ArrayList<>();
    for (ComposeProject.Service s : read.services()) {
      FileGuard.checkTime();
      // Compose starts a service assigned to profiles only when one of them is enabled.
      if (!Nodes.seq(s.definition(), "profiles").isEmpty()) {
        profiled.add(s.name());
        continue;
      }
      started.add(s);
      groups.add(ServiceMapper.map(s, scope, project.folder(), project.environment(), dockerfiles));
    }
    for (int i = 0; i < groups.size(); i++) {
      ComputeGroup g = groups.get(i);
      if (ComposeStorage.isOneOff(g.id, groups)) g.replication = ComputeGroup.Replication.BATCH;
      draft.add(g);
      ComposeStorage.map(started.get(i), g, scope, draft);
    }
    ComposeStorage.backups(read.services(), scope, draft);
    if (!profiled.isEmpty())
      notes.add(
          "Compose: service(s) in profiles, which `docker compose up` does not start, not assessed: "
              + String.join(", ", profiled));
    return problems;
  }

  /**
   * A Compose project in a repository that also deploys its compute to Kubernetes, ECS or Lambda is
   * that workload's local development or demo setup (docs/judgment.md): its services are rated as
   * not production, unless the project itself names its environment.
   */
  @Override
  public void link(Discovery.Result claimed, Workload w) {
    List<String> platforms = otherPlatforms(w);
    if (platforms.isEmpty()) return;
    Value<String> local =
        Value.defaulted(
            LOCAL_ENVIRONMENT,
            "a Compose project beside a deployment to "
                + String.join(", ", platforms)
                + " is taken as the local development setup");
    int rated = 0;
    for (Resource r : w.resources()) {
      if (!r.scope.startsWith(SCOPE_PREFIX) || r.environment.present()) continue;
      r.environment = local;
      rated++;
    }
    if (rated > 0)
      notes.add(
          "Docker Compose: the repository deploys to "
              + String.join(", ", platforms)
              + ", so its Compose projects are taken as the local development setup and their"
              + " findings rated as not production");
  }

  /** The platforms other than Docker Compose the workload's compute runs on, in a fixed order. */
  private static List<String> otherPlatforms(Workload w) {
    Set<String> found = new TreeSet<>();
    for (ComputeGroup g : w.all(ComputeGroup.class)) {
      if (g.kind == ComputeGroup.Kind.KUBERNETES_WORKLOAD) found.add("Kubernetes");
      if (g.kind == ComputeGroup.Kind.ECS_SERVICE) found.add("ECS");
    }
    if (!w.all(Function.class).isEmpty()) found.add("Lambda");
    return List.copyOf(found);
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
