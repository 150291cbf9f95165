package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** WebRequest / HttpWebRequest and WebClient calls and their timeouts. */
class CsWebRequestsTest {
  private static List<Integration> scan(String source) {
    return new CsharpCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("Legacy.cs"), "Legacy.cs", FileKind.SOURCE_CODE, source, List.of())))
        .integrations();
  }

  private static List<Integer> lines(List<Location> trace) {
    return trace.stream().map(Location::line).toList();
  }

  @Test
  void aWebRequestKeepsTheFiniteDefaultAtItsFirstSendingCall() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        class Rates {
          string Get() {
            var request = (HttpWebRequest)WebRequest.Create("https://rates.example.com/eur");
            request.Method = "POST";
            using (var body = request.GetRequestStream()) { }
            using (var response = request.GetResponse()) { return ""; }
          }
        }
        """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.client).isEqualTo("HttpWebRequest");
    assertThat(i.location.line()).isEqualTo(6);
    assertThat(i.clientLocation.line()).isEqualTo(4);
    assertThat(i.target.get()).isEqualTo("https://rates.example.com");
    assertThat(i.timeout.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.timeout.get()).startsWith("100000 ms");
  }

  @Test
  void timeoutInfiniteIsNoTimeoutAtItsLine() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        using System.Threading;
        class Feed {
          void Pull() {
            var request = WebRequest.Create("https://feed.example.com/");
            request.Timeout = Timeout.Infinite;
            request.GetResponse();
          }
        }
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(lines(i.timeout.trace())).containsExactly(6);
  }

  @Test
  void anExplicitTimeoutAndReadWriteTimeoutAreShownWithTheirLines() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        class Feed {
          void Pull() {
            HttpWebRequest request = WebRequest.CreateHttp("https://feed.example.com/");
            request.Timeout = 5000;
            request.ReadWriteTimeout = 10000;
            request.GetResponse();
          }
        }
        """);
    Integration i = found.get(0);
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(i.timeout.get())
        .isEqualTo("5000 ms (WebRequest.Timeout); ReadWriteTimeout 10000 ms (streams)");
    assertThat(lines(i.timeout.trace())).containsExactly(5, 6);
  }

  @Test
  void asynchronousRequestsAndRequestsPassedInAreUndetermined() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        using System.Threading.Tasks;
        class Feed {
          async Task Pull() {
            var request = WebRequest.Create("https://feed.example.com/") as HttpWebRequest;
            await request.GetResponseAsync();
          }
          void Send(HttpWebRequest request) {
            request.GetResponse();
          }
        }
        """);
    assertThat(found).hasSize(2);
    assertThat(found.get(0).timeout.unresolved()).isTrue();
    assertThat(found.get(0).timeout.note()).contains(".NET Framework");
    assertThat(found.get(1).timeout.unresolved()).isTrue();
    assertThat(lines(found.get(1).timeout.trace())).containsExactly(8);
  }

  @Test
  void webClientDownloadsKeepTheDefault() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        class Mirror {
          string Fetch() {
            using (var client = new WebClient()) {
              return client.DownloadString("http://mirror.example.com/list");
            }
          }
        }
        """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.client).isEqualTo("WebClient");
    assertThat(i.clientLocation.line()).isEqualTo(4);
    assertThat(i.target.get()).isEqualTo("http://mirror.example.com");
    assertThat(i.timeout.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.timeout.get()).isEqualTo(CsWebRequests.DEFAULT);
  }

  @Test
  void aWrapperClassNamedWebClientIsNotSystemNets() {
    List<Integration> found =
        scan(
            """
        using System.Net.Http;
        class WebClient : HttpClient {
          string DownloadString(string path) { return path; }
        }
        class Use {
          string Get() { var c = new WebClient(); return c.DownloadString("https://a.example.com/"); }
        }
        """);
    assertThat(found).isEmpty();
  }

  @Test
  void requestsOfTwoBranchesUnderOneNameAreTwoIntegrations() {
    List<Integration> found =
        scan(
            """
        using System.Net;
        class Route {
          void Plan(bool bus) {
            if (bus) {
              WebRequest request = WebRequest.Create("https://a.example.com/bus");
              request.GetResponse();
            } else {
              WebRequest request = WebRequest.Create("https://a.example.com/walk");
              request.GetResponse();
            }
          }
        }
        """);
    assertThat(found).extracting(i -> i.location.line()).containsExactly(6, 9);
  }
}
