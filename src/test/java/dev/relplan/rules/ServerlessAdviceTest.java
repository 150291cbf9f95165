package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ServerlessTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finding about a function or event written in serverless.yml is told the serverless.yml change
 * (keys under the function or its event), not the properties of the template the framework
 * generates from it.
 */
class ServerlessAdviceTest {
  /** Words of the generated template a serverless.yml author never writes for a function. */
  private static final List<String> GENERATED_TEMPLATE_WORDS =
      List.of(
          "AWS::Lambda::",
          "AWS::Serverless::",
          "ReservedConcurrentExecutions",
          "DestinationConfig",
          "BisectBatchOnFunctionError",
          "DeploymentPreference",
          "AutoPublishAlias",
          "AutoRollbackConfiguration");

  @TestFactory
  Stream<DynamicTest> serverlessExampleFindingsAreToldInServerlessYmlWords() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Rule rule : RuleRegistry.all()) {
      Path dir = RuleExamplesTest.exampleDir(rule.meta().id(), InputFormat.SERVERLESS, "fail");
      if (rule.meta().formats().contains(InputFormat.SERVERLESS) && Files.isDirectory(dir))
        tests.add(
            DynamicTest.dynamicTest(rule.meta().id(), () -> assertServerlessAdvice(rule, dir)));
    }
    return tests.stream();
  }

  private static void assertServerlessAdvice(Rule rule, Path dir) throws IOException {
    for (Finding f : RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), rule.meta().id())) {
      if (f.subject() == null || !ServerlessTypes.isGenerated(f.subject())) continue;
      Advice advice = Advice.of(f);
      String what = rule.meta().id() + " on " + f.resource();
      assertThat(advice.dialect()).as(what).isEqualTo(Dialect.SERVERLESS);
      assertThat(advice.language()).as(what).isEqualTo("yaml");
      assertThat(advice.text() + "\n" + advice.snippet())
          .as(what)
          .doesNotContain(GENERATED_TEMPLATE_WORDS);
    }
  }

  private static Advice adviceFor(Path dir, String service, String ruleId) throws IOException {
    Files.writeString(dir.resolve("serverless.yml"), service);
    List<Finding> findings = RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), ruleId);
    assertThat(findings).hasSize(1);
    return Advice.of(findings.get(0));
  }

  @Test
  void aStreamEventWithoutFailureDestinationIsToldTheStreamEventsKeys(@TempDir Path dir)
      throws IOException {
    Advice advice =
        adviceFor(
            dir,
            """
            service: orders
            provider:
              name: aws
              stage: prod
            functions:
              project:
                handler: handler.main
                events:
                  - stream:
                      type: kinesis
                      arn: arn:aws:kinesis:eu-west-1:123456789012:stream/orders
            """,
            "REL-ASYNC-NO-DLQ");
    assertThat(advice.snippet())
        .contains("- stream:", "bisectBatchOnFunctionError: true", "maximumRetryAttempts: 3")
        .contains("destinations:", "onFailure:");
  }

  @Test
  void aFunctionWithoutReservedConcurrencyIsToldReservedConcurrency(@TempDir Path dir)
      throws IOException {
    Advice advice =
        adviceFor(
            dir,
            """
            service: orders
            provider:
              name: aws
              stage: prod
            functions:
              place:
                handler: handler.main
                events:
                  - httpApi: POST /orders
            """,
            "REL-LAMBDA-NO-RESERVED-CONCURRENCY");
    assertThat(advice.snippet()).contains("reservedConcurrency: 50");
    assertThat(advice.text()).contains("reservedConcurrency");
    assertThat(advice.effort()).doesNotContain("ReservedConcurrentExecutions");
  }

  @Test
  void anAllAtOnceFunctionIsToldTheCanaryPluginsDeploymentSettings(@TempDir Path dir)
      throws IOException {
    Advice advice =
        adviceFor(
            dir,
            """
            service: orders
            provider:
              name: aws
              stage: prod
            functions:
              place:
                handler: handler.main
                events:
                  - httpApi: POST /orders
            """,
            "REL-DEPLOY-ALL-AT-ONCE");
    assertThat(advice.snippet())
        .contains("serverless-plugin-canary-deployments", "deploymentSettings:", "alarms:");
  }

  @Test
  void aQueueWrittenUnderResourcesKeepsCloudFormationAdvice(@TempDir Path dir) throws IOException {
    Advice advice =
        adviceFor(
            dir,
            """
            service: orders
            provider:
              name: aws
              stage: prod
            functions:
              charge:
                handler: handler.main
                events:
                  - sqs:
                      arn: !GetAtt ChargeQueue.Arn
                      functionResponseType: ReportBatchItemFailures
            resources:
              Resources:
                ChargeQueue:
                  Type: AWS::SQS::Queue
            """,
            "REL-ASYNC-NO-DLQ");
    assertThat(advice.dialect()).isEqualTo(Dialect.CLOUDFORMATION);
    assertThat(advice.snippet()).contains("RedrivePolicy");
  }
}
