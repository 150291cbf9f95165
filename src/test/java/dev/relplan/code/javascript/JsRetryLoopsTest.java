package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry loops written by hand around a JavaScript or TypeScript call. */
class JsRetryLoopsTest {
  private static Integration only(String source) {
    ScanResult r =
        new JavaScriptCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("client.ts"),
                        "client.ts",
                        FileKind.SOURCE_CODE,
                        source,
                        List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void countingForLoopWithAwaitedSleepIsARetryCitedAtTheLoop() {
    Integration i =
        only(
            """
            import axios from 'axios';
            const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
            export async function getStock(sku: string) {
              for (let attempt = 0; attempt < 3; attempt++) {
                try {
                  return await axios.get(`https://stock.example.com/${sku}`, { timeout: 2000 });
                } catch (e) {
                  await sleep(200 * 2 ** attempt);
                }
              }
            }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.retry.get())
        .isEqualTo("retry loop: for (let attempt = 0; attempt < 3; attempt++)");
    assertThat(i.retry.trace().get(0).line()).isEqualTo(4);
    assertThat(i.attempts.get()).isEqualTo(3);
  }

  @Test
  void whileCounterWithPromiseSetTimeoutCountsFromItsStart() {
    Integration i =
        only(
            """
            import axios from 'axios';
            export async function getStock(sku: string) {
              let tries = 1;
              while (tries <= 4) {
                const res = await axios.get(`https://stock.example.com/${sku}`, { timeout: 2000 });
                if (res.status === 200) break;
                tries++;
                await new Promise((resolve) => setTimeout(resolve, 500));
              }
            }
            """);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void boundFromAParameterLeavesAttemptsUnresolved() {
    Integration i =
        only(
            """
            import axios from 'axios';
            import { setTimeout } from 'timers/promises';
            export async function getStock(sku: string, maxRetries: number) {
              for (let i = 0; i < maxRetries; i++) {
                try {
                  return await axios.get(`https://stock.example.com/${sku}`, { timeout: 2000 });
                } catch (e) {
                  await setTimeout(100);
                }
              }
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
            import axios from 'axios';
            export async function getStock(sku: string) {
              while (true) {
                try {
                  return await axios.get(`https://stock.example.com/${sku}`, { timeout: 2000 });
                } catch (e) {
                  await delay(1000);
                }
              }
            }
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
  }

  @Test
  void anAbortTimerIsNoWaitSoTheLoopIsNoRetry() {
    Integration i =
        only(
            """
            import axios from 'axios';
            export async function getStock(sku: string) {
              for (let attempt = 0; attempt < 3; attempt++) {
                const controller = new AbortController();
                setTimeout(() => controller.abort(), 2000);
                try {
                  return await axios.get(`https://stock.example.com/${sku}`, { signal: controller.signal });
                } catch (e) {}
              }
            }
            """);
    assertThat(i.retry.present()).isFalse();
  }
}
