package dev.relplan.rules.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.Location;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * REL-CODE-CALL-EXCEEDS-DEADLINE on Python HTTP clients other than requests, in a function behind a
 * REST API whose deadline is its own 28 s timeout.
 */
class PythonHttpClientsDeadlineTest {
  private static QuoteFunction.Verdict assess(Path dir, String code) throws Exception {
    return QuoteFunction.assess(dir, code, CodeCallExceedsDeadline.ID);
  }

  private static String httpx(String timeout) {
    return """
        import httpx

        def handler(event, context):
            return httpx.get("https://pricing.example.com/quote"TIMEOUT)
        """
        .replace("TIMEOUT", timeout);
  }

  @Test
  void httpxTimeoutOfTenSecondsPerPhaseExceedsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, httpx(", timeout=10"));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).title())
        .isEqualTo("httpx call in QuoteFunction can wait 40 s, longer than its 28 s deadline");
  }

  @Test
  void httpxDefaultTwentySecondsFitsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, httpx(""));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).isEmpty();
  }

  @Test
  void httpxTimeoutFromAnImportedSettingCannotBeDetermined(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v =
        assess(dir, "from settings import LIMIT\n" + httpx(", timeout=LIMIT"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).hasSize(1);
  }

  private static String aiohttp(String sessionArguments) {
    return """
        import aiohttp

        async def handler(event, context):
            async with aiohttp.ClientSession(ARGS) as session:
                return await session.get("https://pricing.example.com/quote")
        """
        .replace("ARGS", sessionArguments);
  }

  @Test
  void aiohttpDefaultTotalOfFiveMinutesExceedsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, aiohttp(""));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).title())
        .isEqualTo("aiohttp call in QuoteFunction can wait 300 s, longer than its 28 s deadline");
  }

  @Test
  void aiohttpTotalOfTwentySecondsFitsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, aiohttp("timeout=aiohttp.ClientTimeout(total=20)"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).isEmpty();
  }

  @Test
  void aiohttpTimeoutBuiltElsewhereCannotBeDetermined(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v =
        assess(dir, "from settings import LIMITS\n" + aiohttp("timeout=LIMITS"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).hasSize(1);
  }

  private static String urllib3(String timeout) {
    return """
        import urllib3

        http = urllib3.PoolManager(TIMEOUT)

        def handler(event, context):
            return http.request("GET", "https://pricing.example.com/quote")
        """
        .replace("TIMEOUT", timeout);
  }

  @Test
  void urllib3DefaultRetriesPushFiveSecondsPerPhaseOverTheDeadline(@TempDir Path dir)
      throws Exception {
    QuoteFunction.Verdict v = assess(dir, urllib3("timeout=5"));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).title())
        .isEqualTo("urllib3 call in QuoteFunction can wait 40 s, longer than its 28 s deadline");
  }

  @Test
  void urllib3WithoutRetriesFitsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, urllib3("timeout=5, retries=False"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).isEmpty();
  }

  @Test
  void urllib3TimeoutFromAnImportedSettingCannotBeDetermined(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v =
        assess(dir, "from settings import LIMIT\n" + urllib3("timeout=LIMIT"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).hasSize(1);
  }

  private static String urlopen(String timeout) {
    return """
        from urllib.request import Request, urlopen

        def handler(event, context):
            req = Request("https://pricing.example.com/quote")
            with urlopen(reqTIMEOUT) as response:
                return response.read()
        """
        .replace("TIMEOUT", timeout);
  }

  @Test
  void urlopenTimeoutOfTwentySecondsForConnectAndReadExceedsTheDeadline(@TempDir Path dir)
      throws Exception {
    QuoteFunction.Verdict v = assess(dir, urlopen(", timeout=20"));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).title())
        .isEqualTo(
            "urllib.request call in QuoteFunction can wait 40 s, longer than its 28 s deadline");
  }

  @Test
  void urlopenTimeoutOfTenSecondsFitsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, urlopen(", timeout=10"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).isEmpty();
  }

  @Test
  void urlopenTimeoutFromAnImportedSettingCannotBeDetermined(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v =
        assess(dir, "from settings import LIMIT\n" + urlopen(", timeout=LIMIT"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).hasSize(1);
  }

  @Test
  void urlopenWithoutTimeoutIsReportedAsHavingNone(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = QuoteFunction.assess(dir, urlopen(""), "REL-CODE-CALL-NO-TIMEOUT");
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).evidence()).extracting(Location::line).containsExactly(5);
  }

  private static String httpClient(String timeout) {
    return """
        import http.client

        def handler(event, context):
            conn = http.client.HTTPSConnection("pricing.example.com"TIMEOUT)
            conn.request("GET", "/quote")
            return conn.getresponse().read()
        """
        .replace("TIMEOUT", timeout);
  }

  @Test
  void httpClientTimeoutOfFifteenSecondsExceedsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, httpClient(", timeout=15"));
    assertThat(v.findings()).hasSize(1);
    assertThat(v.findings().get(0).title())
        .isEqualTo(
            "http.client call in QuoteFunction can wait 30 s, longer than its 28 s deadline");
  }

  @Test
  void httpClientTimeoutOfFiveSecondsFitsTheDeadline(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = assess(dir, httpClient(", timeout=5"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).isEmpty();
  }

  @Test
  void httpClientTimeoutFromAnImportedSettingCannotBeDetermined(@TempDir Path dir)
      throws Exception {
    QuoteFunction.Verdict v =
        assess(dir, "from settings import LIMIT\n" + httpClient(", timeout=LIMIT"));
    assertThat(v.findings()).isEmpty();
    assertThat(v.undetermined()).hasSize(1);
  }

  @Test
  void httpClientWithoutTimeoutIsReportedAsHavingNone(@TempDir Path dir) throws Exception {
    QuoteFunction.Verdict v = QuoteFunction.assess(dir, httpClient(""), "REL-CODE-CALL-NO-TIMEOUT");
    assertThat(v.findings()).hasSize(1);
  }
}
