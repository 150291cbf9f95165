package dev.relplan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The issue 11 formats of the synthetic corpus are read by their adapters, not skipped. */
class SyntheticIssue11FormatsTest {
  @TempDir Path dir;

  @Test
  void everyFormatOfAGeneratedServiceIsCitedByAFinding() throws IOException {
    // Three services: the CDK stack is written in TypeScript, Python and Java in turn.
    SyntheticRepository.writeIssue11Formats(dir, 3 * SyntheticRepository.FILES_PER_ISSUE11_SERVICE);
    Assessment plan =
        Pipeline.run(new Pipeline.Request(List.of(dir), "synthetic", Context.defaults(), List.of()))
            .assessment();

    Set<String> citedFiles =
        plan.findings().stream()
            .flatMap(n -> n.finding().evidence().stream())
            .map(e -> Path.of(e.toString().replaceFirst(":\\d+$", "")).getFileName().toString())
            .collect(Collectors.toSet());

    assertThat(citedFiles)
        .contains(
            "serverless.yml",
            "docker-compose.yml",
            "taskdef.json",
            "app-0-stack.ts",
            "app_1_stack.py",
            "App2Stack.java");
  }
}
