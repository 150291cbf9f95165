package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code bin} folder beside a cdk.json holds a CDK app's entry point and is read; any other
 * {@code bin} folder is compiled output and stays excluded.
 */
class CdkEntryFolderTest {
  @TempDir Path dir;

  private void write(String relative, String content) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private List<String> discovered() throws IOException {
    return new Discovery()
        .discover(List.of(dir)).files().stream().map(SourceFile::display).toList();
  }

  @Test
  void theEntryPointInTheBinFolderOfACdkAppIsRead() throws IOException {
    write("app/cdk.json", "{\"app\": \"npx ts-node bin/app.ts\"}");
    write("app/bin/app.ts", "import * as cdk from 'aws-cdk-lib';\nconst app = new cdk.App();\n");

    assertThat(discovered()).contains("app/bin/app.ts");
  }

  @Test
  void aBinFolderWithoutACdkJsonBesideItStaysExcluded() throws IOException {
    write("Service/bin/Debug/net8.0/Service.cs", "class Generated {}\n");
    write("tool/bin/run.ts", "console.log('x');\n");
    write("tool/lib/cdk.json", "{}");

    assertThat(discovered()).noneMatch(name -> name.contains("/bin/"));
  }
}
