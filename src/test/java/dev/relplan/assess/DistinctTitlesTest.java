package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two resources with one name in two files (services of a monorepo) get findings whose titles name
 * the file; a resource whose name is its own keeps its title.
 */
class DistinctTitlesTest {
  @TempDir Path dir;

  private static final String DATABASE =
      """
      Resources:
        %s:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            DBInstanceClass: db.t3.micro
            MultiAZ: false
      """;

  private List<String> singleAzTitles() throws IOException {
    return Pipeline.run(
            new Pipeline.Request(List.of(dir), null, new Context(null, null, null), List.of()))
        .assessment()
        .findings()
        .stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals("REL-DB-SINGLE-AZ"))
        .map(f -> f.title())
        .sorted()
        .toList();
  }

  private void template(String folder, String database) throws IOException {
    Files.createDirectories(dir.resolve(folder));
    Files.writeString(dir.resolve(folder + "/template.yaml"), DATABASE.formatted(database));
  }

  @Test
  void findingsOnSameNamedResourcesInTwoFilesNameTheirFiles() throws IOException {
    template("billing", "Database");
    template("notes", "Database");

    assertThat(singleAzTitles())
        .hasSize(2)
        .allMatch(t -> t.endsWith("(billing/template.yaml)") || t.endsWith("(notes/template.yaml)"))
        .doesNotHaveDuplicates();
  }

  @Test
  void aFindingWhoseTitleIsItsOwnKeepsIt() throws IOException {
    template("billing", "BillingDatabase");
    template("notes", "NotesDatabase");

    assertThat(singleAzTitles()).noneMatch(t -> t.contains("template.yaml"));
  }
}
