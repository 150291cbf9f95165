package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers of the deadline budget on Python calls: wait per attempt and attempts. */
class PythonDeadlineNumbersTest {
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
  void requestsSingleTimeoutBoundsConnectAndReadEach() {
    Integration i = only("import requests\nrequests.get('https://a.example.com', timeout=5)\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(10.0);
    assertThat(i.attemptSeconds.isExplicit()).isTrue();
    assertThat(i.attempts.get()).isEqualTo(1);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(10.0);
  }

  @Test
  void requestsTupleIsConnectPlusRead() {
    Integration i =
        only("import requests\nrequests.post('https://a.example.com', timeout=(3.05, 27))\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(30.05);
  }

  @Test
  void requestsWithoutTimeoutIsUnboundedByDefault() {
    Integration i = only("import requests\nrequests.get('https://a.example.com')\n");
    assertThat(i.attemptSeconds.get()).isInfinite();
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.worstCaseSeconds().get()).isInfinite();
  }

  @Test
  void requestsTimeoutFromAnUnknownNameIsUnresolved() {
    Integration i =
        only(
            "import requests\nfrom settings import TIMEOUT\n"
                + "requests.get('https://a.example.com', timeout=TIMEOUT)\n");
    assertThat(i.attemptSeconds.unresolved()).isTrue();
    assertThat(i.worstCaseSeconds().unresolved()).isTrue();
  }

  @Test
  void mountedRetryTotalAddsAttempts() {
    Integration i =
        only(
            """
            import requests
            from requests.adapters import HTTPAdapter
            from urllib3.util.retry import Retry
            s = requests.Session()
            s.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=1)))
            s.get("https://a.example.com", timeout=(2, 5))
            """);
    assertThat(i.attempts.get()).isEqualTo(4);
    assertThat(i.attempts.trace()).extracting(l -> l.line()).containsExactly(5);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(28.0);
  }

  @Test
  void aMountedRetryWithoutTotalRetriesUrllib3sDefaultTenTimes() {
    Integration i =
        only(
            """
            import requests
            from requests.adapters import HTTPAdapter, Retry
            s = requests.Session()
            s.mount("https://", HTTPAdapter(max_retries=Retry(backoff_factor=0.5)))
            s.get("https://a.example.com", timeout=(1, 2))
            """);
    assertThat(i.attempts.get()).isEqualTo(11);
    assertThat(i.attempts.trace()).extracting(l -> l.line()).containsExactly(4);
  }

  @Test
  void aMountedRetryCountIsTheRetriesAfterTheFirstAttempt() {
    Integration i =
        only(
            """
            import requests
            from requests.adapters import HTTPAdapter
            s = requests.Session()
            s.mount("https://", HTTPAdapter(max_retries=2))
            s.get("https://a.example.com", timeout=(1, 2))
            """);
    assertThat(i.attempts.get()).isEqualTo(3);
  }

  @Test
  void tenacityStopAfterAttemptMultipliesTheClientsAttempts() {
    Integration i =
        only(
            """
            import requests
            from tenacity import retry, stop_after_attempt
            @retry(stop=stop_after_attempt(3))
            def fetch():
                return requests.get("https://a.example.com", timeout=4)
            """);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(24.0);
  }

  @Test
  void tenacityWithoutStopRetriesForeverSoAttemptsAreUnresolved() {
    Integration i =
        only(
            """
            import requests
            from tenacity import retry
            @retry
            def fetch():
                return requests.get("https://a.example.com", timeout=4)
            """);
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.attempts.note()).contains("until the call succeeds");
  }

