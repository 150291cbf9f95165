package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.SkippedFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Third-party code committed into the repository is listed once as vendored, never parsed. */
class VendoredCodeTest {
  @TempDir Path dir;

  private Path write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
    return p;
  }

  private Discovery.Result discover() throws IOException {
    return new Discovery().discover(List.of(dir));
  }

  private static List<String> displays(Discovery.Result r) {
    return r.files().stream().map(SourceFile::display).toList();
  }

  private static SkippedFile vendored(String display) {
    return new SkippedFile(display, VendoredCode.REASON);
  }

  @Test
  void aSitePackagesTreeIsListedOnceAndNotRead() throws IOException {
    write("layer/python/lib/python3.12/site-packages/requests/api.py", "import json\n");
    write("layer/python/lib/python3.12/site-packages/requests/data.json", "{\"a\": 1}");
    write("app.py", "def handler(e, c):\n  return 1\n");

    Discovery.Result r = discover();

    assertThat(displays(r)).containsExactly("app.py");
    assertThat(r.skipped()).containsExactly(vendored("layer/python/lib/python3.12/site-packages/"));
  }

  @Test
  void aFolderHoldingOnlyInstalledPackagesIsOneVendoredTree() throws IOException {
    write("deps/python/six-1.16.0.dist-info/RECORD", "six.py,sha256=x,1\n");
    write("deps/python/boto3-1.0.dist-info/RECORD", "boto3/__init__.py,sha256=x,1\n");
    write("deps/python/six.py", "x = 1\n");
    write("deps/python/boto3/__init__.py", "x = 1\n");

    Discovery.Result r = discover();

    assertThat(displays(r)).isEmpty();
    assertThat(r.skipped()).containsExactly(vendored("deps/python/"));
  }

  @Test
  void aLayersPythonFolderWithPackageRecordsIsVendoredWhole() throws IOException {
    write("dependencies/python/idna-3.4.dist-info/RECORD", "idna/core.py,sha256=x,1\n");
    write("dependencies/python/idna/core.py", "x = 1\n");
    write("dependencies/python/pika/connection.py", "import socket\n");
    write("dependencies/python/requirements.txt", "idna==3.4\npika==1.3.1\n");
    write("src/app.py", "def handler(e, c):\n  return 1\n");

    Discovery.Result r = discover();

    assertThat(displays(r)).containsExactly("src/app.py");
    assertThat(r.skipped()).containsExactly(vendored("dependencies/python/"));
  }

  @Test
  void theWorkloadsOwnFilesBesideInstalledPackagesAreStillRead() throws IOException {
    write("fn/requests-2.0.dist-info/RECORD", "requests/api.py,sha256=x,1\n");
    write("fn/requests/api.py", "x = 1\n");
    write("fn/app.py", "def handler(e, c):\n  return 1\n");

    Discovery.Result r = discover();

    assertThat(displays(r)).containsExactly("fn/app.py");
    assertThat(r.skipped())
        .containsExactly(vendored("fn/requests-2.0.dist-info/"), vendored("fn/requests/"));
  }

  @Test
  void aVendorFolderIsListedAsVendored() throws IOException {
    write("vendor/github.com/lib/pq/conn.go", "package pq\n");

    assertThat(discover().skipped()).containsExactly(vendored("vendor/"));
  }

  @Test
  void aMinifiedBundleIsListedAsVendored() throws IOException {
    write("web/jquery.min.js", "!function(){}();");
    write("web/bundle.js", "var a=1;".repeat(20_000));
    write("web/app.js", "const a = 1;\n");

    Discovery.Result r = discover();

    assertThat(displays(r)).containsExactly("web/app.js");
    assertThat(r.skipped())
        .containsExactly(vendored("web/bundle.js"), vendored("web/jquery.min.js"));
  }

  @Test
  void aJsonDataFileIsKeptWithoutItsTree() throws IOException {
    write("package-lock.json", "{\"name\": \"x\", \"packages\": {\"a\": {\"version\": \"1\"}}}");

    SourceFile f = discover().files().get(0);

    assertThat(f.kind()).isEqualTo(FileKind.OTHER);
    assertThat(f.documents()).isEmpty();
    assertThat(f.line(1)).startsWith("{\"name\"");
  }

  @Test
  void aJsonTemplateIsStillParsed() throws IOException {
    write(
        "stack.json",
        "{\"Description\": \"d\", \"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");

    assertThat(discover().files().get(0).kind()).isEqualTo(FileKind.CLOUDFORMATION);
  }

  @Test
  void aMalformedJsonDataFileIsStillSkippedWithTheParsersReason() throws IOException {
    write("data.json", "{\"a\": [1, 2}");

    assertThat(discover().skipped())
        .singleElement()
        .satisfies(s -> assertThat(s.reason()).startsWith("invalid JSON"));
  }
}
