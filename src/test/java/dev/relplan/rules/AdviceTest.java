package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.EventHandler;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Queue;
import dev.relplan.model.Value;
import dev.relplan.rules.change.DeployAllAtOnce;
import dev.relplan.rules.change.DeployNoAutoRollback;
import dev.relplan.rules.faulttolerance.AsyncNoDlq;
import dev.relplan.rules.resilience.CodeCallNoTimeout;
import dev.relplan.rules.resilience.CodeEventHandlerNoIdempotency;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Advice fits the finding's subject: the rule examples' findings get advice in the dialect of the
 * file they come from (CloudFormation/SAM property names, Terraform arguments, the call's own
 * language and library), and the deployment mechanism exists for the compute type.
 */
class AdviceTest {
  /** Words only one language's libraries use: a call in another language must not be told them. */
  private static final Map<Dialect, List<String>> LIBRARIES =
      Map.of(
          Dialect.JAVA,
          List.of("Resilience4j", "RestTemplate", "WebClient", "OkHttp", "java.net", "Duration."),
          Dialect.PYTHON,
          List.of("botocore", "tenacity", "pybreaker", "requests.", "httpx", "aiohttp"),
          Dialect.GO,
          List.of("context.WithTimeout", "gobreaker", "http.Client{", "retry.NewStandard"),
          Dialect.CSHARP,
          List.of("Polly", "AddHttpClient", "CancellationTokenSource", "TimeSpan"),
          Dialect.JAVASCRIPT,
          List.of("AbortSignal", "opossum", "axios", "NodeHttpHandler"));

