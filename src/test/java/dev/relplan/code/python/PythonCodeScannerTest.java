package dev.relplan.code.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Python inventory: requests, httpx, aiohttp, urllib3, boto3, resilience decorators, health
 * endpoints.
 */
class PythonCodeScannerTest {
  private static ScanResult scan(String source) {
    return new PythonCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("app.py"), "app.py", FileKind.SOURCE_CODE, source, List.of())));
  }

  @Test
  void requestsWithoutTimeoutHasNoneAndWithTimeoutIsExplicit() {
    var r =
        scan(
            """
        import requests
        from requests import Session

        BASE = "https://inventory.example.com/api"

        def stock(sku):
            return requests.get(BASE + "/stock/" + sku).json()

        def reserve(sku):
            s = Session()
            return s.post(f"https://inventory.example.com/reserve/{sku}", timeout=(3.05, 10))
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration a = r.integrations().get(0);
    assertThat(a.client).isEqualTo("requests");
    assertThat(a.location.line()).isEqualTo(7);
    assertThat(a.enclosing).isEqualTo("stock");
    assertThat(a.target.get()).isEqualTo("https://inventory.example.com");
    assertThat(a.timeout.known() && !a.timeout.present()).isTrue();
    Integration b = r.integrations().get(1);
    assertThat(b.timeout.get()).isEqualTo("connect 3.05 s, read 10 s");
    assertThat(b.clientLocation.line()).isEqualTo(10);
  }

  @Test
  void httpxDefaultIsFiniteAndTimeoutNoneDisablesIt() {
    var r =
        scan(
            """
        import httpx
        client = httpx.Client(timeout=None)
        def a():
            return httpx.get("https://a.example.com")
        def b():
            return client.get("https://b.example.com")
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("5 s (httpx default)");
    assertThat(r.integrations().get(1).timeout.present()).isFalse();
    assertThat(r.integrations().get(1).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(2);
  }

  @Test
  void boto3ConfigTimeoutsAndDisabledRetries() {
    var r =
        scan(
            """
        import boto3
        from botocore.config import Config

        config = Config(connect_timeout=2, read_timeout=5, retries={'max_attempts': 0})
        sqs = boto3.client("sqs", config=config)
        table = boto3.resource("dynamodb")

        class Publisher:
            def __init__(self):
                self.s3 = boto3.client("s3")

            def publish(self, body):
                sqs.send_message(QueueUrl="q", MessageBody=body)
                self.s3.put_object(Bucket="b", Key="k", Body=body)
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration send = r.integrations().get(0);
    assertThat(send.kind).isEqualTo(Integration.Kind.AWS_SDK);
    assertThat(send.target.get()).isEqualTo("AWS sqs send_message");
    assertThat(send.timeout.get()).isEqualTo("connect 2 s, read 5 s");
    assertThat(send.retriesDisabled.isTrue()).isTrue();
    assertThat(send.retriesDisabled.trace()).extracting(l -> l.line()).containsExactly(4);
    assertThat(send.clientLocation.line()).isEqualTo(5);
    Integration put = r.integrations().get(1);
    assertThat(put.enclosing).isEqualTo("Publisher.publish");
    assertThat(put.timeout.get()).isEqualTo("connect 60 s, read 60 s (botocore defaults)");
    assertThat(put.retriesDisabled.isTrue()).isFalse();
  }

  @Test
  void decoratorsAreResilienceEvidence() {
    var r =
        scan(
            """
        import pybreaker
        import requests
        from tenacity import retry, stop_after_attempt

        breaker = pybreaker.CircuitBreaker(fail_max=5)

        @breaker
        @retry(stop=stop_after_attempt(3))
        def quote(order):
            return requests.get("https://shipping.example.com/quote", timeout=2)
        """);
    Integration i = r.integrations().get(0);
    assertThat(i.circuitBreaker.get()).isEqualTo("@breaker");
    assertThat(i.retry.get()).isEqualTo("@retry(stop=stop_after_attempt(3))");
  }

  @Test
  void aiohttpAndUrllib3Defaults() {
    var r =
        scan(
            """
        import aiohttp
        import urllib3
        http = urllib3.PoolManager()
        async def a():
            async with aiohttp.ClientSession() as session:
                async with session.get("https://a.example.com") as resp:
                    return await resp.text()
        def b():
            return http.request("GET", "https://b.example.com/x")
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("300 s total (aiohttp default ClientTimeout)");
    assertThat(r.integrations().get(1).client).isEqualTo("urllib3");
    assertThat(r.integrations().get(1).timeout.present()).isFalse();
    assertThat(r.integrations().get(1).target.get()).isEqualTo("https://b.example.com");
  }

  @Test
  void flaskAndFastApiHealthEndpoints() {
    var r =
        scan(
            """
        from fastapi import FastAPI
        from flask import Flask
        app = Flask(__name__)
        api = FastAPI()

        @app.route("/health")
        def health():
            return {"status": "ok"}

        @app.route("/healthz", methods=["POST"])
        def post_health():
            return "x"

        @api.get("/ready")
        async def ready():
            await db.execute("SELECT 1")
            return {"status": "ok"}

        @api.get("/livez")
        def live():
            return "ok"
        """);
    assertThat(r.healthEndpoints()).hasSize(2);
    assertThat(r.healthEndpoints().get(0).path).isEqualTo("GET /health");
    assertThat(r.healthEndpoints().get(0).dependencyCheck.present()).isFalse();
    assertThat(r.healthEndpoints().get(1).framework).isEqualTo("FastAPI");
    assertThat(r.healthEndpoints().get(1).dependencyCheck.get()).isEqualTo("execute(...)");
  }

  @Test
  void unrelatedGetCallsAreNotIntegrations() {
    var r =
        scan(
            """
        import os
        cache = {}
        def f(k):
            return cache.get(k) or os.environ.get("X")
        """);
    assertThat(r.integrations()).isEmpty();
  }

  @Test
  void aFileWithASyntaxErrorIsSkipped() {
    var r = scan("def f(:\n    return requests.get('x')\n");
    assertThat(r.integrations()).isEmpty();
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.skipped().get(0).reason()).startsWith("Python syntax error");
  }

  @Test
  void keywordArgumentsPassedWithDoubleStarMakeTheTimeoutUnknown() {
    var r =
        scan(
            """
        import requests
        OPTIONS = {"timeout": 5}
        def a(url):
            return requests.get(url, **OPTIONS)
        """);
    assertThat(r.integrations().get(0).timeout.unresolved()).isTrue();
  }

  @Test
  void aSessionStoredOnSelfWithMountedRetries() {
    var r =
        scan(
            """
        import requests
        from requests.adapters import HTTPAdapter
        from urllib3.util.retry import Retry

        class Payments:
            def __init__(self):
                self.session = requests.Session()
                self.session.mount("https://", HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5)))

            def charge(self, order):
                return self.session.post("https://payments.example.com/charges", json=order)
        """);
    Integration i = r.integrations().get(0);
    assertThat(i.enclosing).isEqualTo("Payments.charge");
    assertThat(i.clientLocation.line()).isEqualTo(7);
    assertThat(i.retry.get())
        .isEqualTo("HTTPAdapter(max_retries=Retry(total=3, backoff_factor=0.5))");
    assertThat(i.timeout.present()).isFalse();
  }

  @Test
  void aSyntaxErrorInAFileMentioningNoRecognisedLibraryIsNotListed() {
    var r = scan("import os\ndef f(:\n    return os.getcwd()\n");
    assertThat(r.skipped()).isEmpty();
  }

  @Test
  void anAliasedImportInsideATryBlockStillPassesTheTextTest() {
    var r =
        scan(
            """
        try:
            import os.path, requests as http
        except ImportError:
            http = None
        def f():
            return http.get("https://a.example.com/x", timeout=3)
        """);
    assertThat(r.integrations()).hasSize(1);
  }

  @Test
  void theTextTestMatchesWholeWordsOnly() {
    assertThat(PythonCodeScanner.mentionsRecognised("x = redistribute(1)\n")).isFalse();
    assertThat(PythonCodeScanner.mentionsRecognised("from botocore.config import Config")).isTrue();
    assertThat(PythonCodeScanner.mentionsRecognised("URL = 'http://example.com/a'\n")).isFalse();
    assertThat(PythonCodeScanner.mentionsRecognised("import http.client\n")).isTrue();
    assertThat(PythonCodeScanner.mentionsRecognised("from http import client\n")).isTrue();
  }
}
