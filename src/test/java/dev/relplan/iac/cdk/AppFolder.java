package dev.relplan.iac.cdk;

import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A CDK app written file by file into a test's folder, and relplan's run over it. */
final class AppFolder {
  private AppFolder() {}

  /** Writes {@code content} to {@code name} under {@code dir}, making its folders. */
  static void write(Path dir, String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  /** The whole pipeline over the folder, with default objectives. */
  static Pipeline.Result run(Path dir) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), List.of()));
  }
}
