package dev.relplan.iac.cicd;

import dev.relplan.adapt.Adapter;
import dev.relplan.discover.Discovery;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.iac.common.ServerlessDeployCommands;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.SkippedFile;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Environments that CI/CD pipelines deploy to: GitHub Actions and GitLab CI jobs name their target
 * with an {@code environment} key, CodePipeline names its stages. They are evidence of a
 * pre-production environment when one of them is not production.
 */
public final class DeploymentEnvironments implements Adapter {
  /** CI/CD definitions, and templates for their CodePipeline pipelines. */
  @Override
  public boolean claims(SourceFile file) {
    return file.kind() == FileKind.OTHER
            && (isPipelineFile(file.display()) || isScriptFile(file.display()))
        || file.kind() == FileKind.CLOUDFORMATION;
  }

  /** Makefiles, read for the {@code serverless deploy} commands of their recipes. */
  @Override
  public boolean asksFor(String fileName) {
    return MAKEFILES.contains(fileName.toLowerCase(Locale.ROOT));
  }

  private static final Set<String> MAKEFILES = Set.of("makefile", "gnumakefile");

  /** package.json scripts and Makefiles, which run deploy commands as CI jobs do. */
  static boolean isScriptFile(String display) {
    String name = display.substring(display.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    return name.equals("package.json") || MAKEFILES.contains(name);
  }

  private final List<SkippedFile> skipped = new ArrayList<>();

  /**
   * Each file is read through {@link FileGuard#run} into a workload of its own, whose evidence is
   * kept only when the whole file was read.
   */
  @Override
  public void adapt(Discovery.Result found, Workload w) {
    for (SourceFile f : found.files()) {
      Workload fileFound = new Workload();
      FileGuard.run(f.display(), () -> read(f, fileFound))
          .ifPresentOrElse(
              skipped::add,
              () -> {
                w.environments.addAll(fileFound.environments);
                w.pipelineEvidence.addAll(fileFound.pipelineEvidence);
              });
    }
  }

  /** Files it could not read, with the reason. */
  @Override
  public List<SkippedFile> skipped() {
    return skipped;
  }

  private static void read(SourceFile f, Workload w) {
    if (f.kind() == FileKind.OTHER && isPipelineFile(f.display())) {
      for (Node doc : f.documents()) environmentKeys(f, doc, w);
    } else if (f.kind() == FileKind.OTHER && isScriptFile(f.display())) {
      scriptDeploys(f, w);
    }
    if (f.kind() == FileKind.CLOUDFORMATION
        && f.document() instanceof MapNode root
        && root.get("Resources") instanceof MapNode resources) {
      for (MapNode.Entry e : resources.entries()) codePipelineStages(f, e.value(), w);
    }
  }

  static boolean isPipelineFile(String display) {
    String p = display.toLowerCase(java.util.Locale.ROOT);
    return p.contains(".github/workflows/")
        || p.endsWith(".circleci/config.yml")
        || p.endsWith(".gitlab-ci.yml")
        || p.endsWith(".gitlab-ci.yaml")
        || p.contains("azure-pipelines")
        || p.endsWith("bitbucket-pipelines.yml");
  }

  /**
   * Every {@code environment: name} or {@code environment: {name: ...}} in the document, walked
   * without recursion.
   */
  private static void environmentKeys(SourceFile f, Node doc, Workload w) {
    Deque<Node> todo = new ArrayDeque<>();
    if (doc != null) todo.push(doc);
    int visited = 0;
    while (!todo.isEmpty() && visited++ < 200_000) {
      Node n = todo.pop();
      if (n instanceof MapNode m) {
        for (MapNode.Entry e : m.entries()) {
          if (e.key().equals("when")
              && e.value() instanceof ScalarNode when
              && "manual".equals(when.text())) {
            w.pipelineEvidence.add(
                new Workload.PipelineEvidence(
                    Workload.PipelineEvidence.APPROVAL_GATE,
                    "manual job in " + f.display(),
                    e.keyLocation()));
          }
          if (isRollbackName(e.key())
              || (e.key().equals("name")
                  && e.value() instanceof ScalarNode stepName
                  && isRollbackName(stepName.text()))) {
            w.pipelineEvidence.add(
                new Workload.PipelineEvidence(
                    Workload.PipelineEvidence.ROLLBACK_STEP,
                    "rollback job or step in " + f.display(),
                    e.keyLocation()));
          }
          if (e.key().equals("environment")) {
            Node v = e.value();
            if (v instanceof MapNode vm && vm.get("name") instanceof ScalarNode s) v = s;
            if (v instanceof ScalarNode s && s.text() != null && !s.text().contains("${")) {
              w.environments.add(
                  new Workload.EnvironmentEvidence(
                      s.text(), "deployment environment in " + f.display(), s.location()));
            }
          }
          todo.push(e.value());
        }
      } else if (n instanceof SeqNode s) {
        s.items().forEach(todo::push);
      } else if (n instanceof ScalarNode s) {
        deploys(f, s, w);
      }
    }
  }

  /** The stages {@code serverless deploy} commands in a job's script deploy to. */
  private static void deploys(SourceFile f, ScalarNode script, Workload w) {
    ServerlessDeployCommands.inScalar(f, script).forEach(d -> w.environments.add(evidence(f, d)));
  }

  /** Deploy commands in package.json scripts and Makefile recipes. */
  private static void scriptDeploys(SourceFile f, Workload w) {
    ServerlessDeployCommands.inScripts(f).forEach(d -> w.environments.add(evidence(f, d)));
  }

  private static Workload.EnvironmentEvidence evidence(
      SourceFile f, ServerlessDeployCommands.Found d) {
    return new Workload.EnvironmentEvidence(
        d.stage(), "serverless deploy --stage in " + f.display(), d.location());
  }

  /** A job, step or key named for rolling back (rollback, roll-back, roll_back, undo-deploy). */
  static boolean isRollbackName(String s) {
    if (s == null) return false;
    String n =
        s.toLowerCase(java.util.Locale.ROOT).replace("-", "").replace("_", "").replace(" ", "");
    return n.contains("rollback") || n.contains("undodeploy");
  }

  private static void codePipelineStages(SourceFile f, Node resource, Workload w) {
    if (!(resource instanceof MapNode r)
        || !(r.get("Type") instanceof ScalarNode t)
        || !"AWS::CodePipeline::Pipeline".equals(t.text())) return;
    if (!(r.get("Properties") instanceof MapNode p) || !(p.get("Stages") instanceof SeqNode stages))
      return;
    for (Node stage : stages.items()) {
      if (!(stage instanceof MapNode sm)) continue;
      if (sm.get("Name") instanceof ScalarNode name && name.text() != null) {
        w.environments.add(
            new Workload.EnvironmentEvidence(
                name.text(), "CodePipeline stage in " + f.display(), name.location()));
      }
      if (sm.get("Actions") instanceof SeqNode actions) {
        for (Node action : actions.items()) {
          if (action instanceof MapNode am
              && am.get("ActionTypeId") instanceof MapNode type
              && type.get("Category") instanceof ScalarNode category
              && "Approval".equals(category.text())) {
            w.pipelineEvidence.add(
                new Workload.PipelineEvidence(
                    Workload.PipelineEvidence.APPROVAL_GATE,
                    "CodePipeline approval action in " + f.display(),
                    am.location()));
          }
        }
      }
    }
  }
}
