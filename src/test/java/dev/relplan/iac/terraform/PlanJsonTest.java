package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.Database;
import dev.relplan.model.Queue;
import dev.relplan.model.Subnet;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * terraform show -json output as input: known values, located in the configuration when it is
 * scanned too.
 */
class PlanJsonTest {
  @TempDir Path dir;

  private static final String PLAN =
      """
      {
        "format_version": "1.2",
        "terraform_version": "1.7.5",
        "planned_values": {
          "root_module": {
            "resources": [
              {
                "address": "aws_db_instance.main",
                "mode": "managed",
                "type": "aws_db_instance",
                "name": "main",
                "values": {"engine": "postgres", "multi_az": false, "backup_retention_period": 7}
              },
              {
                "address": "aws_sqs_queue.dlq",
                "mode": "managed",
                "type": "aws_sqs_queue",
                "name": "dlq",
                "values": {"name": "dlq", "arn": "arn:aws:sqs:eu-west-1:111122223333:dlq"}
              },
              {
                "address": "aws_sqs_queue.work",
                "mode": "managed",
                "type": "aws_sqs_queue",
                "name": "work",
                "values": {
                  "name": "work",
                  "redrive_policy": "{\\"deadLetterTargetArn\\":\\"arn:aws:sqs:eu-west-1:111122223333:dlq\\",\\"maxReceiveCount\\":5}"
                }
              }
            ],
            "child_modules": [
              {
                "address": "module.net",
                "resources": [
                  {
                    "address": "module.net.aws_subnet.private[0]",
                    "mode": "managed",
                    "type": "aws_subnet",
                    "name": "private",
                    "index": 0,
                    "values": {"availability_zone": "eu-west-1a"}
                  }
                ]
              }
            ]
          }
        }
      }
      """;

  private Pipeline.Result run() throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }

  private static List<Finding> findings(Pipeline.Result r, String rule) {
    return r.assessment().findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule))
        .toList();
  }

  @Test
  void planAloneGivesKnownValuesAtPlanLines() throws IOException {
    Files.writeString(dir.resolve("plan.json"), PLAN);
    Pipeline.Result r = run();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(f -> assertThat(f.evidence()).containsExactly(new Location("plan.json", 8)));
    Queue dlq =
        r.workload().all(Queue.class).stream()
            .filter(q -> q.id.equals("aws_sqs_queue.dlq"))
            .findFirst()
            .orElseThrow();
    assertThat(dlq.deadLetterSources).extracting(x -> x.id).containsExactly("aws_sqs_queue.work");
    assertThat(r.workload().all(Subnet.class))
        .singleElement()
        .satisfies(s -> assertThat(s.availabilityZone.get()).isEqualTo("eu-west-1a"));
  }

  @Test
  void planValuesWinAndTheConfigurationGivesTheLines() throws IOException {
    Files.writeString(dir.resolve("plan.json"), PLAN);
    Files.writeString(
        dir.resolve("main.tf"),
        """
        variable "multi_az" {
          default = true
        }
        resource "aws_db_instance" "main" {
          engine   = "postgres"
          multi_az = var.multi_az
        }
        module "net" {
          source = "./net"
        }
        """);
    Files.createDirectories(dir.resolve("net"));
    Files.writeString(
        dir.resolve("net/main.tf"), "resource \"aws_subnet\" \"private\" {\n  count = 1\n}\n");
    Pipeline.Result r = run();
    assertThat(r.workload().all(Database.class)).singleElement();
    assertThat(findings(r, "REL-DB-SINGLE-AZ"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.evidence())
                    .containsExactly(new Location("main.tf", 4), new Location("plan.json", 8)));
    Subnet s = r.workload().all(Subnet.class).get(0);
    assertThat(s.id).isEqualTo("module.net.aws_subnet.private[0]");
    assertThat(s.location).isEqualTo(new Location("net/main.tf", 1));
    assertThat(s.callChain).containsExactly(new Location("main.tf", 8));
    assertThat(r.assessment().notes()).anyMatch(n -> n.contains("from the plan plan.json"));
  }
}
