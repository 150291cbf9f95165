package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** relplan generate: writes into the directory it is given, and only there. */
class GenerateCommandTest {
  static final String CFN_FAIL = "src/test/resources/rules/REL-BACKUP-MISSING/cloudformation/fail";

  @TempDir Path tmp;

  @Test
  void backupWritesThePatchAndItsReadmeIntoTheDirectory() throws Exception {
    Path out = tmp.resolve("generated");

    CliTest.Result r = CliTest.run("generate", "backup", CFN_FAIL, "-o", out.toString());

    assertThat(r.code()).isZero();
    assertThat(out.resolve("backup/template.yaml.patch")).isRegularFile();
    assertThat(out.resolve("backup/README.md")).isRegularFile();
    assertThat(r.out()).contains("wrote " + out.resolve("backup/template.yaml.patch"));
    assertThat(r.out())
        .contains(
            "1 finding or resource not generated, each with the reason: see "
                + out.resolve("backup/README.md"));
    assertThat(out.resolve("backup/README.md"))
        .content()
        .contains("InvoiceDocuments (template.yaml:18)");
  }

  @Test
  void quietWritesTheFilesAndPrintsNothing() throws Exception {
    Path out = tmp.resolve("generated");

    CliTest.Result r = CliTest.run("generate", "backup", CFN_FAIL, "-o", out.toString(), "-q");

    assertThat(r.code()).isZero();
    assertThat(out.resolve("backup/template.yaml.patch")).isRegularFile();
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEmpty();
  }

  @Test
  void scannedFolderIsLeftUnchanged() throws Exception {
    long before;
    try (Stream<Path> files = Files.walk(Path.of(CFN_FAIL))) {
      before = files.count();
    }

    CliTest.run("generate", "fis", CFN_FAIL, "-o", tmp.resolve("g").toString());

    try (Stream<Path> files = Files.walk(Path.of(CFN_FAIL))) {
      assertThat(files.count()).isEqualTo(before);
    }
  }

  @Test
  void outputThatIsAFileIsRefused() throws Exception {
    Path file = Files.writeString(tmp.resolve("plan.md"), "x");

    CliTest.Result r = CliTest.run("generate", "backup", CFN_FAIL, "-o", file.toString());

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.errLines()).singleElement().asString().contains("is a file: pass a directory");
  }

  @Test
  void missingOutputDirectoryIsAUsageError() {
    CliTest.Result r = CliTest.run("generate", "backup", CFN_FAIL);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("pass -o DIR");
  }

  @Test
  void generateHelpNamesItsKinds() {
    CliTest.Result r = CliTest.run("generate", "--help");

    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("backup").contains("fis");
  }

  @Test
  void planFollowUpNamesTheGenerateCommandsWithTheRpo() {
    CliTest.Result r = CliTest.run("assess", CFN_FAIL, "--rpo", "1h");

    assertThat(r.out())
        .contains("`relplan generate backup " + CFN_FAIL + "/ --rpo PT1H -o relplan-generated`")
        .contains("`relplan generate fis " + CFN_FAIL + "/ -o relplan-generated`");
  }
}
