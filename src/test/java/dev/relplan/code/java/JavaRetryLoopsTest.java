package dev.relplan.code.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry loops written by hand around a Java call. */
class JavaRetryLoopsTest {
  private static final String IMPORTS =
      """
      import java.net.URI;
      import java.net.http.HttpClient;
      import java.net.http.HttpRequest;
      import java.net.http.HttpResponse;
      import java.time.Duration;
      """;

  /** The one call of a class whose method {@code get} holds {@code body}. */
  private static Integration only(String imports, String members) {
    String source =
        IMPORTS
            + imports
            + """
            class Stock {
              private final HttpClient http = HttpClient.newHttpClient();
              private final HttpRequest request =
                  HttpRequest.newBuilder(URI.create("https://stock.example.com"))
                      .timeout(Duration.ofSeconds(2))
                      .build();
            """
            + members
            + "}\n";
    ScanResult r =
        new JavaCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Stock.java"),
                        "Stock.java",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void countingForWithThreadSleepAndReturnIsARetryCitedAtTheLoop() {
    Integration i =
        only(
            "",
            """
              String get() throws Exception {
                for (int attempt = 0; attempt < 3; attempt++) {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  } catch (java.io.IOException e) {
                    Thread.sleep(200L * (attempt + 1));
                  }
                }
                return null;
              }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.retry.get())
        .isEqualTo("retry loop: for (int attempt = 0; attempt < 3; attempt++)");
    assertThat(i.retry.trace().get(0).line()).isEqualTo(13);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(6.0);
  }

  @Test
  void whileCounterWithTimeUnitSleepCountsFromItsStartUpToAFinalConstant() {
    Integration i =
        only(
            "import java.util.concurrent.TimeUnit;\n",
            """
              private static final int MAX_ATTEMPTS = 4;

              String get() throws Exception {
                int tries = 1;
                while (tries <= MAX_ATTEMPTS) {
                  HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() == 200) break;
                  tries++;
                  TimeUnit.SECONDS.sleep(1);
                }
                return null;
              }
            """);
    assertThat(i.retry.trace().get(0).line()).isEqualTo(17);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void staticallyImportedTimeUnitSleepIsAWait() {
    Integration i =
        only(
            "import static java.util.concurrent.TimeUnit.MILLISECONDS;\n",
            """
              String get() throws Exception {
                for (int attempt = 1; attempt <= 2; attempt++) {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  } catch (java.io.IOException e) {
                    MILLISECONDS.sleep(100);
                  }
                }
                return null;
              }
            """);
    assertThat(i.attempts.get()).isEqualTo(2);
  }

  @Test
  void boundFromAParameterLeavesAttemptsUnresolved() {
    Integration i =
        only(
            "",
            """
              String get(int maxRetries) throws Exception {
                for (int i = 0; i < maxRetries; i++) {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  } catch (java.io.IOException e) {
                    Thread.sleep(100);
                  }
                }
                return null;
              }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.attempts.note()).contains("i < maxRetries");
  }

  @Test
  void whileTrueRetriesUntilTheCallSucceeds() {
    Integration i =
        only(
            "",
            """
              String get() throws Exception {
                while (true) {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  } catch (java.io.IOException e) {
                    Thread.sleep(1000);
                  }
                }
              }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.note()).contains("runs until the call succeeds");
  }

  @Test
  void loopWithoutAWaitIsNotARetryPolicy() {
    Integration i =
        only(
            "",
            """
              String get() throws Exception {
                for (int attempt = 0; attempt < 3; attempt++) {
                  try {
                    return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                  } catch (java.io.IOException e) {
                    // try again at once
                  }
                }
                return null;
              }
            """);
    assertThat(i.retry.present()).isFalse();
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void forEachOverItemsIsNotARetry() {
    Integration i =
        only(
            "",
            """
              void get(List<String> skus) throws Exception {
                for (String sku : skus) {
                  if (http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200)
                    break;
                  Thread.sleep(100);
                }
              }
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void sleepInsideALambdaIsNotTheLoopsWait() {
    Integration i =
        only(
            "",
            """
              String get() throws Exception {
                for (int attempt = 0; attempt < 3; attempt++) {
                  Runnable later = () -> sleepQuietly();
                  new Thread(() -> { try { Thread.sleep(100); } catch (InterruptedException e) {} });
                  return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
                }
                return null;
              }
            """);
    assertThat(i.retry.present()).isFalse();
  }
}