  @Test
  void boto3DefaultsAreSixtyPlusSixtySecondsOverFiveLegacyAttempts() {
    Integration i = only("import boto3\nddb = boto3.client('dynamodb')\nddb.get_item()\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(120.0);
    assertThat(i.attemptSeconds.isExplicit()).isFalse();
    assertThat(i.attempts.get()).isEqualTo(5);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(600.0);
  }

  @Test
  void boto3StandardModeDefaultsToThreeAttempts() {
    Integration i =
        only(
            """
            import boto3
            from botocore.config import Config
            ddb = boto3.client("dynamodb", config=Config(read_timeout=5, retries={"mode": "standard"}))
            ddb.get_item()
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(65.0);
    assertThat(i.attempts.get()).isEqualTo(3);
  }

  @Test
  void boto3MaxAttemptsCountsRetriesAndTotalMaxAttemptsCountsAll() {
    String source =
        """
        import boto3
        from botocore.config import Config
        ddb = boto3.client("dynamodb", config=Config(connect_timeout=1, read_timeout=2, retries={KEY: 2}))
        ddb.get_item()
        """;
    assertThat(only(source.replace("KEY", "\"max_attempts\"")).attempts.get()).isEqualTo(3);
    assertThat(only(source.replace("KEY", "\"total_max_attempts\"")).attempts.get()).isEqualTo(2);
  }

  @Test
  void httpxDefaultIsFiveSecondsForEachOfFourPhases() {
    Integration i = only("import httpx\nhttpx.get('https://a.example.com')\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(20.0);
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.attempts.get()).isEqualTo(1);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(20.0);
  }

  @Test
  void httpxNumberOnTheClientBoundsEachPhase() {
    Integration i =
        only(
            """
            import httpx
            client = httpx.Client(timeout=2.5)
            client.get("https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(10.0);
    assertThat(i.attemptSeconds.isExplicit()).isTrue();
  }

  @Test
  void httpxTimeoutObjectAddsItsPhasesAndTheCallOverridesTheClient() {
    Integration i =
        only(
            """
            import httpx
            limits = httpx.Timeout(10.0, connect=60.0)
            client = httpx.AsyncClient(timeout=None)
            client.post("https://a.example.com", timeout=limits)
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(90.0);
    assertThat(i.attemptSeconds.trace()).extracting(l -> l.line()).containsExactly(4);
  }

  @Test
  void httpxTimeoutNoneIsUnbounded() {
    Integration i = only("import httpx\nhttpx.get('https://a.example.com', timeout=None)\n");
    assertThat(i.attemptSeconds.get()).isInfinite();
  }

  @Test
  void httpxTimeoutObjectWithoutADefaultForEveryPhaseIsUnresolved() {
    Integration i =
        only(
            """
            import httpx
            httpx.get("https://a.example.com", timeout=httpx.Timeout(connect=1, read=2))
            """);
    assertThat(i.attemptSeconds.unresolved()).isTrue();
    assertThat(i.attemptSeconds.note()).contains("write");
  }

  @Test
  void httpxTransportRetriesAddAttempts() {
    Integration i =
        only(
            """
            import httpx
            client = httpx.Client(transport=httpx.HTTPTransport(retries=2), timeout=1)
            client.get("https://a.example.com")
            """);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(12.0);
  }

  @Test
  void aiohttpSessionDefaultIsThreeHundredSecondsTotal() {
    Integration i =
        only(
            """
            import aiohttp
            session = aiohttp.ClientSession()
            session.get("https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(300.0);
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void aiohttpTotalBoundsTheConnectAndReadPhases() {
    Integration i =
        only(
            """
            import aiohttp
            limits = aiohttp.ClientTimeout(total=8, sock_connect=5, sock_read=5)
            session = aiohttp.ClientSession(timeout=limits)
            session.post("https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(8.0);
    assertThat(i.attemptSeconds.trace()).extracting(l -> l.line()).containsExactly(3);
  }

  @Test
  void aiohttpWithoutTotalAddsConnectAndSockRead() {
    Integration i =
        only(
            """
            import aiohttp
            session = aiohttp.ClientSession()
            session.get("https://a.example.com", timeout=aiohttp.ClientTimeout(connect=2, sock_read=10))
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(12.0);
  }

  @Test
  void aiohttpClientTimeoutWithoutTotalOrSockReadIsUnbounded() {
    Integration i =
        only(
            """
            import aiohttp
            session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(connect=2))
            session.get("https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isInfinite();
  }

  @Test
  void aiohttpRequestTimeoutNoneFallsBackToTheSessions() {
    Integration i =
        only(
            """
            import aiohttp
            session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=7))
            session.get("https://a.example.com", timeout=None)
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(7.0);
    assertThat(i.timeout.present()).isTrue();
  }

  @Test
  void urllib3WithoutTimeoutIsUnboundedOverItsDefaultFourAttempts() {
    Integration i =
        only(
            """
            import urllib3
            http = urllib3.PoolManager()
            http.request("GET", "https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isInfinite();
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.attempts.get()).isEqualTo(4);
    assertThat(i.attempts.source()).isEqualTo(Value.Source.DEFAULT);
  }

  @Test
  void urllib3NumberBoundsConnectAndReadEachAndRetryTotalCountsRetries() {
    Integration i =
        only(
            """
            import urllib3
            from urllib3.util import Retry
            http = urllib3.PoolManager(retries=Retry(3, backoff_factor=0.5))
            http.request("GET", "https://a.example.com", timeout=10.0)
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(20.0);
    assertThat(i.attempts.get()).isEqualTo(4);
    assertThat(i.attempts.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(80.0);
  }

  @Test
  void urllib3TimeoutTotalCapsConnectPlusRead() {
    Integration i =
        only(
            """
            import urllib3
            http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2, read=7, total=5))
            http.request("GET", "https://a.example.com", retries=False)
            """);
    assertThat(i.attemptSeconds.get()).isEqualTo(5.0);
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void urllib3TimeoutWithoutReadLeavesReadingToTheBlockingSocketDefault() {
    Integration i =
        only(
            """
            import urllib3
            http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2))
            http.request("GET", "https://a.example.com")
            """);
    assertThat(i.attemptSeconds.get()).isInfinite();
  }

  @Test
  void urllib3CallRetriesOverrideThePoolsAndRetryWithoutTotalAllowsTen() {
    Integration i =
        only(
            """
            import urllib3
            http = urllib3.PoolManager(retries=2, timeout=1)
            http.request("GET", "https://a.example.com", retries=urllib3.Retry(connect=5))
            """);
    assertThat(i.attempts.get()).isEqualTo(11);
  }

  @Test
  void urllib3RetriesFromAnUnknownNameAreUnresolved() {
    Integration i =
        only(
            """
            import urllib3
            from settings import POLICY
            http = urllib3.PoolManager(retries=POLICY, timeout=1)
            http.request("GET", "https://a.example.com")
            """);
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(i.worstCaseSeconds().unresolved()).isTrue();
  }

  @Test
  void aTimeoutThatLeavesAPhaseUnboundedIsRecordedAsNoTimeout() {
    Integration i =
        only(
            """
            import aiohttp
            session = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(connect=2))
            session.get("https://a.example.com")
            """);
    assertThat(i.bounded()).isFalse();
    assertThat(i.timeout.unresolved()).isFalse();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(2);
    assertThat(i.timeout.note()).contains("unbounded");
  }

  @Test
  void aFiniteTimeoutStaysBounded() {
    Integration i =
        only(
            """
            import urllib3
            http = urllib3.PoolManager(timeout=urllib3.Timeout(connect=2, read=3))
            http.request("GET", "https://a.example.com")
            """);
    assertThat(i.bounded()).isTrue();
    assertThat(i.attemptSeconds.get()).isEqualTo(5.0);
  }

  // ---- Standard library: urllib.request and http.client.

  @Test
  void urlopenWithoutTimeoutWaitsForeverByDefault() {
    Integration i =
        only("import urllib.request\nurllib.request.urlopen('https://a.example.com/quote')\n");
    assertThat(i.client).isEqualTo("urllib.request");
    assertThat(i.timeout.present()).isFalse();
    assertThat(i.timeout.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.attemptSeconds.get()).isInfinite();
    assertThat(i.target.get()).isEqualTo("https://a.example.com");
  }

  @Test
  void urlopenTimeoutBoundsConnectAndEachReadSoTwiceIt() {
    Integration i =
        only(
            "from urllib.request import urlopen\n\n"
                + "urlopen('https://a.example.com/quote', timeout=5)\n");
    assertThat(i.timeout.get()).isEqualTo("5 s");
    assertThat(i.attemptSeconds.get()).isEqualTo(10.0);
    assertThat(i.attemptSeconds.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(i.attempts.get()).isEqualTo(1);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(10.0);
  }

  @Test
  void urlopenPositionalTimeoutAfterDataIsRead() {
    Integration i =
        only("from urllib.request import urlopen\nurlopen('https://a.example.com', None, 3)\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(6.0);
  }

  @Test
  void urlopenOfARequestObjectTakesTheTargetFromTheRequest() {
    Integration i =
        only(
            "from urllib import request\n"
                + "req = request.Request('https://b.example.com/items', method='POST')\n"
                + "request.urlopen(req, timeout=2.5)\n");
    assertThat(i.target.get()).isEqualTo("https://b.example.com");
    assertThat(i.attemptSeconds.get()).isEqualTo(5.0);
    assertThat(i.location.line()).isEqualTo(3);
  }

  @Test
  void urlopenTimeoutFromAnImportedNameIsUnresolved() {
    Integration i =
        only(
            "from urllib.request import urlopen\nfrom settings import LIMIT\n"
                + "urlopen('https://a.example.com', timeout=LIMIT)\n");
    assertThat(i.attemptSeconds.unresolved()).isTrue();
    assertThat(i.worstCaseSeconds().unresolved()).isTrue();
  }

  @Test
  void httpsConnectionTimeoutBoundsItsRequestWhichIsTheOneCall() {
    Integration i =
        only(
            "import http.client\n"
                + "conn = http.client.HTTPSConnection('c.example.com', timeout=4)\n"
                + "conn.request('GET', '/prices')\n"
                + "body = conn.getresponse().read()\n");
    assertThat(i.client).isEqualTo("http.client");
    assertThat(i.location.line()).isEqualTo(3);
    assertThat(i.clientLocation.line()).isEqualTo(2);
    assertThat(i.target.get()).isEqualTo("https://c.example.com");
    assertThat(i.attemptSeconds.get()).isEqualTo(8.0);
    assertThat(i.attemptSeconds.trace()).extracting(l -> l.line()).containsExactly(2);
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void httpConnectionWithoutTimeoutWaitsForeverByDefault() {
    Integration i =
        only(
            "from http.client import HTTPConnection\n"
                + "conn = HTTPConnection('d.example.com')\n"
                + "conn.request('GET', '/')\n");
    assertThat(i.target.get()).isEqualTo("http://d.example.com");
    assertThat(i.timeout.present()).isFalse();
    assertThat(i.attemptSeconds.get()).isInfinite();
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
  }

  @Test
  void httpConnectionPositionalTimeoutAfterThePortIsRead() {
    Integration i =
        only(
            "import http.client\n"
                + "conn = http.client.HTTPConnection('d.example.com', 8080, 7)\n"
                + "conn.request('GET', '/')\n");
    assertThat(i.attemptSeconds.get()).isEqualTo(14.0);
  }

  @Test
  void urlopenWithoutTimeoutAfterSetDefaultTimeoutInTheFileIsUnresolved() {
    Integration i =
        only(
            "import socket\nimport urllib.request\nsocket.setdefaulttimeout(10)\n"
                + "urllib.request.urlopen('https://a.example.com')\n");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(3);
    assertThat(i.attemptSeconds.unresolved()).isTrue();
  }
}
