package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A read replica created through a provider in another Region is a cross-Region copy of its source.
 */
class CrossRegionReplicaTest {
  @TempDir Path dir;

  private boolean noCrossRegionFinding(String replicaProvider) throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        provider "aws" {
          region = "eu-west-1"
        }

        provider "aws" {
          alias  = "dr"
          region = "eu-central-1"
        }

        resource "aws_db_instance" "primary" {
          identifier              = "orders"
          engine                  = "postgres"
          multi_az                = true
          backup_retention_period = 14
        }

        resource "aws_db_instance" "replica" {
          provider            = %s
          identifier          = "orders-replica"
          replicate_source_db = aws_db_instance.primary.arn
        }
        """
            .formatted(replicaProvider));
    Assessment a =
        Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
            .assessment();
    return a.findings().stream()
        .noneMatch(f -> f.finding().rule().id().equals("REL-BACKUP-NO-CROSS-REGION"));
  }

  @Test
  void replicaInAnotherRegionIsACrossRegionCopy() throws IOException {
    assertThat(noCrossRegionFinding("aws.dr")).isTrue();
  }

  @Test
  void replicaInTheSameRegionIsNot() throws IOException {
    assertThat(noCrossRegionFinding("aws")).isFalse();
  }
}
