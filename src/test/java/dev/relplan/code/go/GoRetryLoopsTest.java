package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry loops written by hand around a Go call. */
class GoRetryLoopsTest {
  private static Integration only(String body) {
    String source =
        """
        package stock

        import (
        \t"net/http"
        \t"time"
        )


        """
            + body;
    ScanResult r =
        new GoCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("main.go"), "main.go", FileKind.SOURCE_CODE, source, List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void countingLoopWithSleepAndReturnIsARetryCitedAtTheLoop() {
    Integration i =
        only(
            """
            func Get(url string) (*http.Response, error) {
            \tvar err error
            \tfor attempt := 0; attempt < 3; attempt++ {
            \t\tresp, e := http.Get(url)
            \t\tif e == nil {
            \t\t\treturn resp, nil
            \t\t}
            \t\terr = e
            \t\ttime.Sleep(100 * time.Millisecond)
            \t}
            \treturn nil, err
            }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.retry.get()).isEqualTo("retry loop: for attempt := 0; attempt < 3; attempt++");
    assertThat(i.retry.trace().get(0).line()).isEqualTo(11);
    assertThat(i.attempts.get()).isEqualTo(3);
  }

  @Test
  void constantBoundAndTimeAfterCount() {
    Integration i =
        only(
            """
            const maxAttempts = 4

            func Get(url string) (*http.Response, error) {
            \tfor i := 0; i < maxAttempts; i++ {
            \t\tif resp, err := http.Get(url); err == nil {
            \t\t\treturn resp, nil
            \t\t}
            \t\t<-time.After(time.Second)
            \t}
            \treturn nil, nil
            }
            """);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void boundFromAParameterLeavesAttemptsUnresolved() {
    Integration i =
        only(
            """
            func Get(url string, retries int) (*http.Response, error) {
            \tfor i := 0; i < retries; i++ {
            \t\tif resp, err := http.Get(url); err == nil {
            \t\t\treturn resp, nil
            \t\t}
            \t\ttime.Sleep(time.Second)
            \t}
            \treturn nil, nil
            }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.attempts.note()).contains("i < retries");
  }

  @Test
  void endlessLoopRetriesUntilTheCallSucceeds() {
    Integration i =
        only(
            """
            func Get(url string) *http.Response {
            \tfor {
            \t\tif resp, err := http.Get(url); err == nil {
            \t\t\treturn resp
            \t\t}
            \t\ttime.Sleep(time.Second)
            \t}
            }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
  }

  @Test
  void loopWithoutAWaitIsNotARetryPolicy() {
    Integration i =
        only(
            """
            func Get(url string) *http.Response {
            \tfor attempt := 0; attempt < 3; attempt++ {
            \t\tif resp, err := http.Get(url); err == nil {
            \t\t\treturn resp
            \t\t}
            \t}
            \treturn nil
            }
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void rangeOverItemsIsNotARetry() {
    Integration i =
        only(
            """
            func GetAll(urls []string) {
            \tfor _, url := range urls {
            \t\tif _, err := http.Get(url); err == nil {
            \t\t\tbreak
            \t\t}
            \t\ttime.Sleep(time.Second)
            \t}
            }
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void loopWhoseBodyCallsALocalValuesMethodIsStillScanned() {
    Integration i =
        only(
            """
            func GetAll(urls []string) {
            \tfor _, url := range urls {
            \t\tresp, err := http.Get(url)
            \t\tif err == nil {
            \t\t\tresp.Body.Close()
            \t\t}
            \t}
            }
            """);
    assertThat(i.retry.present()).isFalse();
    assertThat(i.location.line()).isEqualTo(11);
  }
}
