package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unusual but valid C#, and controller actions: the scanner neither fails nor invents calls. */
class CsharpOddInputsTest {
  private static ScanResult scan(String source) {
    return new CsharpCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("Odd.cs"), "Odd.cs", FileKind.SOURCE_CODE, source, List.of())));
  }

  @Test
  void oddShapesParseWithoutFailures() {
    var r =
        scan(
            """
        using System;
        using System.Net.Http;
        namespace Odd;
        public record Point(int X, int Y);
        public class Odd<T> where T : class
        {
            public HttpClient Client { get; } = new HttpClient();
            private HttpClient _unknown;
            public event EventHandler Changed;
            public int this[int i] => i;
            public async Task Run(HttpClient injected, Func<HttpClient> make)
            {
                await Client.GetAsync("https://odd.example.com/");
                await _unknown.GetAsync("https://unknown.example.com/");
                await injected.GetAsync("https://injected.example.com/");
                await make().GetAsync("https://made.example.com/");
                HttpClient local = new();
                await local.GetAsync("https://local.example.com/");
                static int Local(int x) => x * 2;
                var tuple = (a: 1, b: "x");
                Changed?.Invoke(this, EventArgs.Empty);
            }
        }
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.integrations()).extracting(i -> i.location.line()).containsExactly(13, 15);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("100 s (HttpClient default Timeout)");
  }

  @Test
  void controllerHealthActions() {
    var r =
        scan(
            """
        using Microsoft.AspNetCore.Mvc;
        [ApiController]
        [Route("api")]
        public class StatusController : ControllerBase
        {
            private readonly OrdersDb _db;
            public StatusController(OrdersDb db) { _db = db; }

            [HttpGet("health")]
            public IActionResult Health() => Ok("up");

            [HttpGet("ready")]
            public async Task<IActionResult> Ready() => await _db.Database.CanConnectAsync() ? Ok() : StatusCode(503);

            [HttpGet("orders")]
            public IActionResult Orders() => Ok();
        }
        """);
    assertThat(r.healthEndpoints()).hasSize(2);
    assertThat(r.healthEndpoints().get(0).location.line()).isEqualTo(9);
    assertThat(r.healthEndpoints().get(0).dependencyCheck.present()).isFalse();
    assertThat(r.healthEndpoints().get(0).handler).isEqualTo("StatusController.Health");
    assertThat(r.healthEndpoints().get(1).dependencyCheck.trace())
        .extracting(l -> l.line())
        .containsExactly(13);
  }

  @Test
  void aFileWhoseScanThrowsIsSkippedAndTheFileBesideItIsStillScanned() {
    // a lone surrogate is text tree-sitter refuses: parsing that file throws
    String refused = "// " + "\uD800\uD800" + "\nclass A {}\n";
    String valid =
        "using System.Net.Http;\nclass B { void F() { var c = new HttpClient();"
            + " c.GetAsync(\"https://b.example.com/\"); } }\n";
    var r =
        new CsharpCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("A.cs"), "A.cs", FileKind.SOURCE_CODE, refused, List.of()),
                    new SourceFile(
                        Path.of("B.cs"), "B.cs", FileKind.SOURCE_CODE, valid, List.of())));
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo("A.cs");
              assertThat(s.reason()).startsWith("stopped: could not be analysed");
            });
    assertThat(r.integrations())
        .singleElement()
        .satisfies(i -> assertThat(i.location.file()).isEqualTo("B.cs"));
  }
}
