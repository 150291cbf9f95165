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
 * Zones read from data.aws_availability_zones are unknown, but distinct indexes are distinct zones,
 * so a single NAT gateway serving subnets on azs[0..2] is still a finding, and one per zone is not.
 */
class DataSourceZonesTest {
  @TempDir Path dir;

  private Assessment assess(int natCount) throws IOException {
    Files.writeString(
        dir.resolve("main.tf"),
        """
        data "aws_availability_zones" "available" {}

        locals {
          azs = slice(data.aws_availability_zones.available.names, 0, 3)
        }

        resource "aws_vpc" "main" {
          cidr_block = "10.0.0.0/16"
        }

        resource "aws_subnet" "private" {
          count             = 3
          vpc_id            = aws_vpc.main.id
          cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index)
          availability_zone = element(local.azs, count.index)
        }

        resource "aws_subnet" "public" {
          count             = 3
          vpc_id            = aws_vpc.main.id
          cidr_block        = cidrsubnet("10.0.0.0/16", 8, count.index + 10)
          availability_zone = local.azs[count.index]
        }

        resource "aws_nat_gateway" "nat" {
          count     = %d
          subnet_id = aws_subnet.public[count.index].id
        }

        resource "aws_route_table" "private" {
          count  = 3
          vpc_id = aws_vpc.main.id
          route {
            cidr_block     = "0.0.0.0/0"
            nat_gateway_id = aws_nat_gateway.nat[%s].id
          }
        }

        resource "aws_route_table_association" "private" {
          count          = 3
          subnet_id      = aws_subnet.private[count.index].id
          route_table_id = aws_route_table.private[count.index].id
        }
        """
            .formatted(natCount, natCount == 1 ? "0" : "count.index"));
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()))
        .assessment();
  }

  @Test
  void singleNatGatewayServingDataSourceZonesIsAFinding() throws IOException {
    Assessment a = assess(1);
    assertThat(a.findings()).anyMatch(f -> f.finding().rule().id().equals("REL-NAT-SINGLE"));
    assertThat(a.undetermined()).noneMatch(u -> u.rule().id().equals("REL-NAT-SINGLE"));
  }

  @Test
  void oneNatGatewayPerDataSourceZoneIsNoFinding() throws IOException {
    Assessment a = assess(3);
    assertThat(a.findings()).noneMatch(f -> f.finding().rule().id().equals("REL-NAT-SINGLE"));
    assertThat(a.undetermined()).noneMatch(u -> u.rule().id().equals("REL-NAT-SINGLE"));
  }
}
