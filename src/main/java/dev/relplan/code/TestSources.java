package dev.relplan.code;

/**
 * Test sources call mocks and local servers: their calls are not the workload's integrations. The
 * folders every language keeps tests in are here; each language's scanner adds its file-name
 * conventions.
 */
public final class TestSources {
  private TestSources() {}

  /** Under a test source folder (Maven/Gradle, Python, Go testdata, .NET test projects). */
  public static boolean inTestFolder(String path) {
    String p = "/" + path;
    return p.contains("/src/test/")
        || p.contains("/src/it/")
        || p.contains("/src/integrationTest/")
        || p.contains("/tests/")
        || p.contains(".Tests/")
        || p.contains("/testdata/");
  }
}
