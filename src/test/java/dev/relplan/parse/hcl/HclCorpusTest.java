package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Robustness check over a directory of real Terraform code, off by default. Run with {@code mvn
 * test -Dtest=HclCorpusTest -Drelplan.hcl.corpus=/path/to/dir}. Every immediate subdirectory is
 * reported separately; every {@code .tf}, {@code .tfvars} and {@code .tf.json} file under it is
 * parsed. A "crash" is any exception other than a syntax error, or a syntax error reporting an
 * internal parser error.
 */
@EnabledIfSystemProperty(named = "relplan.hcl.corpus", matches = ".+")
class HclCorpusTest {

  @Test
  void parsesEveryFileInTheCorpus() throws IOException {
    Path root = Paths.get(System.getProperty("relplan.hcl.corpus"));
    List<Path> groups = new ArrayList<>();
    try (Stream<Path> s = Files.list(root)) {
      s.filter(Files::isDirectory).sorted().forEach(groups::add);
    }
    if (groups.isEmpty()) {
      groups.add(root);
    }
    int totalErrors = 0;
    int totalCrashes = 0;
    int totalMismatches = 0;
    for (Path group : groups) {
      List<Path> files = new ArrayList<>();
      try (Stream<Path> s = Files.walk(group)) {
        s.filter(Files::isRegularFile)
            .filter(
                p -> {
                  String n = p.getFileName().toString();
                  return n.endsWith(".tf")
                      || n.endsWith(".tfvars")
                      || n.endsWith(".tf.json")
                      || n.endsWith(".tfvars.json");
                })
            .sorted()
            .forEach(files::add);
      }
      int parsed = 0;
      int errors = 0;
      int crashes = 0;
      long items = 0;
      mismatches = 0;
      long start = System.nanoTime();
      for (Path f : files) {
        String display = root.relativize(f).toString();
        String content = new String(Files.readAllBytes(f), StandardCharsets.UTF_8);
        try {
          HclFile file = HclParser.parseBySuffix(display, content);
          items += file.body().items().size();
          mismatches += checkInvariants(file, file.body());
          parsed++;
        } catch (HclSyntaxException e) {
          if (e.detail().startsWith("internal parser error")) {
            crashes++;
            System.out.println("CRASH " + e.getMessage());
          } else {
            errors++;
            System.out.println("SYNTAX " + e.getMessage());
          }
        } catch (Throwable t) {
          crashes++;
          System.out.println("CRASH " + display + ": " + t);
        }
      }
      long ms = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "CORPUS %s: files=%d parsed=%d syntaxErrors=%d crashes=%d"
              + " invariantMismatches=%d topLevelItems=%d time=%dms%n",
          root.relativize(group), files.size(), parsed, errors, crashes, mismatches, items, ms);
      totalMismatches += mismatches;
      totalErrors += errors;
      totalCrashes += crashes;
    }
    assertThat(totalCrashes).isZero();
    assertThat(totalErrors).isZero();
    assertThat(totalMismatches).isZero();
  }

  private int mismatches;

  /**
   * Checks that ranges cover the right text and that printing an expression and parsing the output
   * again gives the same printed form. Returns the number of violations.
   */
  private static int checkInvariants(HclFile file, Body body) {
    int bad = 0;
    for (BodyItem item : body.items()) {
      String text = file.text(item.range());
      if (item instanceof Attribute a) {
        boolean json = file.path().endsWith(".json");
        if (!text.startsWith(json ? "\"" + a.name() + "\"" : a.name())) {
          System.out.println("RANGE " + a.range() + " attribute text: " + text);
          bad++;
        }
        String printed = a.value().source();
        try {
          String again = HclParser.parseExpression("reprint", printed).source();
          if (!again.equals(printed)) {
            System.out.println("REPRINT " + a.range() + "\n  " + printed + "\n  " + again);
            bad++;
          }
        } catch (HclSyntaxException e) {
          System.out.println("REPARSE " + a.range() + " " + e.getMessage() + "\n  " + printed);
          bad++;
        }
      } else if (item instanceof Block b) {
        boolean json = file.path().endsWith(".json");
        String start =
            json
                ? "\"" + (b.labels().isEmpty() ? b.type() : b.label(b.labels().size() - 1)) + "\""
                : b.type();
        if (!text.startsWith(start) || !text.endsWith("}")) {
          System.out.println("RANGE " + b.range() + " block text: " + text);
          bad++;
        }
        bad += checkInvariants(file, b.body());
      }
    }
    return bad;
  }
}
