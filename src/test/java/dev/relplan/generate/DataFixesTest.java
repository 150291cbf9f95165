package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fixes for data, recovery, network and asynchronous findings: cache replication,
 * on-demand DynamoDB capacity, backup retention, NAT gateways per zone and dead-letter queues.
 */
class DataFixesTest {
  @TempDir Path tmp;

  /** The findings after applying what was generated for the folder to a copy of it. */
  private Set<String> afterFixes(Path original) throws Exception {
    Path copy = copy(original, tmp.resolve("copy-" + original.getFileName()));
    apply(generate(original, null, FixesGenerator::generate), FixesGenerator.FOLDER, copy);
    return unlined(findings(assess(copy, null)));
  }

  private Path folder(String file, String text) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("original"));
    Files.writeString(dir.resolve(file), text);
    return dir;
  }

  /** Findings without the line a Cannot Determine entry names, which added lines move. */
  private static Set<String> unlined(Set<String> findings) {
    Set<String> out = new TreeSet<>();
    for (String f : findings) {
      int colon = f.lastIndexOf(':');
      boolean numbered =
          f.startsWith("? ")
              && colon > 0
              && colon < f.length() - 1
              && f.substring(colon + 1).chars().allMatch(Character::isDigit);
      out.add(numbered ? f.substring(0, colon) : f);
    }
    return out;
  }

  private void assertCleared(Path original, List<String> targeted) throws Exception {
    Set<String> before = unlined(findings(assess(original, null)));
    assertThat(before).containsAll(targeted);
    assertThat(afterFixes(original)).doesNotContainAnyElementsOf(targeted).isSubsetOf(before);
  }

  @Test
  void patchesOfOrdersPlatformClearItsDataFindingsAndAddNone() throws Exception {
    assertCleared(
        Path.of("examples", "orders-platform"),
        List.of(
            "REL-DYNAMODB-FIXED-CAPACITY IdempotencyTable",
            "REL-STATEFUL-NO-REPLICATION OrdersCache",
            "REL-ASYNC-NO-DLQ ShipmentNotifier",
            "REL-ASYNC-NO-DLQ ClickstreamMapping",
            "REL-ASYNC-NO-DLQ OrderStatusRule",
            "REL-NAT-SINGLE NatGateway"));
  }

  @Test
  void patchesOfTerraformShopClearItsDataFindingsAndAddNone() throws Exception {
    assertCleared(
        Path.of("examples", "terraform-shop"),
        List.of(
            "REL-BACKUP-SHORT-RETENTION aws_db_instance.orders",
            "REL-ASYNC-NO-DLQ aws_lambda_function.nightly_report"));
  }
}
