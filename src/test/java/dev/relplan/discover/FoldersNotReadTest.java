package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Folders discovery does not read. A development container's Compose file, a service scaffold, a
 * build tool's files and the inputs of tests are not the workload: their single containers,
 * unbacked volumes and expected templates would be findings about a developer's laptop or a unit
 * test. A {@code bin} folder is compiled output, except beside a cdk.json, where it holds a CDK
 * app's entry point.
 */
class FoldersNotReadTest {
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
  void aDevelopmentContainersComposeFileIsNotRead() throws IOException {
    write(".devcontainer/docker-compose.yml", "services:\n  db:\n    image: postgres:16\n");
    write("docker-compose.yml", "services:\n  web:\n    image: nginx:1.27\n");

    assertThat(discovered()).containsExactly("docker-compose.yml");
  }

  @Test
  void aServiceScaffoldUnderTemplatesIsNotRead() throws IOException {
    write(
        ".templates/webpack-service/serverless.yml",
        "service: my-service\nprovider:\n  name: aws\n");
    write("api/serverless.yml", "service: api\nprovider:\n  name: aws\n");

    assertThat(discovered()).containsExactly("api/serverless.yml");
  }

  @Test
  void aTemplateAmongAJavaProjectsTestResourcesIsNotRead() throws IOException {
    write(
        "widgets/src/test/resources/expected.json",
        "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
    write("widgets/src/main/resources/template.json", "{\"Resources\": {}}");
    write("widgets/test/template.yaml", "Resources: {}\n");

    assertThat(discovered())
        .containsExactlyInAnyOrder(
            "widgets/src/main/resources/template.json", "widgets/test/template.yaml");
  }

  @Test
  void goTestdataIsNotRead() throws IOException {
    write("internal/render/testdata/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n");
    write("deploy/deployment.yaml", "apiVersion: apps/v1\nkind: Deployment\n");

    assertThat(discovered()).containsExactly("deploy/deployment.yaml");
  }

  @Test
  void theMavenWrappersDownloaderIsNotRead() throws IOException {
    write(
        ".mvn/wrapper/MavenWrapperDownloader.java",
        "class MavenWrapperDownloader { void f() throws Exception { new java.net.URL(\"https://repo.example.com\").openStream(); } }\n");
    write("src/main/java/app/App.java", "package app;\nclass App {}\n");

    assertThat(discovered()).containsExactly("src/main/java/app/App.java");
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
