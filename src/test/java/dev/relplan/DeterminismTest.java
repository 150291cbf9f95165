package dev.relplan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.cli.Main;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same input gives byte-identical reports (SPEC §4), whatever the file-system order or the
 * JVM's locale.
 */
class DeterminismTest {
  static final Path ORDERS = Path.of("examples/orders-platform");

  @TempDir Path tmp;

  /**
   * Markdown and JSON of one CLI run, with the scanned root's display path replaced by {@code
   * <root>/} and its name by {@code <root>}.
   */
  record Reports(String markdown, String json) {}

  Reports run(Path root, String outName) throws IOException {
    Path out = tmp.resolve(outName);
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          Main.execute(
              "assess",
              root.toString(),
              "--workload",
              "orders-platform",
              "--format",
              "md",
              "--format",
              "json",
              "-o",
              out.toString());
    } finally {
      System.setErr(oldErr);
    }
    assertThat(code).as("exit code; stderr: " + err.toString(StandardCharsets.UTF_8)).isZero();
    String rootDisplay = root.normalize().toString().replace('\\', '/') + "/";
    // The JSON names the root, as given, beside each file.
    String rootName = "\"" + root.normalize().toString().replace('\\', '/') + "\"";
    return new Reports(
        Files.readString(out.resolve("reliability-plan.md"), StandardCharsets.UTF_8)
            .replace(rootDisplay, "<root>/"),
        Files.readString(out.resolve("reliability-plan.json"), StandardCharsets.UTF_8)
            .replace(rootDisplay, "<root>/")
            .replace(rootName, "\"<root>\""));
  }

  @Test
  void twoRunsOnTheSameDirectoryAreByteIdentical() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Main.execute(
        "assess", ORDERS.toString(), "--format", "md", "--format", "json", "-o", a.toString());
    Main.execute(
        "assess", ORDERS.toString(), "--format", "md", "--format", "json", "-o", b.toString());
    for (String f : List.of("reliability-plan.md", "reliability-plan.json")) {
      assertThat(Files.readAllBytes(a.resolve(f)))
          .as(f)
          .isNotEmpty()
          .isEqualTo(Files.readAllBytes(b.resolve(f)));
    }
  }

  @Test
  void copyWithFilesCreatedInReverseOrderGivesTheSameReports() throws IOException {
    Reports original = run(ORDERS, "original");
    List<Path> files = filesOf(ORDERS);
    Collections.reverse(files);
    Reports copy = run(copy(files, tmp.resolve("reverse/orders-platform")), "reverse-out");
    assertThat(copy.markdown()).isEqualTo(original.markdown());
    assertThat(copy.json()).isEqualTo(original.json());
  }

  @Test
  void copyWithFilesCreatedInShuffledOrderGivesTheSameReports() throws IOException {
    Reports original = run(ORDERS, "original");
    for (long seed = 1; seed <= 3; seed++) {
      List<Path> files = filesOf(ORDERS);
      Collections.shuffle(files, new Random(seed));
      Reports copy =
          run(
              copy(files, tmp.resolve("shuffled-" + seed + "/orders-platform")),
              "shuffled-out-" + seed);
      assertThat(copy.markdown())
          .as("Markdown, shuffle seed " + seed)
          .isEqualTo(original.markdown());
      assertThat(copy.json()).as("JSON, shuffle seed " + seed).isEqualTo(original.json());
    }
  }

  @Test
  void reportsDoNotDependOnTheDefaultLocale() throws IOException {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.ROOT);
      Reports reference = run(ORDERS, "root-locale");
      for (String tag : List.of("ar-EG", "tr-TR", "de-DE", "th-TH-u-nu-thai")) {
        Locale.setDefault(Locale.forLanguageTag(tag));
        Reports localized = run(ORDERS, "locale-" + tag);
        assertThat(localized.json()).as("JSON under locale " + tag).isEqualTo(reference.json());
        assertThat(localized.markdown())
            .as("Markdown under locale " + tag)
            .isEqualTo(reference.markdown());
      }
    } finally {
      Locale.setDefault(saved);
    }
  }

  static List<Path> filesOf(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return new ArrayList<>(s.filter(Files::isRegularFile).sorted().toList());
    }
  }

  static Path copy(List<Path> files, Path target) throws IOException {
    Files.createDirectories(target);
    for (Path f : files) {
      Path dest = target.resolve(ORDERS.relativize(f).toString());
      Files.createDirectories(dest.getParent());
      Files.copy(f, dest);
    }
    return target;
  }
}
