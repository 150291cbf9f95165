package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

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
  private static String bigModule(int functions) {
    StringBuilder sb = new StringBuilder("const axios = require('axios');\n");
    for (int i = 0; i < functions; i++) {
      sb.append("function get").append(i).append("() {\n");
      sb.append("  const api = axios.create({ timeout: 1000 });\n");
      sb.append("  return api.get('/items/").append(i).append("');\n}\n");
    }
    sb.append("class Clients {\n  constructor() {\n");
    for (int i = 0; i < functions; i++)
      sb.append("    this.c").append(i).append(" = axios.create({ timeout: 2000 });\n");
    sb.append("  }\n");
    for (int i = 0; i < functions; i++)
      sb.append("  load")
          .append(i)
          .append("() { return this.c")
          .append(i)
          .append(".get('/x'); }\n");
    return sb.append("}\n").toString();
  }

  /** About a second when linear; the timeout guards a hang. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void aModuleWithThousandsOfClientsIsScanned() {
    int functions = 3000;
    SourceFile f =
        new SourceFile(
            Path.of("big.js"), "big.js", FileKind.SOURCE_CODE, bigModule(functions), List.of());
    assertThat(new JavaScriptCodeScanner().scan(List.of(f)).integrations()).hasSize(2 * functions);
  }
}
