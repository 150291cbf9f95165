package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Resilience4j instances named by {@code @TimeLimiter(name = …)} and {@code @Retry(name = …)}, read
 * from the module's application.yml: the instance, its base config, the default config, else
 * Resilience4j's defaults.
 */
class Resilience4jInstancesTest {
  private static final String JAVA = "svc/src/main/java/com/example/Prices.java";
  private static final String YAML = "svc/src/main/resources/application.yml";

  private static final String CLIENT =
      """
      package com.example;
      import io.github.resilience4j.retry.annotation.Retry;
      import io.github.resilience4j.timelimiter.annotation.TimeLimiter;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.net.URI;
      import java.util.concurrent.CompletableFuture;
      class Prices {
        private final HttpClient http = HttpClient.newHttpClient();
        @TimeLimiter(name = "prices")
        @Retry(name = "prices")
        CompletableFuture<HttpResponse<String>> latest() {
          return http.sendAsync(HttpRequest.newBuilder(URI.create("https://prices.example.com/latest")).build(),
              HttpResponse.BodyHandlers.ofString());
        }
      }
      """;

  private static Integration scan(String yaml) throws Exception {
    return scan(yaml, CLIENT);
  }

  private static Integration scan(String yaml, String client) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    files.add(new SourceFile(Path.of(JAVA), JAVA, FileKind.SOURCE_CODE, client, List.of()));
    if (yaml != null)
      files.add(
          new SourceFile(
              Path.of(YAML), YAML, FileKind.OTHER, yaml, YamlLoader.loadAll(YAML, yaml)));
    JavaCodeScanner scanner = new JavaCodeScanner();
    List<Integration> found = scanner.scan(scanner.handledOf(files)).integrations();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> lines(List<Location> trace) {
    return trace.stream().map(Location::toString).toList();
  }

  @Test
  void theInstancesTimeoutDurationAndMaxAttemptsDecide() throws Exception {
    Integration i =
        scan(
            """
            resilience4j:
              timelimiter:
                instances:
                  prices:
                    timeout-duration: 2s
              retry:
                instances:
                  prices:
                    max-attempts: 4
            """);
    assertThat(i.timeout.get()).startsWith("2 s time limiter timeout");
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(lines(i.timeout.trace())).containsExactly(JAVA + ":11", YAML + ":5");
    assertThat(i.retry.get()).contains("maxAttempts = 4");
    assertThat(lines(i.retry.trace())).containsExactly(JAVA + ":12", YAML + ":9");
    assertThat(i.attemptSeconds.get()).isEqualTo(2.0);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void theBaseConfigAndTheDefaultConfigApplyToAnInstanceWithoutItsOwnValue() throws Exception {
    Integration i =
        scan(
            """
            resilience4j:
              timelimiter:
                configs:
                  slow:
                    timeout-duration: 45s
                instances:
                  prices:
                    base-config: slow
              retry:
                configs:
                  default:
                    max-attempts: 2
            """);
    assertThat(i.timeout.get()).startsWith("45 s time limiter timeout");
    assertThat(lines(i.timeout.trace())).containsExactly(JAVA + ":11", YAML + ":5");
    assertThat(i.attempts.get()).isEqualTo(2);
  }

  @Test
  void withoutConfigurationResilience4jsDefaultsApply() throws Exception {
    Integration i = scan(null);
    assertThat(i.timeout.get()).startsWith("1 s (Resilience4j TimeLimiter default");
    assertThat(i.timeout.isExplicit()).isFalse();
    assertThat(lines(i.timeout.trace())).containsExactly(JAVA + ":11");
    assertThat(i.attemptSeconds.get()).isEqualTo(1.0);
    assertThat(i.attempts.get()).isEqualTo(3);
  }

  @Test
  void anInstanceNamedByAConstantIsLookedUpByItsValue() throws Exception {
    String client =
        CLIENT
            .replace("name = \"prices\"", "name = PRICES")
            .replace(
                "class Prices {", "class Prices {\n  static final String PRICES = \"prices\";");
    Integration i =
        scan(
            """
            resilience4j.timelimiter.instances.prices.timeout-duration: 3s
            resilience4j.retry.instances.prices.max-attempts: 2
            """,
            client);
    assertThat(i.timeout.get()).startsWith("3 s time limiter timeout");
    assertThat(lines(i.timeout.trace())).containsExactly(JAVA + ":12", YAML + ":1");
    assertThat(i.attempts.get()).isEqualTo(2);
  }

  @Test
  void aTimeoutFromAnEnvironmentVariableWithoutDefaultIsUndetermined() throws Exception {
    Integration i =
        scan(
            """
            resilience4j.timelimiter.instances.prices.timeout-duration: ${PRICES_TIMEOUT}
            """);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("PRICES_TIMEOUT");
  }
}
