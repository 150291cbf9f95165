package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry loops written by hand around a C# call. */
class CsRetryLoopsTest {
  /** The one call of a class whose members are {@code members}. */
  private static Integration only(String members) {
    String source =
        """
        using System;
        using System.Net.Http;
        using System.Threading;
        using System.Threading.Tasks;
        class Stock {
          static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        """
            + members
            + "}\n";
    List<Integration> found =
        new CsharpCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("Stock.cs"), "Stock.cs", FileKind.SOURCE_CODE, source, List.of())))
            .integrations();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void countingForWithAwaitedTaskDelayAndReturnIsARetryCitedAtTheLoop() {
    Integration i =
        only(
            """
              async Task<string> Get() {
                for (var attempt = 0; attempt < 3; attempt++) {
                  try {
                    return await Http.GetStringAsync("https://stock.example.com/levels");
                  } catch (HttpRequestException) {
                    await Task.Delay(200 * (attempt + 1));
                  }
                }
                return null;
              }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.retry.get())
        .isEqualTo("retry loop: for (var attempt = 0; attempt < 3; attempt++)");
    assertThat(i.retry.trace().get(0).line()).isEqualTo(8);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(6.0);
  }

  @Test
  void whileCounterWithThreadSleepCountsFromItsStartUpToAConst() {
    Integration i =
        only(
            """
              const int MaxAttempts = 4;

              string Get() {
                var tries = 1;
                while (tries <= MaxAttempts) {
                  var r = Http.GetAsync("https://stock.example.com/levels").Result;
                  if (r.IsSuccessStatusCode) break;
                  tries++;
                  Thread.Sleep(1000);
                }
                return null;
              }
            """);
    assertThat(i.retry.trace().get(0).line()).isEqualTo(11);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void configuredAwaitOfTaskDelayIsAWait() {
    Integration i =
        only(
            """
              async Task<string> Get() {
                for (int attempt = 1; attempt <= 2; attempt++) {
                  try {
                    return await Http.GetStringAsync("https://stock.example.com/levels");
                  } catch (HttpRequestException) {
                    await Task.Delay(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
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
            """
              async Task<string> Get(int maxRetries) {
                for (var i = 0; i < maxRetries; i++) {
                  try {
                    return await Http.GetStringAsync("https://stock.example.com/levels");
                  } catch (HttpRequestException) {
                    await Task.Delay(100);
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
            """
              async Task<string> Get() {
                while (true) {
                  try {
                    return await Http.GetStringAsync("https://stock.example.com/levels");
                  } catch (HttpRequestException) {
                    await Task.Delay(1000);
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
            """
              async Task<string> Get() {
                for (var attempt = 0; attempt < 3; attempt++) {
                  try {
                    return await Http.GetStringAsync("https://stock.example.com/levels");
                  } catch (HttpRequestException) {
                  }
                }
                return null;
              }
            """);
    assertThat(i.retry.present()).isFalse();
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void taskDelayRacedAgainstTheCallIsATimeoutNotAWait() {
    Integration i =
        only(
            """
              async Task<string> Get() {
                for (var attempt = 0; attempt < 3; attempt++) {
                  var call = Http.GetStringAsync("https://stock.example.com/levels");
                  if (await Task.WhenAny(call, Task.Delay(5000)) == call) return await call;
                }
                return null;
              }
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void foreachOverItemsIsNotARetry() {
    Integration i =
        only(
            """
              async Task Get(string[] skus) {
                foreach (var sku in skus) {
                  if ((await Http.GetAsync("https://stock.example.com/" + sku)).IsSuccessStatusCode)
                    break;
                  await Task.Delay(100);
                }
              }
            """);
    assertThat(i.retry.present()).isFalse();
  }
}
