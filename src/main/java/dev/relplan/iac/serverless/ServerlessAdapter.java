package dev.relplan.iac.serverless;

import dev.relplan.adapt.Adapter;
import dev.relplan.adapt.Draft;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.GeneratedTemplates;
import dev.relplan.iac.common.ServerlessDeployCommands;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Serverless Framework services ({@code serverless.yml}, {@code .yaml}, {@code .json}; v3 and v4)
 * into the same model as CloudFormation: functions as the Lambda functions the framework generates,
 * their events as event source mappings, rules, subscriptions and API integrations. Each file is
 * read into a draft under {@link FileGuard}, so a hostile one is listed as skipped.
 */
public final class ServerlessAdapter implements Adapter {
  private static final Set<String> NAMES =
      Set.of("serverless.yml", "serverless.yaml", "serverless.json");

  private final GeneratedTemplates templates;
  private final List<String> notes = new ArrayList<>();

  /**
   * @param templates evaluates the CloudFormation of a service's {@code resources}
   */
  public ServerlessAdapter(GeneratedTemplates templates) {
    this.templates = templates;
  }

  private final List<SkippedFile> skipped = new ArrayList<>();

  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.OTHER && (isService(file) || isDeployScripts(file));
  }

  /** package.json or a Makefile, whose deploy commands may choose the stage of a service beside. */
  private static boolean isDeployScripts(SourceFile file) {
    String display = file.display();
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.equals("package.json") || name.equals("makefile") || name.equals("gnumakefile");
  }

  /** The folder of a displayed file, with its trailing slash; empty at the root. */
  private static String folder(String display) {
    return display.substring(0, display.lastIndexOf('/') + 1);
  }

  /** A file named serverless.yml/.yaml/.json whose document declares a service. */
  static boolean isService(SourceFile file) {
    String display = file.display();
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return NAMES.contains(name)
        && !file.documents().isEmpty()
        && file.document() instanceof MapNode root
        && root.has("service")
        && (root.has("provider") || root.has("functions"));
  }

  @Override
  public void adapt(Discovery.Result claimed, Workload workload) {
    Map<String, List<ServerlessDeployCommands.Found>> deploysByFolder = new HashMap<>();
    for (SourceFile file : claimed.ofKind(FileKind.OTHER))
      if (isDeployScripts(file)) {
        List<ServerlessDeployCommands.Found> found = new ArrayList<>();
        // A manifest that cannot be read is listed by the CI/CD adapter reading the same file.
        FileGuard.run(file.display(), () -> found.addAll(ServerlessDeployCommands.inScripts(file)))
            .ifPresent(unread -> found.clear());
        deploysByFolder
            .computeIfAbsent(folder(file.display()), k -> new ArrayList<>())
            .addAll(found);
      }
    for (SourceFile file : claimed.ofKind(FileKind.OTHER)) {
      if (!isService(file)) continue;
      Workload draft = Draft.start();
      List<ServerlessDeployCommands.Found> deploys =
          deploysByFolder.getOrDefault(folder(file.display()), List.of());
      FileGuard.run(
              file.display(), () -> new ServiceMapper(file, draft, notes, templates, deploys).map())
          .ifPresentOrElse(skipped::add, () -> Draft.commit(draft, workload));
    }
  }

  @Override
  public List<String> notes() {
    return notes.stream().distinct().toList();
  }

  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }
}
