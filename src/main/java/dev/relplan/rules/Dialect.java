package dev.relplan.rules;

import dev.relplan.model.ComposeTypes;
import dev.relplan.model.Integration;
import dev.relplan.model.Resource;
import dev.relplan.model.ServerlessTypes;
import dev.relplan.model.TaskDefinition;
import dev.relplan.model.Workload;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The language a finding's subject is written in, and so the one its advice and fix snippet use: an
 * IaC dialect for resources (SAM apart from plain CloudFormation, because SAM has its own
 * properties for deployment, dead-letter queues and events), a programming language for code.
 */
public enum Dialect {
  CLOUDFORMATION("CloudFormation", "yaml"),
  SAM("SAM", "yaml"),
  SERVERLESS("Serverless Framework", "yaml"),
  TERRAFORM("Terraform", "hcl"),
  KUBERNETES("Kubernetes", "yaml"),
  COMPOSE("Docker Compose", "yaml"),
  ECS_TASK_DEFINITION("ECS task definition", "json"),
  CDK("AWS CDK", "typescript"),
  CDK_PYTHON("AWS CDK (Python)", "python"),
  CDK_JAVA("AWS CDK (Java)", "java"),
  JAVA("Java", "java"),
  PYTHON("Python", "python"),
  GO("Go", "go"),
  CSHARP("C#", "csharp"),
  JAVASCRIPT("JavaScript", "javascript"),
  TYPESCRIPT("TypeScript", "typescript"),
  RUBY("Ruby", "ruby"),
  SQL("SQL", "sql");

  /** The name the reports and the rules reference print. */
  public final String title;

  /** The fenced-code-block language of a snippet in this dialect. */
  public final String fence;

  Dialect(String title, String fence) {
    this.title = title;
    this.fence = fence;
  }

  /**
   * The dialects whose advice fits this one, best first: SAM templates accept plain CloudFormation
   * resources and properties, serverless.yml accepts them under {@code resources} (advice for the
   * generated function or event source is declared in serverless.yml's own words first), and
   * TypeScript accepts JavaScript.
   */
  public List<Dialect> fitting() {
    return switch (this) {
      case SAM -> List.of(SAM, CLOUDFORMATION);
      case SERVERLESS -> List.of(SERVERLESS, CLOUDFORMATION);
      case TYPESCRIPT -> List.of(TYPESCRIPT, JAVASCRIPT);
      default -> List.of(this);
    };
  }

  /** The dialect the subject is written in; null for repository-level gaps and unknown kinds. */
  public static Dialect of(Resource subject) {
    if (subject == null) return null;
    String written = subject.writtenType();
    if (written.startsWith("AWS::Serverless::")) return SAM;
    if (written.startsWith("aws-cdk-lib.")) return CDK;
    if (written.startsWith(ServerlessTypes.PREFIX)) return SERVERLESS;
    if (written.startsWith("aws_cdk.")) return CDK_PYTHON; // before Terraform's aws_ types
    if (written.startsWith("software.amazon.awscdk.")) return CDK_JAVA;
    if (written.startsWith("AWS::") || written.startsWith("Custom::")) return CLOUDFORMATION;
    if (written.startsWith("aws_")) return TERRAFORM;
    if (isKubernetes(subject)) return KUBERNETES;
    if (ComposeTypes.isCompose(subject)) return COMPOSE;
    if (subject.type.equals(TaskDefinition.TYPE)) return ECS_TASK_DEFINITION;
    if (subject instanceof Integration call) return ofLanguage(call.language);
    String file = subject.location.file().toLowerCase(Locale.ROOT);
    return ofExtension(file.substring(file.lastIndexOf('.') + 1));
  }

  /**
   * The Kubernetes kinds findings are reported on; AWS types never take these bare names (they are
   * written AWS::… or aws_…).
   */
  private static final Set<String> KUBERNETES_KINDS =
      Set.of(
          "Deployment",
          "StatefulSet",
          "ReplicaSet",
          "ReplicationController",
          "DaemonSet",
          "Job",
          "CronJob",
          "Pod",
          "Rollout",
          "Service",
          "PodDisruptionBudget",
          "HorizontalPodAutoscaler",
          "ScaledObject",
          "PersistentVolumeClaim",
          "Cluster",
          "postgresql",
          "PostgresCluster");

  /** The model's Kubernetes objects: workloads, their data, Services and disruption budgets. */
  private static boolean isKubernetes(Resource subject) {
    return KUBERNETES_KINDS.contains(subject.type);
  }

  private static Dialect ofLanguage(String language) {
    return switch (language == null ? "" : language.toLowerCase(Locale.ROOT)) {
      case "java" -> JAVA;
      case "python" -> PYTHON;
      case "go" -> GO;
      case "csharp" -> CSHARP;
      case "javascript" -> JAVASCRIPT;
      case "typescript" -> TYPESCRIPT;
      default -> null;
    };
  }

  private static Dialect ofExtension(String extension) {
    return switch (extension) {
      case "java" -> JAVA;
      case "py" -> PYTHON;
      case "go" -> GO;
      case "cs" -> CSHARP;
      case "js", "mjs", "cjs" -> JAVASCRIPT;
      case "ts", "mts", "cts" -> TYPESCRIPT;
      case "rb" -> RUBY;
      case "sql" -> SQL;
      default -> null;
    };
  }

  /**
   * The one infrastructure dialect all of the workload's resources are written in (SAM when SAM and
   * plain CloudFormation templates mix, since SAM accepts both; likewise serverless.yml, whose
   * {@code resources} are CloudFormation), or null when the repository mixes formats or has no
   * infrastructure; application code does not count.
   */
  public static Dialect ofInfrastructure(Workload w) {
    EnumSet<Dialect> found = EnumSet.noneOf(Dialect.class);
    for (Resource r : w.resources()) {
      if (r instanceof Integration) continue;
      Dialect d = of(r);
      if (d != null && d.isInfrastructure()) found.add(d);
    }
    if (found.equals(EnumSet.of(SAM, CLOUDFORMATION))) return SAM;
    if (found.equals(EnumSet.of(SERVERLESS, CLOUDFORMATION))) return SERVERLESS;
    return found.size() == 1 ? found.iterator().next() : null;
  }

  private boolean isInfrastructure() {
    return this == CLOUDFORMATION
        || this == SAM
        || this == SERVERLESS
        || this == TERRAFORM
        || this == KUBERNETES
        || this == CDK;
  }
}
