package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's CI example, step by step: a baseline report from the target branch's checkout, then
 * the pull request's checkout gated with --baseline and --fail-on. The pull request fixes one
 * finding and adds one in another file: one fixed, one new, and the gate trips on the new one only.
 */
class CiRoundTripTest {
  @TempDir Path dir;

  private static final String QUEUE_WITHOUT_DLQ =
      """
      resource "aws_sqs_queue" "orders" {
        name = "orders"
      }
      """;

  private static final String QUEUE_WITH_DLQ =
      """
      resource "aws_sqs_queue" "orders_dlq" {
        name = "orders-dlq"
      }

      resource "aws_sqs_queue" "orders" {
        name = "orders"
        redrive_policy = jsonencode({
          deadLetterTargetArn = aws_sqs_queue.orders_dlq.arn
          maxReceiveCount     = 5
        })
      }
      """;

  private static final String NEW_QUEUE_WITHOUT_DLQ =
      """
      resource "aws_sqs_queue" "refunds" {
        name = "refunds"
      }
      """;

  private Path checkout(String name, String orders, String refunds) throws IOException {
    Path root = dir.resolve(name);
    Files.createDirectories(root);
    Files.writeString(root.resolve("orders.tf"), orders);
    Files.writeString(root.resolve("refunds.tf"), refunds);
    return root;
  }

  @Test
  void aPullRequestFixingOneFindingAndAddingOneTripsTheGateOnTheNewOneOnly() throws IOException {
    Path base = checkout("base", QUEUE_WITHOUT_DLQ, "");
    Path head = checkout("head", QUEUE_WITH_DLQ, NEW_QUEUE_WITHOUT_DLQ);
    Path baseline = dir.resolve("baseline.json");

    // Step 1 of the README's job: the target branch's report.
    assertThat(
            CliTest.run("assess", base.toString(), "--format", "json", "-o", baseline.toString())
                .code())
        .isZero();

    // Step 2: the pull request's checkout against it.
    Path report = dir.resolve("head.json");
    CliTest.Result gate =
        CliTest.run(
            "assess",
            head.toString(),
            "--baseline",
            baseline.toString(),
            "--fail-on",
            "high",
            "--format",
            "json",
            "-o",
            report.toString());

    JsonNode json = CliTest.MAPPER.readTree(report.toFile());
    List<String> fresh = new ArrayList<>();
    for (JsonNode f : json.get("findings"))
      if (f.get("status").asText().equals("new")) fresh.add(f.get("resource").asText());
    assertThat(fresh).containsExactly("aws_sqs_queue.refunds");
    assertThat(json.get("fixedSinceBaseline")).hasSize(1);
    assertThat(json.get("fixedSinceBaseline").get(0).get("resource").asText())
        .isEqualTo("aws_sqs_queue.orders");
    assertThat(gate.code()).isEqualTo(1);
    // The line counts every finding at the level and says how many are new: only those trip it.
    assertThat(gate.err().strip()).startsWith("relplan: --fail-on high: ").endsWith("(1 new)");
  }

  @Test
  void theSamePullRequestWithoutTheNewQueuePassesTheGate() throws IOException {
    Path base = checkout("base", QUEUE_WITHOUT_DLQ, "");
    Path head = checkout("head", QUEUE_WITH_DLQ, "");
    Path baseline = dir.resolve("baseline.json");
    CliTest.run("assess", base.toString(), "--format", "json", "-o", baseline.toString());
    CliTest.Result gate =
        CliTest.run(
            "assess",
            head.toString(),
            "--baseline",
            baseline.toString(),
            "--fail-on",
            "high",
            "-o",
            dir.resolve("plan.md").toString());
    assertThat(gate.code()).isZero();
  }
}
