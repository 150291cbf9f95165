package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SQS or stream consumer without partial batch responses gets every record of a batch again when
 * one fails: the idempotency finding says so, in the words of the file the mapping is in.
 */
class PartialBatchResponseTest {
  @TempDir Path dir;

  private String description(String sqsEvent) throws IOException {
    Files.writeString(
        dir.resolve("serverless.yml"),
        """
        service: payments
        provider:
          name: aws
          runtime: nodejs20.x
          stage: prod
        functions:
          charge:
            handler: handler.charge
            events:
              - sqs:
                  arn: arn:aws:sqs:eu-west-1:123456789012:charges
        %s
        """
            .formatted(sqsEvent));
    Files.writeString(
        dir.resolve("handler.js"),
        """
        const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');
        const db = new DynamoDBClient({});
        exports.charge = async (event) => {
          for (const record of event.Records) {
            await db.send(new PutItemCommand({ TableName: 'charges', Item: {} }));
          }
        };
        """);
    List<Finding> findings =
        RuleExamplesTest.findingsOf(
            RuleExamplesTest.assess(dir), "REL-CODE-EVENT-HANDLER-NO-IDEMPOTENCY");
    assertThat(findings).hasSize(1);
    return findings.get(0).description();
  }

  @Test
  void aBatchWithoutPartialResponsesIsSaidToBeDeliveredWhole() throws IOException {
    assertThat(description("          batchSize: 10"))
        .contains("functionResponseType: ReportBatchItemFailures")
        .contains("the whole batch be delivered again");
  }

  @Test
  void partialBatchResponsesLeaveTheWholeBatchRemarkOut() throws IOException {
    assertThat(description("          functionResponseType: ReportBatchItemFailures"))
        .doesNotContain("whole batch");
  }

  @Test
  void batchesOfOneRecordLeaveTheWholeBatchRemarkOut() throws IOException {
    assertThat(description("          batchSize: 1")).doesNotContain("whole batch");
  }

  @Test
  void aCloudFormationMappingRecordsItsPartialBatchResponses() throws IOException {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        Resources:
          ChargeMapping:
            Type: AWS::Lambda::EventSourceMapping
            Properties:
              FunctionName: charge
              EventSourceArn: arn:aws:sqs:eu-west-1:123456789012:charges
              FunctionResponseTypes: [ReportBatchItemFailures]
        """);
    Workload w =
        Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
            .workload();
    assertThat(w.all(EventSourceMapping.class))
        .singleElement()
        .satisfies(m -> assertThat(m.reportBatchItemFailures.isTrue()).isTrue());
  }
}
