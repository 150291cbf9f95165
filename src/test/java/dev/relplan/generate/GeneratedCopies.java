package dev.relplan.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the generator tests share: assess a folder, generate into a directory, copy an example and
 * apply what was generated to the copy (patches with {@code git apply}, files copied beside), and
 * the findings of a run as "RULE resource" lines.
 */
final class GeneratedCopies {
  private GeneratedCopies() {}

  static Assessment assess(Path root, String rpo) throws IOException {
    return Pipeline.run(
            new Pipeline.Request(List.of(root), null, new Context(null, null, rpo), List.of()))
        .assessment();
  }

  static Generation generate(Path root, String rpo, Function<GenerateInput, Generation> generator)
      throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(List.of(root), null, new Context(null, null, rpo), List.of()));
    return generator.apply(
        new GenerateInput(
            r.assessment(),
            r.workload(),
            new SourceTexts(List.of(root), r.assessment().scanRoots())));
  }

  /** The model of a run, to check what generated resources reference. */
  static dev.relplan.model.Workload model(Path root) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(root), null, Context.defaults(), List.of()))
        .workload();
  }

  /** "RULE resource" of every finding, and of every Cannot Determine entry marked with "?". */
  static Set<String> findings(Assessment a) {
    Set<String> out = new TreeSet<>();
    for (Assessment.NumberedFinding f : a.findings())
      out.add(f.finding().rule().id() + " " + f.finding().resource());
    a.undetermined().forEach(u -> out.add("? " + u.rule().id() + " " + u.resource()));
    return out;
  }

  static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path p : files.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) Files.createDirectories(target);
        else Files.copy(p, target);
      }
    }
    return to;
  }

  /**
   * Applies each generated patch with {@code git apply} from the copy's root and puts each other
   * generated IaC file at its path (below the generator's folder) in the copy.
   */
  static void apply(Generation g, String folder, Path copy)
      throws IOException, InterruptedException {
    for (GeneratedFile f : g.files()) {
      if (f.path().endsWith(".md")) continue;
      String inCopy = f.path().substring(folder.length());
      if (f.path().endsWith(".patch")) {
        Path patch = Files.createTempFile("relplan", ".patch");
        Files.writeString(patch, f.content(), StandardCharsets.UTF_8);
        git(copy, "apply", "--check", patch.toString());
        git(copy, "apply", patch.toString());
        Files.delete(patch);
      } else {
        Path target = copy.resolve(inCopy);
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.content(), StandardCharsets.UTF_8);
      }
    }
  }

  private static void git(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }
}
