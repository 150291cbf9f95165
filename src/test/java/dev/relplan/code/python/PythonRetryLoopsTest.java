package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Retry loops written by hand around a Python call. */
class PythonRetryLoopsTest {
  private static Integration only(String source) {
    ScanResult r =
        new PythonCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("app.py"), "app.py", FileKind.SOURCE_CODE, source, List.of())));
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  @Test
  void rangeLoopWithSleepAndBreakIsARetryCitedAtTheLoop() {
    Integration i =
        only(
            """
            import time
            import requests

            def fetch(url):
                for attempt in range(3):
                    try:
                        response = requests.get(url, timeout=2)
                        break
                    except requests.ConnectionError:
                        time.sleep(0.5)
                return response
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.retry.get()).isEqualTo("retry loop: for attempt in range(3)");
    assertThat(i.retry.trace().get(0).line()).isEqualTo(5);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(12.0);
  }

  @Test
  void aLoopPollingUntilAResourceIsReadyIsNoRetry() {
    // Each describe call succeeds; the loop waits for the snapshot's state, not for a call to work.
    Integration i =
        only(
            """
            import time
            import boto3

            fsx = boto3.client("fsx")

            def wait_available(snapshot_id):
                for attempt in range(1, 10):
                    time.sleep(10)
                    ret = fsx.describe_snapshots(SnapshotIds=[snapshot_id])
                    if ret["Snapshots"][0]["Lifecycle"] == "AVAILABLE":
                        break
            """);
    assertThat(i.retry.get()).doesNotStartWith("retry loop");
  }

  @Test
  void rangeWithTwoLiteralsCountsTheirDifference() {
    Integration i =
        only(
            """
            import asyncio
            import requests

            async def fetch(url):
                for attempt in range(1, 5):
                    response = requests.get(url, timeout=2)
                    if response.ok:
                        return response
                    await asyncio.sleep(attempt)
            """);
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void whileCounterBelowALiteralCountsFromTheCountersStart() {
    Integration i =
        only(
            """
            import time
            import requests

            def fetch(url):
                tries = 0
                while tries < 4:
                    try:
                        return requests.get(url, timeout=2)
                    except Exception:
                        tries += 1
                        time.sleep(1)
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.get()).isEqualTo(4);
  }

  @Test
  void whileTrueRetriesButItsAttemptsAreUnresolved() {
    Integration i =
        only(
            """
            import time
            import requests

            def fetch(url):
                while True:
                    try:
                        return requests.get(url, timeout=2)
                    except Exception:
                        time.sleep(1)
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.attempts.note()).contains("runs until the call succeeds");
  }

  @Test
  void boundFromANameLeavesAttemptsUnresolved() {
    Integration i =
        only(
            """
            import time
            import requests
            from settings import MAX_TRIES

            def fetch(url):
                for attempt in range(MAX_TRIES):
                    try:
                        return requests.get(url, timeout=2)
                    except Exception:
                        time.sleep(1)
            """);
    assertThat(i.retry.isExplicit()).isTrue();
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.attempts.note()).contains("range(MAX_TRIES)");
  }

  @Test
  void loopWithoutAWaitIsNotARetryPolicy() {
    Integration i =
        only(
            """
            import requests

            def fetch(url):
                for attempt in range(3):
                    try:
                        return requests.get(url, timeout=2)
                    except Exception:
                        pass
            """);
    assertThat(i.retry.present()).isFalse();
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void loopOverItemsIsNotARetry() {
    Integration i =
        only(
            """
            import time
            import requests

            def fetch_all(urls):
                for url in urls:
                    if requests.get(url, timeout=2).ok:
                        break
                    time.sleep(1)
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void sleepInsideANestedFunctionIsNotTheLoopsWait() {
    Integration i =
        only(
            """
            import time
            import requests

            def fetch(url):
                for attempt in range(3):
                    def later():
                        time.sleep(1)
                    return requests.get(url, timeout=2)
            """);
    assertThat(i.retry.present()).isFalse();
  }

  @Test
  void callThroughALocalSessionInALoopOverItemsIsStillReported() {
    Integration i =
        only(
            """
            import requests

            session = requests.Session()

            def handler(event, context):
                for record in event["Records"]:
                    session.post("https://fulfilment.example.com/orders", data=record, timeout=5)
            """);
    assertThat(i.retry.present()).isFalse();
    assertThat(i.location.line()).isEqualTo(7);
  }
}
