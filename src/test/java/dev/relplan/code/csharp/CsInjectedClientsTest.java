package dev.relplan.code.csharp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Clients the container injects: typed HttpClients and gRPC clients taken by (primary)
 * constructors, configured by their AddHttpClient / AddGrpcClient registrations and by
 * ConfigureHttpClientDefaults in another file.
 */
class CsInjectedClientsTest {
  private static final String DEFAULTS =
      """
      namespace Shop.Defaults;

      public static class Defaults
      {
          public static void AddDefaults(this IHostApplicationBuilder builder)
          {
              builder.Services.ConfigureHttpClientDefaults(http =>
              {
                  http.AddStandardResilienceHandler();
              });
          }
      }
      """;

  private static List<Integration> scan(String... nameAndSource) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < nameAndSource.length; i += 2)
      files.add(
          new SourceFile(
              Path.of(nameAndSource[i]),
              nameAndSource[i],
              FileKind.SOURCE_CODE,
              nameAndSource[i + 1],
              List.of()));
    ScanResult r = new CsharpCodeScanner().scan(files);
    assertThat(r.skipped()).isEmpty();
    return r.integrations();
  }

  private static List<String> lines(List<Location> trace) {
    return trace.stream().map(Location::toString).toList();
  }

  @Test
  void aTypedClientOfAPrimaryConstructorTakesItsRegistrationsTimeout() {
    List<Integration> found =
        scan(
            "Web/Program.cs",
            """
            using Shop.Web.Services;

            builder.Services.AddHttpClient<CatalogService>(o =>
            {
                o.BaseAddress = new("http://catalog-api");
                o.Timeout = TimeSpan.FromSeconds(4);
            });
            """,
            "Web/Services/CatalogService.cs",
            """
            namespace Shop.Web.Services;

            public class CatalogService(HttpClient httpClient)
            {
                public Task<Item?> Item(int id) => httpClient.GetFromJsonAsync<Item>($"api/items/{id}");
            }
            """);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.location.toString()).isEqualTo("Web/Services/CatalogService.cs:5");
    assertThat(i.target.get()).isEqualTo("http://catalog-api");
    assertThat(i.timeout.get()).isEqualTo("4 s (HttpClient.Timeout)");
    assertThat(lines(i.timeout.trace())).containsExactly("Web/Program.cs:6");
    assertThat(i.clientLocation.toString()).isEqualTo("Web/Program.cs:3");
  }

  @Test
  void theStandardHandlerOfTheDefaultsBoundsATypedClientWithItsNumbers() {
    List<Integration> found =
        scan(
            "Defaults/Extensions.cs",
            DEFAULTS,
            "Web/Program.cs",
            """
            using Shop.Web.Services;

            builder.Services.AddHttpClient<OrderingService>(o => o.BaseAddress = new("http://ordering-api"));
            """,
            "Web/Services/OrderingService.cs",
            """
            namespace Shop.Web.Services;

            public class OrderingService(HttpClient httpClient)
            {
                public Task<Order[]> Orders() => httpClient.GetFromJsonAsync<Order[]>("/api/orders")!;
            }
            """);
    Integration i = found.get(0);
    assertThat(i.timeout.get()).startsWith("30 s total, 10 s per attempt");
    assertThat(lines(i.timeout.trace())).containsExactly("Defaults/Extensions.cs:9");
    assertThat(i.circuitBreaker.present()).isTrue();
    assertThat(i.attemptSeconds.get()).isEqualTo(10.0);
    assertThat(i.attempts.get()).isEqualTo(3);
    assertThat(i.worstCaseSeconds().get()).isEqualTo(30.0);
  }

  @Test
  void theDefaultsConfigureOnlyTheHostsThatCallTheMethodHoldingThem() {
    List<Integration> found =
        scan(
            "Defaults/Extensions.cs",
            DEFAULTS,
            "Web/Program.cs",
            """
            builder.AddDefaults();
            builder.Services.AddHttpClient<Orders>(o => o.BaseAddress = new("http://ordering-api"));
            """,
            "Mobile/MauiProgram.cs",
            """
            builder.Services.AddHttpClient<Catalog>(o => o.BaseAddress = new("http://mobile-bff"));
            """,
            "Web/Orders.cs",
            """
            public class Orders(HttpClient http)
            {
                public Task<string> All() => http.GetStringAsync("/api/orders");
            }
            """,
            "Mobile/Catalog.cs",
            """
            public class Catalog(HttpClient http)
            {
                public Task<string> Brands() => http.GetStringAsync("/api/brands");
            }
            """);
    assertThat(found)
        .extracting(i -> i.location.file() + " " + i.timeout.get())
        .containsExactly(
            "Web/Orders.cs 30 s total, 10 s per attempt (AddStandardResilienceHandler defaults)",
            "Mobile/Catalog.cs 100 s (HttpClient default Timeout)");
  }

  @Test
  void aTypedClientWhoseRegistrationSwitchesTheTimeoutOffHasNone() {
    List<Integration> found =
        scan(
            "Web/Program.cs",
            """
            builder.Services.AddHttpClient<Reports>(c => c.Timeout = Timeout.InfiniteTimeSpan);
            """,
            "Web/Reports.cs",
            """
            public class Reports(HttpClient http)
            {
                public Task<string> Daily() => http.GetStringAsync("http://reports/daily");
            }
            """);
    Integration i = found.get(0);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(lines(i.timeout.trace())).containsExactly("Web/Program.cs:1");
  }

  @Test
  void twoRegistrationsOfOneClassNameAreToldApartByTheNamespaceTheyUse() {
    List<Integration> found =
        scan(
            "Web/Program.cs",
            """
            using Shop.Web.Services;

            builder.Services.AddHttpClient<CatalogService>(o => o.BaseAddress = new("http://catalog-api"));
            """,
            "Mobile/MauiProgram.cs",
            """
            using Shop.Mobile.Services;

            builder.Services.AddHttpClient<CatalogService>(o => o.BaseAddress = new("http://mobile-bff"));
            """,
            "Web/Services/CatalogService.cs",
            """
            namespace Shop.Web.Services;

            public class CatalogService(HttpClient httpClient)
            {
                public Task<string> Brands() => httpClient.GetStringAsync("api/brands");
            }
            """,
            "Mobile/Services/CatalogService.cs",
            """
            namespace Shop.Mobile.Services;

            public class CatalogService(HttpClient httpClient)
            {
                public Task<string> Brands() => httpClient.GetStringAsync("api/brands");
            }
            """);
    assertThat(found)
        .extracting(i -> i.location.file() + " " + i.target.get())
        .containsExactly(
            "Web/Services/CatalogService.cs http://catalog-api",
            "Mobile/Services/CatalogService.cs http://mobile-bff");
  }

  @Test
  void aClassNameRegisteredTwiceWhereNeitherFileSeesItIsUndetermined() {
    List<Integration> found =
        scan(
            "A/Program.cs",
            "builder.Services.AddHttpClient<Feed>(o => o.Timeout = TimeSpan.FromSeconds(2));\n",
            "B/Program.cs",
            "builder.Services.AddHttpClient<Feed>(o => o.Timeout = TimeSpan.FromSeconds(90));\n",
            "C/Feed.cs",
            """
            namespace Shop.Feeds;

            public class Feed(HttpClient http)
            {
                public Task<string> Latest() => http.GetStringAsync("http://feed/latest");
            }
            """);
    Integration i = found.get(0);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("2 AddHttpClient<Feed> registrations");
    assertThat(lines(i.timeout.trace())).containsExactly("C/Feed.cs:3");
  }

  private static final String BASKET_SERVICE =
      """
      using GrpcBasketClient = Shop.Basket.Grpc.Basket.BasketClient;

      namespace Shop.Web.Services;

      public class BasketService(GrpcBasketClient basketClient)
      {
          public async Task<int> Count()
          {
              var basket = await basketClient.GetBasketAsync(new());
              return basket.Items.Count;
          }
      }
      """;

  @Test
  void anInjectedGrpcClientGetsTheDefaultsStandardHandlerAndItsRegistrationsAddress() {
    List<Integration> found =
        scan(
            "Defaults/Extensions.cs",
            DEFAULTS,
            "Web/Program.cs",
            """
            builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"));
            """,
            "Web/Services/BasketService.cs",
            BASKET_SERVICE);
    assertThat(found).hasSize(1);
    Integration i = found.get(0);
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.target.get()).isEqualTo("Basket/GetBasket at basket-api");
    assertThat(i.location.toString()).isEqualTo("Web/Services/BasketService.cs:9");
    assertThat(i.clientLocation.toString()).isEqualTo("Web/Program.cs:1");
    assertThat(i.timeout.get()).startsWith("30 s total");
    assertThat(lines(i.timeout.trace())).containsExactly("Defaults/Extensions.cs:9");
    assertThat(i.retry.present()).isTrue();
    assertThat(i.worstCaseSeconds().get()).isEqualTo(30.0);
  }

  @Test
  void anInjectedGrpcClientWhoseRegistrationAddsNoHandlerHasNoDeadline() {
    List<Integration> found =
        scan(
            "Web/Program.cs",
            """
            builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"));
            """,
            "Web/Services/BasketService.cs",
            BASKET_SERVICE);
    Integration i = found.get(0);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note()).contains("AddGrpcClient registration");
    assertThat(lines(i.timeout.trace())).containsExactly("Web/Program.cs:1");
    assertThat(i.attemptSeconds.get()).isInfinite();
  }

  @Test
  void anInterceptorOnTheRegistrationLeavesTheDeadlineUndetermined() {
    List<Integration> found =
        scan(
            "Web/Program.cs",
            """
            builder.Services.AddGrpcClient<Basket.BasketClient>(o => o.Address = new("http://basket-api"))
                .AddInterceptor<DeadlineInterceptor>();
            """,
            "Web/Services/BasketService.cs",
            BASKET_SERVICE);
    Integration i = found.get(0);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("AddInterceptor (Web/Program.cs:1)");
  }

  @Test
  void anInjectedGrpcClientWithoutARegistrationStaysUndetermined() {
    Integration i = scan("Web/Services/BasketService.cs", BASKET_SERVICE).get(0);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("AddGrpcClient registration");
  }
}
