package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Queue;
import dev.relplan.model.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/architecture.md "How to add a rule" for real with a throwaway rule: a class named
 * for its id with named metadata, one line in the rule list, and example folders in the one layout,
 * checked by the one harness for both formats it declares. Nothing else is written.
 */
class NewRuleWalkThroughTest {
  /**
   * Step 1: the rule, written once against the model (a redrive policy that gives a message one
   * try).
   */
  static final class WalkthroughQueueSingleReceive extends BaseRule {
    WalkthroughQueueSingleReceive() {
      super(
          RuleMeta.builder("REL-WALKTHROUGH-QUEUE-SINGLE-RECEIVE")
              .domain(Domain.FAULT_TOLERANCE)
              .title("Queue moves a message to its dead-letter queue after one receive")
              .bestPractices("REL05-BP03")
              .impact(
                  Impact.MODERATE,
                  "A transient failure sends the message to the DLQ instead of retrying it.")
              .likelihood(Likelihood.HIGH, "Transient failures of consumers are routine.")
              .tier(Tier.QUICK_WIN)
              .effort("Minutes: raise maxReceiveCount")
              .services("SQS")
              .remediation("Set maxReceiveCount in the redrive policy to 3 or more.")
              .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)
              .build());
    }

    @Override
    public void check(Workload w, Context ctx, Findings out) {
      for (Queue q : w.all(Queue.class)) {
        if (!q.deadLetterTarget.present()) continue;
        if (q.maxReceiveCount.unresolved()
            || q.maxReceiveCount.known() && q.maxReceiveCount.get() == 1) {
          out.report(
              this,
              q,
              "Queue " + q.id + " gives a message one receive",
              "maxReceiveCount is 1.",
              q.maxReceiveCount);
        }
      }
    }
  }

  private static final String ID = "REL-WALKTHROUGH-QUEUE-SINGLE-RECEIVE";

  /** Step 2: registered once, in the list the pipeline runs. */
  private static List<Rule> rules() {
    List<Rule> rules = new ArrayList<>(RuleRegistry.all());
    rules.add(new WalkthroughQueueSingleReceive());
    return rules;
  }

  @Test
  void classNameFollowsTheId() {
    assertThat(WalkthroughQueueSingleReceive.class.getSimpleName())
        .isEqualTo(RuleMeta.className(ID));
  }

  /**
   * Step 3: examples in rules/<ID>/<format>/{fail,pass}, one marker syntax; the one harness checks
   * them.
   */
  @Test
  void examplesOfBothFormatsPassTheOneHarness(@TempDir Path root) throws IOException {
    Path cfn = root.resolve(ID).resolve("cloudformation");
    write(
        cfn.resolve("fail/template.yaml"),
        """
        Resources:
          Dlq:
            Type: AWS::SQS::Queue
          Orders: # relplan:finding
            Type: AWS::SQS::Queue
            Properties:
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt Dlq.Arn
                maxReceiveCount: 1 # relplan:evidence
        """);
    write(
        cfn.resolve("pass/template.yaml"),
        """
        Resources:
          Dlq:
            Type: AWS::SQS::Queue
          Orders:
            Type: AWS::SQS::Queue
            Properties:
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt Dlq.Arn
                maxReceiveCount: 5
        """);
    Path tf = root.resolve(ID).resolve("terraform");
    write(
        tf.resolve("fail/main.tf"),
        """
        resource "aws_sqs_queue" "dlq" {
          name = "orders-dlq"
        }
        resource "aws_sqs_queue" "orders" {
          name = "orders"
          redrive_policy = jsonencode({ # relplan:evidence
            deadLetterTargetArn = aws_sqs_queue.dlq.arn
            maxReceiveCount     = 1
          })
        }
        """);
    write(
        tf.resolve("pass/main.tf"),
        """
        resource "aws_sqs_queue" "dlq" {
          name = "orders-dlq"
        }
        resource "aws_sqs_queue" "orders" {
          name = "orders"
          redrive_policy = jsonencode({
            deadLetterTargetArn = aws_sqs_queue.dlq.arn
            maxReceiveCount     = 4
          })
        }
        """);
    for (InputFormat format : List.of(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM)) {
      for (String kind : List.of("fail", "pass")) {
        RuleExamplesTest.check(
            rules(), ID, kind, root.resolve(ID).resolve(format.folder()).resolve(kind));
      }
    }
  }

  /** Step 4: docs/rules.md is generated from the metadata, so the new rule documents itself. */
  @Test
  void theGeneratedReferenceListsTheRule() {
    String doc = RulesDoc.render(rules(), id -> List.of());
    assertThat(doc)
        .contains("## " + ID)
        .contains("Set maxReceiveCount in the redrive policy to 3 or more.");
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }
}
