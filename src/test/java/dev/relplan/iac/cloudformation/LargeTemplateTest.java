package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Queue;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template with thousands of queues, functions and event source mappings referring to each other
 * with Ref and GetAtt: resolving each reference by scanning all resources made it quadratic.
 */
class LargeTemplateTest {
  private static String template(int queues) {
    StringBuilder sb = new StringBuilder("AWSTemplateFormatVersion: '2010-09-09'\nResources:\n");
    for (int i = 0; i < queues; i++) {
      sb.append("  Q").append(i).append(":\n    Type: AWS::SQS::Queue\n");
      if (i > 0) {
        sb.append("    Properties:\n      RedrivePolicy:\n");
        sb.append("        deadLetterTargetArn: !GetAtt Q").append(i - 1).append(".Arn\n");
        sb.append("        maxReceiveCount: 3\n");
      }
      sb.append("  F").append(i).append(":\n    Type: AWS::Lambda::Function\n    Properties:\n");
      sb.append("      Runtime: python3.12\n      Handler: app.handler\n");
      sb.append("      Environment:\n        Variables:\n          QUEUE: !Ref Q")
          .append(i)
          .append('\n');
      sb.append("  M").append(i).append(":\n    Type: AWS::Lambda::EventSourceMapping\n");
      sb.append("    Properties:\n      FunctionName: !Ref F").append(i).append('\n');
      sb.append("      EventSourceArn: !GetAtt Q").append(i).append(".Arn\n");
    }
    return sb.toString();
  }

  /** A few seconds when linear; the timeout guards a hang. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void aTemplateWithTensOfThousandsOfCrossReferencingResourcesIsAssessed(@TempDir Path dir)
      throws IOException {
    int queues = 5000;
    Files.writeString(dir.resolve("template.yaml"), template(queues));
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(dir), null, Context.defaults(), List.of()));
    assertThat(r.workload().all(Queue.class)).hasSize(queues);
  }

  private static String exporting(int outputs) {
    StringBuilder sb = new StringBuilder("Resources:\n");
    for (int i = 0; i < outputs; i++)
      sb.append("  Dlq").append(i).append(":\n    Type: AWS::SQS::Queue\n");
    sb.append("Outputs:\n");
    for (int i = 0; i < outputs; i++) {
      sb.append("  Dlq")
          .append(i)
          .append("Arn:\n    Value: !GetAtt Dlq")
          .append(i)
          .append(".Arn\n");
      sb.append("    Export:\n      Name: !Sub '${AWS::StackName}-Dlq").append(i).append("'\n");
    }
    return sb.toString();
  }

  private static String importing(int queues) {
    StringBuilder sb = new StringBuilder("Resources:\n");
    for (int i = 0; i < queues; i++) {
      sb.append("  Q").append(i).append(":\n    Type: AWS::SQS::Queue\n    Properties:\n");
      sb.append("      RedrivePolicy:\n        deadLetterTargetArn: !ImportValue dlqs-Dlq")
          .append(i)
          .append("\n        maxReceiveCount: 3\n");
    }
    return sb.toString();
  }

  /** Each import tried against every export would be quadratic; the timeout guards a hang. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void thousandsOfImportsOfThousandsOfExportsAreResolved(@TempDir Path dir) throws IOException {
    int count = 4000;
    Files.writeString(dir.resolve("dlqs.yaml"), exporting(count));
    Files.writeString(dir.resolve("queues.yaml"), importing(count));
    Pipeline.Result r =
        Pipeline.run(new Pipeline.Request(List.of(dir), null, Context.defaults(), List.of()));
    assertThat(r.workload().all(Queue.class)).hasSize(2 * count);
  }
}
