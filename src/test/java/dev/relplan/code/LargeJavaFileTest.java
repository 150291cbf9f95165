package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.bench.LargeSources;
import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A class with thousands of fields and methods, each sending through a shared client: following a
 * variable by scanning every field, call and assignment of the class made such a file quadratic.
 */
class LargeJavaFileTest {
  /**
   * The timeout only guards a hang: the time is measured by LargeSourceBenchmark (about a second
   * when linear on a quiet machine, and a loaded one may take a minute).
   */
  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void aClassWithThousandsOfMembersIsScanned() {
    int members = 3000;
    SourceFile f =
        new SourceFile(
            Path.of("Big.java"),
            "Big.java",
            FileKind.SOURCE_CODE,
            LargeSources.javaClass(members),
            List.of());
    assertThat(new JavaCodeScanner().scan(List.of(f)).integrations()).hasSize(members);
  }
}
