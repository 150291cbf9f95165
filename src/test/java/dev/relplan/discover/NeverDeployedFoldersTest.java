package dev.relplan.discover;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A development container's Compose file and a service scaffold are not the workload: their single
 * containers and unbacked volumes would be findings about a developer's laptop.
 */
class NeverDeployedFoldersTest {
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
}
