package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.bench.LargeSources;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A file with thousands of functions declaring the same client name and a class with thousands of
 * clients held in fields: finding a binding or a {@code this.} field by scanning every declaration
 * and assignment of the file per use made such a file quadratic.
 */
class LargeJsFileTest {
  /**
   * The timeout only guards a hang: the time is measured by LargeSourceBenchmark (about a second
   * when linear on a quiet machine, and a loaded one may take a minute).
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aModuleWithThousandsOfClientsIsScanned() {
    int functions = 3000;
    SourceFile f =
        new SourceFile(
            Path.of("big.js"),
            "big.js",
            FileKind.SOURCE_CODE,
            LargeSources.javaScriptModule(functions),
            List.of());
    assertThat(new JavaScriptCodeScanner().scan(List.of(f)).integrations()).hasSize(2 * functions);
  }
}
