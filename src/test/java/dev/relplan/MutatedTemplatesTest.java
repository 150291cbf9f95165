package dev.relplan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.relplan.cli.Main;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.report.JsonRenderer;
import dev.relplan.report.MarkdownRenderer;
import dev.relplan.rules.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Templates that parse but hold values of unexpected shapes (a list where a number belongs, a Ref
 * to nothing, an out-of-range Select...) never crash the pipeline, and the report still validates.
 * Mutations are seeded, so a failure is reproducible from its seed.
 */
class MutatedTemplatesTest {
  static final Pattern KEY_VALUE = Pattern.compile("^(\\s*(?:- )?[A-Za-z0-9_:.\"-]+:\\s)(\\S.*)$");
  static final List<String> VALUES =
      List.of(
          "[1, 2]",
          "{a: 1}",
          "~",
          "''",
          "-1",
          "0",
          "!Ref Nowhere",
          "!GetAtt X.Y",
          "!If [Nope, 1, 2]",
          "!Select [9, []]",
          "!Sub '${X}'",
          "!ImportValue nope",
          "true",
          "99999999999999999999",
          "!Split [',', 5]",
          "!Join [',', x]",
          "!FindInMap [A, B, C]",
          "!GetAZs ''",
          "!Base64 x",
          "!Condition Nope",
          "{Ref: AWS::NoValue}",
          "!Equals [1]",
          "[]",
          "{}",
          "'*'",
          "1.5");

  static Stream<Long> seeds() {
    return Stream.iterate(1L, s -> s + 1).limit(60);
  }

  static JsonSchema schema() throws IOException {
    try (InputStream in =
        MutatedTemplatesTest.class.getResourceAsStream("/relplan-report.schema.json")) {
      return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
    }
  }

  static final JsonSchema SCHEMA;

  static {
    try {
      SCHEMA = schema();
    } catch (IOException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void mutatedExampleIsAssessedAndItsReportValidates(long seed, @TempDir Path tmp)
      throws IOException {
    Random rnd = new Random(seed);
    Path source = Path.of(seed % 2 == 0 ? "examples/orders-platform" : "examples/resilient-web");
    Path copy = tmp.resolve(source.getFileName());
    List<String> mutations = new ArrayList<>();
    try (Stream<Path> files = Files.walk(source)) {
      for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
        Path dest = copy.resolve(source.relativize(f).toString());
        Files.createDirectories(dest.getParent());
        String text = Files.readString(f, StandardCharsets.UTF_8);
        if (f.toString().endsWith(".yaml"))
          text = mutate(text, rnd, f.getFileName().toString(), mutations);
        Files.writeString(dest, text, StandardCharsets.UTF_8);
      }
    }
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(copy), null, new Context(99.99, "PT1H", "PT5M"), List.of()));
    assertThat(r.assessment().skippedFiles())
        .as("mutated files still parse, so the mutations are exercised")
        .isEmpty();
    assertThat(r.assessment().resourcesAnalyzed()).isPositive();
    String json = JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets());
    String md = MarkdownRenderer.render(r.assessment(), "2026-01-01");
    assertThat(md).as("mutations " + mutations).startsWith("#");
    assertThat(SCHEMA.validate(new ObjectMapper().readTree(json)))
        .as("schema errors after mutations " + mutations)
        .isEmpty();
  }

  static String mutate(String text, Random rnd, String file, List<String> log) {
    String[] lines = text.split("\n", -1);
    List<Integer> candidates = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      Matcher m = KEY_VALUE.matcher(l);
      // Not comments, block scalars, or a lone tag whose value follows on the next lines
      // (Fn::Base64: !Sub).
      if (!l.trim().startsWith("#")
          && !l.contains(" #")
          && !l.contains("|")
          && !l.contains(">")
          && m.matches()
          && !m.group(2).matches("[!&][A-Za-z0-9:]+\\s*")) {
        candidates.add(i);
      }
    }
    for (int n = 0; n < 8 && !candidates.isEmpty(); n++) {
      int i = candidates.get(rnd.nextInt(candidates.size()));
      Matcher m = KEY_VALUE.matcher(lines[i]);
      if (!m.matches()) continue;
      String v = VALUES.get(rnd.nextInt(VALUES.size()));
      log.add(file + ":" + (i + 1) + " " + m.group(2) + " -> " + v);
      lines[i] = m.group(1) + v;
    }
    return String.join("\n", lines);
  }
}
