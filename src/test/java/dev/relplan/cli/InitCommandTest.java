package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.pipeline.Config;
import dev.relplan.source.InputError;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** relplan init asks the first step's questions and writes a relplan.yaml assess reads. */
class InitCommandTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream shown = new ByteArrayOutputStream();

  private int answer(String answers, boolean force) throws IOException {
    return InitCommand.write(
        dir,
        force,
        new BufferedReader(new StringReader(answers)),
        new PrintStream(shown, true, StandardCharsets.UTF_8));
  }

  @Test
  void theAnswersAreWrittenAsSettingsAssessReads() throws IOException {
    assertThat(answer("orders\n99.95\n1h\n15m\n\n\n", false)).isZero();
    Config c = Config.load(dir.resolve("relplan.yaml"));
    assertThat(c.workload()).isEqualTo("orders");
    assertThat(c.target()).isEqualTo("99.95");
    assertThat(c.rto()).isEqualTo("PT1H");
    assertThat(c.rpo()).isEqualTo("PT15M");
  }

  @Test
  void emptyAnswersKeepTheFolderNameAndLeaveObjectivesOut() throws IOException {
    answer("\n\n\n\n\n\n", false);
    Config c = Config.load(dir.resolve("relplan.yaml"));
    assertThat(c.workload()).isEqualTo(dir.getFileName().toString());
    assertThat(c.target()).isNull();
    assertThat(c.rto()).isNull();
  }

  @Test
  void aWrongAnswerIsExplainedAndAskedAgain() throws IOException {
    answer("orders\n100\n99.9\n\n\n\n\n", false);
    assertThat(shown.toString(StandardCharsets.UTF_8))
        .contains("target '100' is not a percentage below 100");
    assertThat(Config.load(dir.resolve("relplan.yaml")).target()).isEqualTo("99.9");
  }

  @Test
  void anExistingFileIsKeptWithoutForce() throws IOException {
    Files.writeString(dir.resolve("relplan.yaml"), "workload: mine\n");
    assertThatThrownBy(() -> answer("orders\n\n\n\n\n\n", false))
        .isInstanceOf(InputError.class)
        .hasMessageContaining("already exists: edit it, or pass --force");
    assertThat(Files.readString(dir.resolve("relplan.yaml"))).isEqualTo("workload: mine\n");
    answer("orders\n\n\n\n\n\n", true);
    assertThat(Config.load(dir.resolve("relplan.yaml")).workload()).isEqualTo("orders");
  }

  @Test
  void aNameWithQuotesStaysOneString() throws IOException {
    answer("say \"hi\": yes\n\n\n\n\n\n", false);
    assertThat(Config.load(dir.resolve("relplan.yaml")).workload()).isEqualTo("say \"hi\": yes");
  }

  @Test
  void tierAndIncidentsFileAreWrittenAsSettingsAssessReads() throws IOException {
    Files.writeString(
        dir.resolve("incidents.yaml"), "- {title: Cache failover, affected: [Cache]}\n");
    answer("orders\n\n\n\nCritical\nincidents.yaml\n", false);
    Config c = Config.load(dir.resolve("relplan.yaml"));
    assertThat(c.tier()).isEqualTo("critical");
    assertThat(c.incidents()).isEqualTo(dir.resolve("incidents.yaml"));
  }

  @Test
  void anUnknownTierIsExplainedAndAskedAgain() throws IOException {
    answer("orders\n\n\n\nurgent\nlow\n\n", false);
    assertThat(shown.toString(StandardCharsets.UTF_8))
        .contains("tier 'urgent' is not one of critical, high, medium, low");
    assertThat(Config.load(dir.resolve("relplan.yaml")).tier()).isEqualTo("low");
  }

  @Test
  void aMissingIncidentsFileIsExplainedAndAskedAgain() throws IOException {
    answer("orders\n\n\n\n\ngone.yaml\n\n", false);
    assertThat(shown.toString(StandardCharsets.UTF_8)).contains("'gone.yaml' is not a file in");
    assertThat(Config.load(dir.resolve("relplan.yaml")).incidents()).isNull();
  }

  @Test
  void withoutATerminalItStopsAtOnceSayingWhatToDo() {
    CliTest.Result r = CliTest.run("init", dir.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("init asks its questions on a terminal and none is attached");
    assertThat(Files.exists(dir.resolve("relplan.yaml"))).isFalse();
  }
}
