package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The C# inventory: HttpClient (new, factory, typed), AWS SDK for .NET, Polly, ASP.NET health
 * endpoints.
 */
class CsharpCodeScannerTest {
  private static ScanResult scan(String... nameAndSource) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < nameAndSource.length; i += 2) {
      files.add(
          new SourceFile(
              Path.of(nameAndSource[i]),
              nameAndSource[i],
              FileKind.SOURCE_CODE,
              nameAndSource[i + 1],
              List.of()));
    }
    return new CsharpCodeScanner().scan(files);
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void httpClientDefaultIsFiniteInfiniteIsNoneAndTimeoutIsExplicit() {
    var r =
        scan(
            "Clients.cs",
            """
        using System;
        using System.Net.Http;
        using System.Threading;

        public class Clients
        {
            private static readonly HttpClient Bounded = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            private readonly HttpClient _plain = new HttpClient();

            public async Task<string> Quote(string id)
            {
                var unbounded = new HttpClient();
                unbounded.Timeout = Timeout.InfiniteTimeSpan;
                await unbounded.GetStringAsync("https://quotes.example.com/" + id);
                await _plain.GetAsync($"https://rates.example.com/{id}");
                return await Bounded.GetStringAsync("https://fx.example.com/latest");
            }
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    Integration a = r.integrations().get(0);
    assertThat(a.location.line()).isEqualTo(14);
    assertThat(a.enclosing).isEqualTo("Clients.Quote");
    assertThat(a.target.get()).isEqualTo("https://quotes.example.com");
    assertThat(none(a)).isTrue();
    assertThat(a.timeout.trace()).extracting(l -> l.line()).containsExactly(13);
    Integration b = r.integrations().get(1);
    assertThat(b.timeout.get()).isEqualTo("100 s (HttpClient default Timeout)");
    assertThat(b.timeout.isExplicit()).isFalse();
    assertThat(b.clientLocation.line()).isEqualTo(8);
    Integration c = r.integrations().get(2);
    assertThat(c.timeout.get()).isEqualTo("5 s (HttpClient.Timeout)");
  }

  @Test
  void aTimeoutSetOnALocalOfAnotherMethodDoesNotApply() {
    var r =
        scan(
            "Two.cs",
            """
        using System.Net.Http;
        using System.Threading;
        public class Two
        {
            public void A() { var c = new HttpClient(); c.Timeout = Timeout.InfiniteTimeSpan; c.GetAsync("https://a.example.com/"); }
            public void B() { var c = new HttpClient(); c.GetAsync("https://b.example.com/"); }
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(none(r.integrations().get(0))).isTrue();
    assertThat(r.integrations().get(1).timeout.get())
        .isEqualTo("100 s (HttpClient default Timeout)");
  }

  @Test
  void aCancellationTokenWithADelayBoundsACallOnAClientWithoutTimeout() {
    var r =
        scan(
            "Tokens.cs",
            """
        using System;
        using System.Net.Http;
        using System.Threading;
        public class Tokens
        {
            private static readonly HttpClient Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            public async Task A()
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await Http.GetAsync("https://a.example.com/", cts.Token);
            }
            public async Task B(CancellationToken ct)
            {
                var cts = new CancellationTokenSource();
                cts.CancelAfter(1500);
                await Http.GetAsync("https://b.example.com/", cts.Token);
                await Http.GetAsync("https://c.example.com/", ct);
                await Http.GetAsync("https://d.example.com/");
            }
        }
        """);
    assertThat(r.integrations()).hasSize(4);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2 s (CancellationTokenSource)");
    assertThat(r.integrations().get(0).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(9);
    assertThat(r.integrations().get(1).timeout.get())
        .isEqualTo("1500 ms (CancellationTokenSource.CancelAfter)");
    assertThat(r.integrations().get(2).timeout.unresolved()).isTrue();
    assertThat(none(r.integrations().get(3))).isTrue();
  }

  @Test
  void aClientMadeByAFactoryMethodOfTheClass() {
    var r =
        scan(
            "Rates.cs",
            """
        using System;
        using System.Net.Http;
        using System.Threading;
        public class Rates
        {
            private readonly HttpClient _http = Create();
            private static HttpClient Create()
            {
                return new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            }
            public Task<string> Latest() => _http.GetStringAsync("https://rates.example.com/latest");
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(none(r.integrations().get(0))).isTrue();
    assertThat(r.integrations().get(0).clientLocation.line()).isEqualTo(9);
  }

  @Test
  void aTypedClientConfiguredInItsConstructor() {
    var r =
        scan(
            "Inventory.cs",
            """
        using System;
        using System.Net.Http;
        public class InventoryClient
        {
            private readonly HttpClient _http;
            public InventoryClient(HttpClient http)
            {
                http.BaseAddress = new Uri("https://inventory.example.com/");
                http.Timeout = TimeSpan.FromSeconds(2);
                _http = http;
            }
            public Task<string> Stock(string sku) => _http.GetStringAsync("stock/" + sku);
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2 s (HttpClient.Timeout)");
    assertThat(r.integrations().get(0).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(9);
    assertThat(r.integrations().get(0).target.get()).isEqualTo("https://inventory.example.com");
  }

  @Test
  void factoryAndTypedClientsTakeTheirRegistration() {
    var r =
        scan(
            "Program.cs",
            """
        using Microsoft.Extensions.DependencyInjection;
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHttpClient<PaymentsClient>(client =>
        {
            client.BaseAddress = new Uri("https://pay.example.com/");
            client.Timeout = TimeSpan.FromSeconds(3);
        });
        builder.Services.AddHttpClient("stock", c => { c.Timeout = Timeout.InfiniteTimeSpan; });
        builder.Services.AddHttpClient<ShippingClient>().AddStandardResilienceHandler();
        """,
            "Clients.cs",
            """
        using System.Net.Http;
        public class PaymentsClient
        {
            private readonly HttpClient _http;
            public PaymentsClient(HttpClient http) { _http = http; }
            public Task<HttpResponseMessage> Charge() => _http.PostAsync("charge", null);
        }
        public class StockClient
        {
            private readonly IHttpClientFactory _factory;
            public StockClient(IHttpClientFactory factory) { _factory = factory; }
            public Task<string> Level() => _factory.CreateClient("stock").GetStringAsync("https://stock.example.com/");
            public Task<string> Other() { var c = _factory.CreateClient("other"); return c.GetStringAsync("https://other.example.com/"); }
        }
        public class ShippingClient
        {
            private readonly HttpClient _http;
            public ShippingClient(HttpClient http) { _http = http; }
            public Task<string> Track() => _http.GetStringAsync("https://ship.example.com/track");
        }
        """);
    assertThat(r.integrations()).hasSize(4);
    Integration pay = r.integrations().get(0);
    assertThat(pay.timeout.get()).isEqualTo("3 s (HttpClient.Timeout)");
    assertThat(pay.clientLocation.toString()).isEqualTo("Program.cs:3");
    assertThat(pay.target.get()).isEqualTo("https://pay.example.com");
    assertThat(pay.timeout.trace()).extracting(Object::toString).containsExactly("Program.cs:6");
    Integration stock = r.integrations().get(1);
    assertThat(none(stock)).isTrue();
    assertThat(stock.timeout.trace()).extracting(Object::toString).containsExactly("Program.cs:8");
    assertThat(r.integrations().get(2).timeout.get())
        .isEqualTo("100 s (HttpClient default Timeout)");
    Integration ship = r.integrations().get(3);
    assertThat(ship.circuitBreaker.present()).isTrue();
    assertThat(ship.retry.present()).isTrue();
    assertThat(ship.timeout.isExplicit()).isTrue();
  }

  @Test
  void clientDefaultsApplyToEveryFactoryClient() {
    var r =
        scan(
            "Program.cs",
            """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
        });
        builder.Services.AddHttpClient("stock", c => c.Timeout = Timeout.InfiniteTimeSpan);
        """,
            "Stock.cs",
            """
        using System.Net.Http;
        public class Stock
        {
            private readonly IHttpClientFactory _factory;
            public Stock(IHttpClientFactory factory) { _factory = factory; }
            public Task<string> Level() => _factory.CreateClient("stock").GetStringAsync("https://stock.example.com/");
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.timeout.get())
        .isEqualTo("30 s total, 10 s per attempt (AddStandardResilienceHandler defaults)");
    assertThat(i.circuitBreaker.trace())
        .extracting(Object::toString)
        .containsExactly("Program.cs:4");
  }

  @Test
  void pollyPoliciesAreEvidence() {
    var r =
        scan(
            "Reviews.cs",
            """
        using System.Net.Http;
        using Polly;
        public class Reviews
        {
            private static readonly HttpClient Http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
            private readonly IAsyncPolicy _breaker = Policy.Handle<HttpRequestException>().CircuitBreakerAsync(5, TimeSpan.FromSeconds(30));
            private readonly IAsyncPolicy _retry = Policy.Handle<HttpRequestException>().WaitAndRetryAsync(3, i => TimeSpan.FromSeconds(i));
            public Task<string> Top() => _breaker.ExecuteAsync(() => Http.GetStringAsync("https://reviews.example.com/top"));
            public Task<string> Latest() => _retry.ExecuteAsync(() => Http.GetStringAsync("https://reviews.example.com/latest"));
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).circuitBreaker.trace())
        .extracting(l -> l.line())
        .containsExactly(6);
    assertThat(none(r.integrations().get(0))).isTrue();
    assertThat(r.integrations().get(1).retry.trace()).extracting(l -> l.line()).containsExactly(7);
    assertThat(r.integrations().get(1).circuitBreaker.present()).isFalse();
  }

  @Test
  void awsSdkRetriesDisabledAndDefaults() {
    var r =
        scan(
            "Archive.cs",
            """
        using Amazon.S3;
        using Amazon.SQS;
        public class Archive
        {
            private readonly AmazonS3Client _s3 = new AmazonS3Client(new AmazonS3Config { Timeout = TimeSpan.FromSeconds(10), MaxErrorRetry = 0 });
            private readonly AmazonSQSClient _sqs = new AmazonSQSClient();
            public async Task Store() { await _s3.PutObjectAsync(null); await _sqs.SendMessageAsync(null); }
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration s3 = r.integrations().get(0);
    assertThat(s3.target.get()).isEqualTo("AWS S3 PutObject");
    assertThat(s3.retriesDisabled.isTrue()).isTrue();
    assertThat(s3.timeout.get()).isEqualTo("10 s (ClientConfig.Timeout)");
    Integration sqs = r.integrations().get(1);
    assertThat(sqs.retriesDisabled.isTrue()).isFalse();
    assertThat(sqs.timeout.get()).isEqualTo("100 s (AWS SDK for .NET default Timeout)");
  }

  @Test
  void healthChecksShallowOrWithADatabaseCheck() {
    var shallow =
        scan(
            "Program.cs",
            """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks();
        var app = builder.Build();
        app.MapHealthChecks("/health");
        app.MapGet("/healthz", () => "OK");
        app.MapGet("/ready", async (OrdersDb db) => await db.Database.CanConnectAsync() ? Results.Ok() : Results.StatusCode(503));
        """);
    assertThat(shallow.healthEndpoints()).hasSize(3);
    assertThat(shallow.healthEndpoints().get(0).dependencyCheck.present()).isFalse();
    assertThat(shallow.healthEndpoints().get(0).location.line()).isEqualTo(4);
    assertThat(shallow.healthEndpoints().get(1).dependencyCheck.present()).isFalse();
    assertThat(shallow.healthEndpoints().get(1).response.line()).isEqualTo(5);
    assertThat(shallow.healthEndpoints().get(2).dependencyCheck.trace())
        .extracting(l -> l.line())
        .containsExactly(6);
    var deep =
        scan(
            "Program.cs",
            """
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddHealthChecks().AddNpgSql(builder.Configuration.GetConnectionString("orders"));
        var app = builder.Build();
        app.MapHealthChecks("/health");
        """);
    assertThat(deep.healthEndpoints()).hasSize(1);
    assertThat(deep.healthEndpoints().get(0).dependencyCheck.trace())
        .extracting(l -> l.line())
        .containsExactly(2);
  }

  @Test
  void syntaxErrorsSkipTheFile() {
    var r = scan("Broken.cs", "class A { void M() { new HttpClient( } }");
    assertThat(r.skipped()).hasSize(1);
  }
}