  @TestFactory
  Stream<DynamicNode> infrastructureFindingsGetAdviceInTheirTemplatesDialect() {
    List<DynamicNode> rules = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (InputFormat format :
          List.of(
              InputFormat.CLOUDFORMATION,
              InputFormat.TERRAFORM,
              InputFormat.KUBERNETES,
              InputFormat.CDK,
              InputFormat.CDK_PYTHON)) {
        Path dir = RuleExamplesTest.exampleDir(rule.meta().id(), format, "fail");
        if (rule.meta().formats().contains(format) && Files.isDirectory(dir))
          tests.add(
              DynamicTest.dynamicTest(
                  format.folder(), () -> assertIacAdvice(rule.meta().id(), format, dir)));
      }
      if (!tests.isEmpty()) rules.add(DynamicContainer.dynamicContainer(rule.meta().id(), tests));
    }
    return rules.stream();
  }

  @TestFactory
  Stream<DynamicNode> codeFindingsGetAdviceInTheCallsLanguageOnly() {
    List<DynamicNode> tests = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      Path dir = RuleExamplesTest.exampleDir(rule.meta().id(), InputFormat.CODE, "fail");
      if (rule.meta().formats().contains(InputFormat.CODE) && Files.isDirectory(dir))
        tests.add(DynamicTest.dynamicTest(rule.meta().id(), () -> assertCodeAdvice(rule, dir)));
    }
    return tests.stream();
  }

  private static void assertIacAdvice(String ruleId, InputFormat format, Path dir)
      throws IOException {
    List<Finding> findings = RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), ruleId);
    for (Finding f : findings) {
      // Handler code is checked as code.
      if (f.subject() != null && f.subject().type.startsWith("code:")) continue;
      Advice advice = Advice.of(f);
      if (f.subject() == null) {
        assertRepositoryGapAdvice(ruleId, format, advice);
        continue;
      }
      String what = ruleId + " on " + f.resource();
      assertThat(advice.snippet()).as("snippet of " + what).isNotNull();
      if (format == InputFormat.TERRAFORM) {
        assertThat(advice.dialect()).as(what).isEqualTo(Dialect.TERRAFORM);
        assertThat(advice.language()).isEqualTo("hcl");
        assertThat(advice.snippet().lines())
            .as("Terraform snippet of " + what + " has no CloudFormation keys")
            .noneMatch(line -> line.matches("\\s*-?\\s*[A-Z][A-Za-z0-9]*:.*"));
        assertThat(advice.text() + advice.snippet())
            .as(what)
            .doesNotContain("DeletionPolicy", "Properties", "!Ref", "!GetAtt", "AWS::");
      } else if (format == InputFormat.CDK) {
        assertThat(advice.dialect()).as(what).isEqualTo(Dialect.CDK);
        assertThat(advice.language()).isEqualTo("typescript");
        assertThat(advice.text() + advice.snippet())
            .as("AWS CDK advice of " + what + " names no template or Terraform syntax")
            .doesNotContain("Properties:", "!Ref", "!GetAtt", "AWS::", "resource \"", "aws_");
      } else if (format == InputFormat.CDK_PYTHON) {
        assertThat(advice.dialect()).as(what).isEqualTo(Dialect.CDK_PYTHON);
        assertThat(advice.language()).isEqualTo("python");
        assertThat(advice.text() + advice.snippet())
            .as("AWS CDK Python advice of " + what + " names no TypeScript or template syntax")
            .doesNotContain("new ", "this,", "Properties:", "!Ref", "AWS::", "resource \"");
      } else if (format == InputFormat.KUBERNETES) {
        assertThat(advice.dialect()).as(what).isEqualTo(Dialect.KUBERNETES);
        assertThat(advice.language()).isEqualTo("yaml");
        assertThat(advice.text() + advice.snippet())
            .as("Kubernetes advice of " + what + " names no AWS template syntax")
            .doesNotContain("Properties", "!Ref", "AWS::", "aws_");
      } else if (format == InputFormat.CDK) {
        assertThat(advice.dialect()).as(what).isEqualTo(Dialect.CDK);
        assertThat(advice.language()).isEqualTo("typescript");
        assertThat(advice.text() + advice.snippet())
            .as("AWS CDK advice of " + what + " names no template or Terraform syntax")
            .doesNotContain("Properties:", "!Ref", "AWS::", "resource \"");
      } else {
        assertThat(advice.dialect()).as(what).isIn(Dialect.CLOUDFORMATION, Dialect.SAM);
        assertThat(advice.language()).isEqualTo("yaml");
        assertThat(advice.snippet().lines())
            .as("CloudFormation snippet of " + what + " has no Terraform arguments")
            .noneMatch(line -> line.matches("\\s*[a-z_]+\\s*=.*"));
        assertThat(advice.text() + advice.snippet())
            .as(what)
            .doesNotContain("resource \"", "aws_", "prevent_destroy");
      }
    }
  }

  /**
   * A repository-level gap in a Kubernetes-only tree is told the Kubernetes mechanism (Prometheus
   * rules, overlays, Velero restores), not CloudWatch, parameter files or AWS Backup; the AWS
   * formats keep the rule's general remediation.
   */
  private static void assertRepositoryGapAdvice(String ruleId, InputFormat format, Advice advice) {
    if (format == InputFormat.CDK || format == InputFormat.CDK_PYTHON) {
      assertThat(advice.dialect()).as(ruleId + " repository gap").isIn(Dialect.CDK, null);
      return;
    }
    if (format != InputFormat.KUBERNETES) {
      assertThat(advice.dialect()).as(ruleId + " repository gap").isNull();
      return;
    }
    assertThat(advice.dialect()).as(ruleId + " repository gap").isEqualTo(Dialect.KUBERNETES);
    assertThat(advice.text())
        .as("Kubernetes advice of " + ruleId + "'s repository gap")
        .doesNotContain("CloudWatch", "CloudFormation", "AWS Backup", "parameter file", "stacks");
  }

  private static void assertCodeAdvice(Rule rule, Path dir) throws IOException {
    for (Finding f : RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), rule.meta().id())) {
      Dialect written = Dialect.of(f.subject());
      if (written == null) continue; // migrations in XML or YAML changelogs
      Advice advice = Advice.of(f);
      String said = advice.text() + "\n" + (advice.hasSnippet() ? advice.snippet() : "");
      assertThat(advice.dialect()).as(f.resource()).isIn(written.fitting().toArray());
      LIBRARIES.forEach(
          (language, words) -> {
            if (!written.fitting().contains(language))
              assertThat(said)
                  .as(written.title + " advice for " + f.resource() + " names no " + language.title)
                  .doesNotContain(words);
          });
    }
  }

  @Test
  void aGoCallWithoutTimeoutIsToldAboutContextDeadlinesNotJavaLibraries() {
    Integration call =
        new Integration(
            "stock/client.go",
            "Stock.Get",
            Integration.Kind.HTTP,
            "net/http",
            "go",
            new Location("stock/client.go", 12));
    Advice advice = Advice.of(new CodeCallNoTimeout().meta(), call);
    assertThat(advice.language()).isEqualTo("go");
    assertThat(advice.snippet()).contains("context.WithTimeout");
    assertThat(advice.text() + advice.snippet())
        .doesNotContain("Resilience4j", "RestTemplate", "WebClient", "java.net");
  }

  @Test
  void aRolloutWithoutAnalysisIsToldToAddOneNotToAdoptArgoRollouts(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("rollout.yaml"),
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Rollout
        metadata:
          name: web
        spec:
          replicas: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
                - name: web
                  image: example.com/web:1
          strategy:
            blueGreen:
              activeService: web
        """);
    List<Finding> findings =
        RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), "REL-DEPLOY-NO-AUTO-ROLLBACK");
    assertThat(findings).hasSize(1);
    Advice advice = Advice.of(findings.get(0));
    assertThat(advice.text()).contains("prePromotionAnalysis").doesNotContain("workloadRef");
  }

  @Test
  void aScheduledOnlyFunctionIsNotToldToDeployByCanary() {
    for (String type : List.of("AWS::Serverless::Function", "AWS::Lambda::Function")) {
      Function job = function(type);
      job.triggers.add(new Function.Trigger("SCHEDULE", true, Value.absent(), job.location));
      Advice advice = Advice.of(new DeployAllAtOnce().meta(), job);
      assertThat(advice.text()).startsWith("A canary cannot work");
      assertThat(advice.snippet())
          .as(type)
          .doesNotContain("Canary", "DeploymentPreference", "CodeDeploy");
    }
  }

  @Test
  void onlySamFunctionsAreToldAboutDeploymentPreference() {
    Function sam = function("AWS::Serverless::Function");
    Function plain = function("AWS::Lambda::Function");
    for (Function f : List.of(sam, plain))
      f.triggers.add(new Function.Trigger("API_REST", false, Value.absent(), f.location));
    RuleMeta rule = new DeployAllAtOnce().meta();
    assertThat(Advice.of(rule, sam).snippet()).contains("DeploymentPreference");
    assertThat(Advice.of(rule, plain).snippet())
        .contains("CodeDeployLambdaAliasUpdate")
        .doesNotContain("DeploymentPreference");
  }

  @Test
  void anEcsServiceIsToldAboutTheDeploymentCircuitBreaker() {
    ComputeGroup service =
        new ComputeGroup("t", "Api", "aws_ecs_service", new Location("main.tf", 4));
    service.kind = ComputeGroup.Kind.ECS_SERVICE;
    Advice advice = Advice.of(new DeployNoAutoRollback().meta(), service);
    assertThat(advice.snippet())
        .contains("deployment_circuit_breaker")
        .doesNotContain("codedeploy");
  }

  @Test
  void aDeploymentGroupSamGeneratedIsWordedInSamsProperties() {
    DeploymentGroup generated =
        new DeploymentGroup(
            "t",
            "OrdersDeploymentGroup",
            "AWS::CodeDeploy::DeploymentGroup",
            new Location("template.yaml", 20));
    generated.declaredType = "AWS::Serverless::Function";
    Advice advice = Advice.of(new DeployNoAutoRollback().meta(), generated);
    assertThat(advice.dialect()).isEqualTo(Dialect.SAM);
    assertThat(advice.snippet()).contains("DeploymentPreference").doesNotContain("AutoRollback");
  }

  @Test
  void anEventSourceMappingSamGeneratesIsWordedAsTheFunctionsEvent(@TempDir Path dir)
      throws IOException {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Transform: AWS::Serverless-2016-10-31
        Resources:
          Stream:
            Type: AWS::Kinesis::Stream
            Properties:
              StreamModeDetails:
                StreamMode: ON_DEMAND
          Consumer:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              Events:
                Records:
                  Type: Kinesis
                  Properties:
                    Stream: !GetAtt Stream.Arn
                    StartingPosition: LATEST
        """);
    Finding noDestination =
        RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), "REL-ASYNC-NO-DLQ").stream()
            .filter(f -> f.subject() instanceof EventSourceMapping)
            .findFirst()
            .orElseThrow();
    Advice advice = Advice.of(noDestination);
    assertThat(noDestination.subject().writtenType()).isEqualTo("AWS::Serverless::Function");
    assertThat(advice.dialect()).isEqualTo(Dialect.SAM);
    assertThat(advice.snippet()).startsWith("Events:").doesNotContain("AWS::Lambda::");
  }

  @Test
  void aCdkFunctionDeployedAllAtOnceIsToldToAddALambdaDeploymentGroup() {
    Function fn =
        new Function(
            "OrdersStack",
            "OrdersStack/Checkout",
            "AWS::Lambda::Function",
            new Location("lib/orders-stack.ts", 12));
    fn.declaredType = "aws-cdk-lib.aws_lambda.Function";
    Advice advice = Advice.of(new DeployAllAtOnce().meta(), fn);
    assertThat(advice.dialect()).isEqualTo(Dialect.CDK);
    assertThat(advice.snippet())
        .contains("codedeploy.LambdaDeploymentGroup", "CANARY_10PERCENT_5MINUTES")
        .doesNotContain("AWS::", "DeploymentPreference");
  }

  @Test
  void aQueuesAdviceNamesOnlyTheServicesItsFixInvolves() {
    Queue queue = new Queue("t", "Orders", "aws_sqs_queue", new Location("main.tf", 1));
    Advice advice = Advice.of(new AsyncNoDlq().meta(), queue);
    assertThat(advice.services()).containsExactly("SQS", "CloudWatch");
  }

  @Test
  void aMessageListenerIsToldNoAwsServiceNorPowertools() {
    EventHandler listener =
        EventHandler.listener(
            "src/AuditListener.java",
            "AuditListener.onMessage",
            "Spring Kafka @KafkaListener",
            "KAFKA",
            List.of(),
            new Location("src/AuditListener.java", 8));
    Advice advice = Advice.of(new CodeEventHandlerNoIdempotency().meta(), listener);
    assertThat(advice.services()).isEmpty();
    assertThat(advice.text() + advice.snippet()).doesNotContain("Powertools", "Lambda");
  }

  @Test
  void aRepositoryLevelGapKeepsTheRulesGeneralAdviceWithoutSnippet() {
    RuleMeta rule = new DeployAllAtOnce().meta();
    Advice advice = Advice.of(rule, null);
    assertThat(advice.text()).isEqualTo(rule.remediation());
    assertThat(advice.hasSnippet()).isFalse();
    assertThat(advice.language()).isNull();
  }

  private static Function function(String type) {
    return new Function("t", "Job", type, new Location("template.yaml", 5));
  }
}
