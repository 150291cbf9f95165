package dev.relplan.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * relplan, run as its own process the way CI runs it, writes nothing but its report: not into a
 * read-only home (where the tree-sitter natives used to be unpacked), not into the working
 * directory, and it leaves nothing in the temporary directory once it exits.
 */
class ReadOnlyHomeTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void codeScanWithReadOnlyHomeSucceedsAndWritesNothingOutsideTheReport() throws Exception {
    Path repo = repositoryWithPythonAndGoCode();
    Path home = Files.createDirectories(dir.resolve("home"));
    Path workingDirectory = Files.createDirectories(dir.resolve("cwd"));
    Path temporary = Files.createDirectories(dir.resolve("tmp"));
    Path report = dir.resolve("plan.md");
    Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));

    Process run =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Duser.home=" + home,
                    "-Djava.io.tmpdir=" + temporary,
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "assess",
                    repo.toString(),
                    "-o",
                    report.toString()))
            .directory(workingDirectory.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("console.txt").toFile())
            .start();
    assertThat(run.waitFor(110, TimeUnit.SECONDS)).isTrue();

    assertThat(run.exitValue()).as(Files.readString(dir.resolve("console.txt"))).isZero();
    assertThat(Files.readString(report)).contains("`app.py:4`", "`stock/main.go:6`");
    assertThat(entries(home)).isEmpty();
    assertThat(entries(workingDirectory)).isEmpty();
    assertThat(entries(temporary)).isEmpty();
  }

  private Path repositoryWithPythonAndGoCode() throws IOException {
    Path repo = Files.createDirectories(dir.resolve("repo"));
    Files.writeString(
        repo.resolve("template.yaml"),
        """
        AWSTemplateFormatVersion: '2010-09-09'
        Transform: AWS::Serverless-2016-10-31
        Resources:
          OrdersFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: python3.12
              Handler: app.handler
              CodeUri: .
          StockFunction:
            Type: AWS::Serverless::Function
            Properties:
              Runtime: provided.al2023
              Handler: bootstrap
              CodeUri: stock/
        """);
    Files.writeString(
        repo.resolve("app.py"),
        """
        import requests

        def handler(event, context):
            return requests.get("https://orders.example.com/items").json()
        """);
    Path stock = Files.createDirectories(repo.resolve("stock"));
    Files.writeString(
        stock.resolve("main.go"),
        """
        package main

        import "net/http"

        func handler() error {
        	_, err := http.Get("https://stock.example.com/levels")
        	return err
        }
        """);
    return repo;
  }

  private static List<Path> entries(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
