package dev.relplan.code.javascript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Requests of Node.js's http and https modules and what bounds them. */
class NodeHttpCallsTest {
  private static List<Integration> scan(String name, String source) {
    ScanResult r =
        new JavaScriptCodeScanner()
            .scan(
                List.of(
                    new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, source, List.of())));
    return r.integrations();
  }

  private static boolean knownNone(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  private static List<Integer> lines(List<Location> trace) {
    return trace.stream().map(Location::line).toList();
  }

  @Test
  void aRequestWithoutTimeoutWaitsForever() {
    List<Integration> found =
        scan(
            "pay.js",
            """
        const https = require('https');
        function charge(body) {
          return new Promise((resolve, reject) => {
            const req = https.request({ hostname: 'pay.example.com', method: 'POST' }, (res) => resolve(res));
            req.on('error', reject);
            req.end(body);
          });
        }
        """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.client).isEqualTo("node:https");
    assertThat(i.location.line()).isEqualTo(4);
    assertThat(i.target.get()).isEqualTo("https://pay.example.com");
    assertThat(knownNone(i)).isTrue();
    assertThat(i.timeout.note()).contains("Node.js sets no timeout");
  }

  @Test
  void aTimeoutOptionWithoutAHandlerThatDestroysIsNoTimeoutAtItsLine() {
    List<Integration> found =
        scan(
            "stock.mjs",
            """
        import https from 'node:https';
        export function stock(sku, done) {
          const req = https.get(`https://stock.example.com/items/${sku}`, {
            timeout: 2000,
          }, done);
          req.end();
        }
        """);
    Integration i = found.get(0);
    assertThat(knownNone(i)).isTrue();
    assertThat(i.timeout.note()).contains("only emits 'timeout'").contains("2000 ms");
    assertThat(lines(i.timeout.trace())).containsExactly(4);
    assertThat(i.target.get()).isEqualTo("https://stock.example.com");
  }

  @Test
  void aTimeoutOptionWithAHandlerThatDestroysTheRequestBoundsIt() {
    List<Integration> found =
        scan(
            "rates.js",
            """
        const http = require('http');
        function rates(cb) {
          const req = http.request('http://rates.internal:8080/eur', { timeout: 1500 }, cb);
          req.on('timeout', () => {
            req.destroy(new Error('rates timed out'));
          });
          req.end();
        }
        """);
    Integration i = found.get(0);
    assertThat(i.client).isEqualTo("node:http");
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(i.timeout.get()).isEqualTo("socket idle 1500 ms, request destroyed on 'timeout'");
    assertThat(lines(i.timeout.trace())).containsExactly(3, 4);
    assertThat(i.target.get()).isEqualTo("http://rates.internal:8080");
  }

  @Test
  void setTimeoutWithACallbackThatAbortsAndAChainedFunctionHandlerBoundIt() {
    List<Integration> found =
        scan(
            "svc.ts",
            """
        import { get, request } from 'https';
        export function a(url: string): void {
          const req = request(url, (res) => res.resume());
          req.setTimeout(3000, () => req.abort());
          req.end();
        }
        export function b(url: string): void {
          get(url).setTimeout(500).on('timeout', function () { this.destroy(); });
        }
        """);
    assertThat(found).hasSize(2);
    assertThat(found.get(0).timeout.get()).startsWith("socket idle 3000 ms");
    assertThat(lines(found.get(0).timeout.trace())).containsExactly(4, 4);
    assertThat(found.get(1).timeout.get()).startsWith("socket idle 500 ms");
  }

  @Test
  void anAbortSignalOnATimerBoundsTheRequest() {
    List<Integration> found =
        scan(
            "signal.js",
            """
        const https = require('node:https');
        function ping() {
          https.get('https://status.example.com/ping', { signal: AbortSignal.timeout(800) }, () => {});
        }
        """);
    assertThat(found.get(0).timeout.get()).isEqualTo("AbortSignal.timeout(800 ms)");
    assertThat(lines(found.get(0).timeout.trace())).containsExactly(3);
  }

  @Test
  void aHandlerThatOnlyRejectsIsUndeterminedWithBothLines() {
    List<Integration> found =
        scan(
            "quote.js",
            """
        const https = require('https');
        function quote(url) {
          return new Promise((resolve, reject) => {
            const req = https.get(url, { timeout: 1000 }, resolve);
            req.on('timeout', () => reject(new Error('timeout')));
          });
        }
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("does not destroy or abort");
    assertThat(lines(i.timeout.trace())).containsExactly(4, 5);
  }

  @Test
  void optionsFromAParameterOrARequestHandedOnAreUndetermined() {
    List<Integration> found =
        scan(
            "proxy.js",
            """
        const http = require('http');
        function forward(options, cb) {
          http.request(options, cb).end();
        }
        function open() {
          const req = http.get('http://a.example.com/x', () => {});
          return req;
        }
        """);
    assertThat(found).hasSize(2);
    assertThat(found.get(0).timeout.unresolved()).isTrue();
    assertThat(found.get(0).timeout.note()).contains("may be request options");
    assertThat(found.get(1).timeout.unresolved()).isTrue();
    assertThat(found.get(1).timeout.note()).contains("passed on at line 7");
  }

  @Test
  void serversAndOtherModulesNamedHttpAreNotRequests() {
    List<Integration> found =
        scan(
            "server.js",
            """
        const http = require('http');
        const local = require('./http');
        http.createServer((req, res) => res.end('ok')).listen(8080);
        local.request('x');
        """);
    assertThat(found).isEmpty();
  }

  @Test
  void theTextTestTakesHttpOnlyAsAWholeModuleName() {
    assertThat(Relevance.mayReference("const u = 'http://example.com';")).isFalse();
    assertThat(Relevance.mayReference("const h = require('https');")).isTrue();
    assertThat(Relevance.mayReference("import http from \"node:http\";")).isTrue();
  }

  @Test
  void optionsAssignedPropertyByPropertyAndABodyPipedInAreRead() {
    List<Integration> found =
        scan(
            "upstream.js",
            """
        const http = require('http');
        function forward(req, res) {
          const opts = {};
          opts.host = 'backend.internal';
          opts.timeout = 4000;
          const up = http.request(opts, (r) => r.pipe(res));
          req.pipe(up);
        }
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.note()).contains("only emits 'timeout'").contains("4000 ms");
    assertThat(lines(i.timeout.trace())).containsExactly(5);
  }
}
