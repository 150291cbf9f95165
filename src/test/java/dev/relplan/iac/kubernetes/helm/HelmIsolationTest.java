package dev.relplan.iac.kubernetes.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rendering a chart, run as its own process the way CI runs relplan, with a read-only home and a
 * kubeconfig naming a reachable cluster: the chart (which calls {@code lookup}) renders, the
 * cluster is never asked, and nothing is left in the home, working or temporary directory.
 */
class HelmIsolationTest {
  @TempDir Path dir;

  @Test
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void renderingNeverAsksTheClusterOfTheKubeconfigAndWritesNothingOutside() throws Exception {
    AtomicInteger requests = new AtomicInteger();
    HttpServer cluster =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    cluster.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(404, -1);
          exchange.close();
        });
    cluster.start();
    try {
      Path kubeconfig = kubeconfig(cluster.getAddress().getPort());
      Path home = Files.createDirectories(dir.resolve("home"));
      Path workingDirectory = Files.createDirectories(dir.resolve("cwd"));
      Path temporary = Files.createDirectories(dir.resolve("tmp"));
      Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-xr-xr-x"));

      ProcessBuilder builder =
          new ProcessBuilder(
                  List.of(
                      Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                      "-Duser.home=" + home,
                      "-Djava.io.tmpdir=" + temporary,
                      "-cp",
                      System.getProperty("java.class.path"),
                      RenderChartMain.class.getName(),
                      Path.of("src/test/resources/helm/web").toAbsolutePath().toString()))
              .directory(workingDirectory.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("console.txt").toFile());
      builder.environment().put("KUBECONFIG", kubeconfig.toString());
      builder.environment().put("HOME", home.toString());
      Process run = builder.start();
      assertThat(run.waitFor(110, TimeUnit.SECONDS)).isTrue();

      String console = Files.readString(dir.resolve("console.txt"));
      assertThat(run.exitValue()).as(console).isZero();
      assertThat(console).contains("objects=3 skipped=[]");
      assertThat(requests.get()).isZero();
      assertThat(entries(home)).isEmpty();
      assertThat(entries(workingDirectory)).isEmpty();
      assertThat(entries(temporary)).isEmpty();
    } finally {
      cluster.stop(0);
    }
  }

  private Path kubeconfig(int port) throws IOException {
    return Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
        - name: reachable
          cluster:
            server: http://127.0.0.1:%d
        contexts:
        - name: reachable
          context: {cluster: reachable, user: someone}
        current-context: reachable
        users:
        - name: someone
          user: {token: not-a-real-token}
        """
            .formatted(port));
  }

  private static List<Path> entries(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.toList();
    }
  }
}
