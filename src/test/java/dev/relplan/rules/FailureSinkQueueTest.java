package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue named for the failures it collects (a Step Functions Catch branch's target, whose link is
 * not read from the definition) needs no DLQ of its own unless a function consumes it.
 */
class FailureSinkQueueTest {
  @TempDir Path dir;

  private List<String> queuesWithoutDlq(String consumer) throws IOException {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        AWSTemplateFormatVersion: '2010-09-09'
        Resources:
          OrderFailureQueue:
            Type: AWS::SQS::Queue
          OrdersQueue:
            Type: AWS::SQS::Queue
        %s
        """
            .formatted(consumer));
    return RuleExamplesTest.findingsOf(RuleExamplesTest.assess(dir), "REL-ASYNC-NO-DLQ").stream()
        .map(Finding::resource)
        .toList();
  }

  @Test
  void aFailureQueueNothingConsumesIsNotAskedForADlq() throws IOException {
    assertThat(queuesWithoutDlq("")).containsExactly("OrdersQueue");
  }

  @Test
  void aFailureQueueAFunctionConsumesStillNeedsADlq() throws IOException {
    assertThat(
            queuesWithoutDlq(
                """
                  Replay:
                    Type: AWS::Lambda::EventSourceMapping
                    Properties:
                      FunctionName: replay
                      EventSourceArn: !GetAtt OrderFailureQueue.Arn
                """))
        .containsExactlyInAnyOrder("OrdersQueue", "OrderFailureQueue");
  }
}
