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

/** The deadline budget numbers of C# calls: seconds of one attempt and the attempts made. */
class CsWaitsTest {
  private static List<Integration> scan(String... sources) {
    List<SourceFile> files = new java.util.ArrayList<>();
    for (int n = 0; n < sources.length; n++) {
      String name = "File" + n + ".cs";
      files.add(new SourceFile(Path.of(name), name, FileKind.SOURCE_CODE, sources[n], List.of()));
    }
    return new CsharpCodeScanner().scan(files).integrations();
  }

  private static Integration only(String... sources) {
    List<Integration> found = scan(sources);
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<Integer> lines(List<Location> trace) {
    return trace.stream().map(Location::line).toList();
  }

  @Test
  void aDefaultHttpClientWaits100SecondsOnce() {
    Integration i =
        only(
            """
        using System.Net.Http;
        class Catalog {
          static readonly HttpClient Http = new HttpClient();
          async void Get() { await Http.GetStringAsync("https://catalog.example.com/"); }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(100.0);
    assertThat(i.attemptSeconds.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(i.attempts.get()).isEqualTo(1);
  }

  @Test
  void anExplicitTimeoutGivesItsSecondsAtItsLine() {
    Integration i =
        only(
            """
        using System;
        using System.Net.Http;
        class Catalog {
          static readonly HttpClient Http = new HttpClient
          {
            Timeout = TimeSpan.FromMilliseconds(2500),
          };
          async void Get() { await Http.GetStringAsync("https://catalog.example.com/"); }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(2.5);
    assertThat(i.attemptSeconds.isExplicit()).isTrue();
    assertThat(lines(i.attemptSeconds.trace())).containsExactly(6);
  }

  @Test
  void anInfiniteTimeoutIsUnbounded() {
    Integration i =
        only(
            """
        using System.Net.Http;
        using System.Threading;
        class Catalog {
          async void Get() {
            var http = new HttpClient();
            http.Timeout = Timeout.InfiniteTimeSpan;
            await http.GetStringAsync("https://catalog.example.com/");
          }
        }
        """);
    assertThat(i.attemptSeconds.get()).isInfinite();
    assertThat(lines(i.attemptSeconds.trace())).containsExactly(6);
  }

  @Test
  void aTimeoutSetFromAnExpressionIsUnresolved() {
    Integration i =
        only(
            """
        using System;
        using System.Net.Http;
        class Catalog {
          async void Get(double seconds) {
            var http = new HttpClient { Timeout = TimeSpan.FromSeconds(seconds) };
            await http.GetStringAsync("https://catalog.example.com/");
          }
        }
        """);
    assertThat(i.attemptSeconds.unresolved()).isTrue();
    assertThat(lines(i.attemptSeconds.trace())).containsExactly(5);
  }

  @Test
  void theStandardResilienceHandlerFitsThreeAttemptsOfTenSecondsInItsTotal() {
    Integration i =
        only(
            """
        class Startup {
          void Configure(IServiceCollection services) {
            services.AddHttpClient<PriceClient>().AddStandardResilienceHandler();
          }
        }
        """,
            """
        using System.Net.Http;
        class PriceClient {
          private readonly HttpClient _http;
          public PriceClient(HttpClient http) { _http = http; }
          public async void Get() { await _http.GetStringAsync("https://prices.example.com/"); }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(10.0);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(lines(i.attempts.trace())).containsExactly(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(30.0);
  }

  @Test
  void aLiteralPollyRetryCountAddsItsRetriesToTheFirstAttempt() {
    Integration i =
        only(
            """
        using System;
        using System.Net.Http;
        using Polly;
        class Catalog {
          static readonly HttpClient Http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
          async void Get() {
            var retry = Policy.Handle<HttpRequestException>()
                .WaitAndRetryAsync(2, n => TimeSpan.FromSeconds(n));
            await retry.ExecuteAsync(() => Http.GetStringAsync("https://catalog.example.com/"));
          }
        }
        """);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(lines(i.attempts.trace())).containsExactly(7);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(15.0);
  }

  @Test
  void aPollyRetryCountFromAVariableIsUnresolved() {
    Integration i =
        only(
            """
        using System.Net.Http;
        using Polly;
        class Catalog {
          static readonly HttpClient Http = new HttpClient();
          async void Get(int times) {
            var retry = Policy.Handle<HttpRequestException>().RetryAsync(times);
            await retry.ExecuteAsync(() => Http.GetStringAsync("https://catalog.example.com/"));
          }
        }
        """);
    assertThat(i.attempts.unresolved()).isTrue();
    assertThat(lines(i.attempts.trace())).containsExactly(6);
  }

  @Test
  void pollyV8AddRetryWithoutMaxRetryAttemptsMakesFourAttempts() {
    Integration i =
        only(
            """
        using System.Net.Http;
        using Polly;
        class Catalog {
          static readonly HttpClient Http = new HttpClient();
          async void Get() {
            var pipeline = new ResiliencePipelineBuilder()
                .AddRetry(new RetryStrategyOptions())
                .Build();
            await pipeline.ExecuteAsync(async t => await Http.GetStringAsync("https://a.example.com/", t));
          }
        }
        """);
    assertThat(i.attempts.get()).isEqualTo(4);
    assertThat(i.attempts.source()).isEqualTo(Value.Source.DEFAULT);
  }

  @Test
  void awsSdkMaxErrorRetryMakesOneMoreAttemptThanItsRetries() {
    Integration i =
        only(
            """
        using System;
        using Amazon.DynamoDBv2;
        class Store {
          async void Put() {
            var config = new AmazonDynamoDBConfig { Timeout = TimeSpan.FromSeconds(3), MaxErrorRetry = 2 };
            var db = new AmazonDynamoDBClient(config);
            await db.PutItemAsync(null);
          }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(3.0);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(lines(i.attempts.trace())).containsExactly(5);
  }

  @Test
  void awsSdkDefaultsAreOneHundredSecondsAndFiveAttempts() {
    Integration i =
        only(
            """
        using Amazon.DynamoDBv2;
        class Store {
          static readonly AmazonDynamoDBClient Db = new AmazonDynamoDBClient();
          async void Put() { await Db.PutItemAsync(null); }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(100.0);
    assertThat(i.attempts.get()).isEqualTo(5);
    assertThat(i.attempts.source()).isEqualTo(Value.Source.DEFAULT);
  }

  @Test
  void aWebRequestDefaultWaits100Seconds() {
    Integration i =
        only(
            """
        using System.Net;
        class Rates {
          string Get() {
            var request = WebRequest.Create("https://rates.example.com/eur");
            using (var response = request.GetResponse()) { return ""; }
          }
        }
        """);
    assertThat(i.attemptSeconds.get()).isEqualTo(100.0);
    assertThat(i.attempts.get()).isEqualTo(1);
  }
}
