package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A language scanner that fails outside its per-file guard (a step reading several files together)
 * costs its own results, listed with the reason, and not the other languages' (on
 * serverless-patterns such a failure in the Python scanner once lost every language's calls).
 */
class LanguageScanContainedTest {
  private static final List<SourceFile> FILES =
      List.of(new SourceFile(Path.of("a.py"), "a.py", FileKind.SOURCE_CODE, "x = 1\n", List.of()));

  /** Fails as a step across files would, after its per-file work. */
  private static final class FailingAcrossFiles implements LanguageScanner {
    @Override
    public boolean handles(SourceFile file) {
      return true;
    }

    @Override
    public ScanResult scan(List<SourceFile> files) {
      throw new NullPointerException("a name no module exports");
    }
  }

  @Test
  void aScannerFailingAcrossFilesIsListedAsSkippedWithItsReason() {
    ScanResult r = CodeScanner.scanContained(new FailingAcrossFiles(), FILES);
    assertThat(r.integrations()).isEmpty();
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.skipped().get(0).toString())
        .contains("FailingAcrossFiles (a step across its 1 files)")
        .contains("NullPointerException");
  }

  @Test
  void aScannerThatSucceedsKeepsItsResults() {
    LanguageScanner fine =
        new LanguageScanner() {
          @Override
          public boolean handles(SourceFile file) {
            return true;
          }

          @Override
          public ScanResult scan(List<SourceFile> files) {
            return ScanResult.empty();
          }
        };
    assertThat(CodeScanner.scanContained(fine, FILES).skipped()).isEmpty();
  }
}
