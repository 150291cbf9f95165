package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Java inventory: which calls are found and what timeout, retry, breaker and fallback each
 * gets.
 */
class JavaCodeScannerTest {
  private static ScanResult scan(String... namesAndSources) {
    List<SourceFile> files = new java.util.ArrayList<>();
    for (int i = 0; i < namesAndSources.length; i += 2) {
      files.add(
          new SourceFile(
              Path.of(namesAndSources[i]),
              namesAndSources[i],
              FileKind.SOURCE_CODE,
              namesAndSources[i + 1],
              List.of()));
    }
    return new JavaCodeScanner().scan(files);
  }

  private static Integration only(ScanResult r) {
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  private static boolean noTimeout(Value<String> v) {
    return v.known() && !v.present();
  }

  @Test
  void hikariPoolReportsTheDefaultConnectionTimeoutAndTheDatabaseHost() {
    Integration i =
        only(
            scan(
                "Db.java",
                """
        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        class Db {
          HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://orders-db.example.com:5432/orders");
            return new HikariDataSource(config);
          }
        }
        """));
    assertThat(i.kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(i.location.line()).isEqualTo(7);
    assertThat(i.target.get()).isEqualTo("postgresql://orders-db.example.com:5432");
    assertThat(i.timeout.get()).isEqualTo("30 s connection timeout (HikariCP default)");
    assertThat(i.timeout.isExplicit()).isFalse();
  }

  @Test
  void hikariConnectionTimeoutSetOnTheConfigIsExplicit() {
    Integration i =
        only(
            scan(
                "Db.java",
                """
        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        class Db {
          HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setConnectionTimeout(5000);
            return new HikariDataSource(config);
          }
        }
        """));
    assertThat(i.timeout.get()).isEqualTo("5 s connection timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(6);
  }

  @Test
  void hikariPoolSizeAndIdleTimeoutAreRecordedAsPoolSettings() {
    Integration i =
        only(
            scan(
                "Db.java",
                """
        import com.zaxxer.hikari.HikariConfig;
        import com.zaxxer.hikari.HikariDataSource;
        class Db {
          HikariDataSource pool() {
            HikariConfig config = new HikariConfig();
            config.setMaximumPoolSize(20);
            config.setConnectionTimeout(5000);
            config.setIdleTimeout(60000);
            return new HikariDataSource(config);
          }
        }
        """));
    assertThat(i.pool.get())
        .isEqualTo("maximumPoolSize 20, connectionTimeout 5 s, idleTimeout 60 s");
    assertThat(i.pool.isExplicit()).isTrue();
    assertThat(i.pool.trace()).extracting(l -> l.line()).containsExactly(6, 7, 8);
    Integration bare =
        only(
            scan(
                "Db.java",
                """
        import com.zaxxer.hikari.HikariDataSource;
        class Db {
          HikariDataSource pool() {
            return new HikariDataSource();
          }
        }
        """));
    assertThat(bare.pool.isExplicit()).isFalse();
    assertThat(bare.pool.get()).startsWith("HikariCP defaults: maximumPoolSize 10");
  }

  @Test
  void feignClientInterfaceUsesFeignDefaultsAndReportsItsFallback() {
    Integration i =
        only(
            scan(
                "Stock.java",
                """
        import org.springframework.cloud.openfeign.FeignClient;
        @FeignClient(name = "stock", url = "https://stock.example.com", fallback = StockFallback.class)
        interface Stock {
          String get(String sku);
        }
        """));
    assertThat(i.client).isEqualTo("OpenFeign");
    assertThat(i.location.line()).isEqualTo(2);
    assertThat(i.target.get()).isEqualTo("https://stock.example.com");
    assertThat(i.timeout.get()).startsWith("10 s connect / 60 s read");
    assertThat(i.fallback.get()).isEqualTo("StockFallback.class");
  }

  @Test
  void retrofitWithoutAClientRunsOnOkHttpDefaults() {
    Integration i =
        only(
            scan(
                "Api.java",
                """
        import retrofit2.Retrofit;
        class Api {
          Object create() {
            return new Retrofit.Builder().baseUrl("https://api.example.com/v1/").build();
          }
        }
        """));
    assertThat(i.client).isEqualTo("Retrofit (OkHttp)");
    assertThat(i.target.get()).isEqualTo("https://api.example.com");
    assertThat(i.timeout.get()).startsWith("10 s connect/read/write");
  }

  @Test
  void jaxRsClientWithAndWithoutReadTimeout() {
    ScanResult r =
        scan(
            "Rates.java",
            """
        import jakarta.ws.rs.client.Client;
        import jakarta.ws.rs.client.ClientBuilder;
        import java.util.concurrent.TimeUnit;
        class Rates {
          private final Client bounded = ClientBuilder.newBuilder().readTimeout(2, TimeUnit.SECONDS).build();
          private final Client unbounded = ClientBuilder.newClient();
          String a() { return bounded.target("https://rates.example.com/eur").request().get(String.class); }
          String b() { return unbounded.target("https://rates.example.com/usd").request().get(String.class); }
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2 s read timeout");
    assertThat(noTimeout(r.integrations().get(1).timeout)).isTrue();
    assertThat(r.integrations().get(1).target.get()).isEqualTo("https://rates.example.com");
  }

  @Test
  void restClientWithoutARequestFactoryCannotBeDetermined() {
    Integration i =
        only(
            scan(
                "Users.java",
                """
        import org.springframework.web.client.RestClient;
        class Users {
          private final RestClient client = RestClient.create("https://users.example.com");
          String get(String id) { return client.get().uri("/users/{id}", id).retrieve().body(String.class); }
        }
        """));
    assertThat(i.client).isEqualTo("Spring RestClient");
    assertThat(i.timeout.unresolved()).isTrue();
  }

  @Test
  void restTemplateBuilderReadTimeoutIsFollowed() {
    Integration i =
        only(
            scan(
                "Cfg.java",
                """
        import java.time.Duration;
        import org.springframework.boot.web.client.RestTemplateBuilder;
        import org.springframework.web.client.RestTemplate;
        class Cfg {
          private final RestTemplate rest;
          Cfg(RestTemplateBuilder builder) {
            this.rest = builder.setConnectTimeout(Duration.ofSeconds(1)).setReadTimeout(Duration.ofSeconds(4)).build();
          }
          String get() { return rest.getForObject("https://a.example.com/x", String.class); }
        }
        """));
    assertThat(i.timeout.get()).isEqualTo("4 s read timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(7);
  }

  @Test
  void restTemplateFromAnInjectedBuilderWithoutTimeoutsCannotBeDetermined() {
    Integration i =
        only(
            scan(
                "Cfg.java",
                """
        import org.springframework.boot.web.client.RestTemplateBuilder;
        import org.springframework.web.client.RestTemplate;
        class Cfg {
          private final RestTemplate rest;
          Cfg(RestTemplateBuilder builder) { this.rest = builder.build(); }
          String get() { return rest.getForObject("https://a.example.com/x", String.class); }
        }
        """));
    assertThat(i.timeout.unresolved()).isTrue();
  }

  @Test
  void apacheFiveResponseTimeoutThroughTheConnectionManager() {
    Integration i =
        only(
            scan(
                "Http5.java",
                """
        import org.apache.hc.client5.http.config.ConnectionConfig;
        import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
        import org.apache.hc.client5.http.impl.classic.HttpClients;
        import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
        import org.apache.hc.core5.util.Timeout;
        class Http5 {
          private final CloseableHttpClient http = HttpClients.custom()
              .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                  .setDefaultConnectionConfig(ConnectionConfig.custom().setSocketTimeout(Timeout.ofSeconds(7)).build())
                  .build())
              .build();
          Object get(Object req) throws Exception { return http.execute(req, r -> r); }
        }
        """));
    assertThat(i.client).isEqualTo("Apache HttpClient 5");
    assertThat(i.timeout.get()).isEqualTo("7 s read timeout");
  }

  @Test
  void hystrixRetryableAndReactorOperatorsAreEvidence() {
    ScanResult r =
        scan(
            "Mixed.java",
            """
        import com.netflix.hystrix.contrib.javanica.annotation.HystrixCommand;
        import org.springframework.retry.annotation.Recover;
        import org.springframework.retry.annotation.Retryable;
        import org.springframework.web.client.RestTemplate;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.util.retry.Retry;
        class Mixed {
          private final RestTemplate rest = new RestTemplate();
          private final WebClient web = WebClient.create();
          @HystrixCommand(fallbackMethod = "cached")
          String a() { return rest.getForObject("https://a.example.com", String.class); }
          @Retryable(maxAttempts = 5)
          String b() { return rest.getForObject("https://b.example.com", String.class); }
          @Recover
          String recover(Exception e) { return ""; }
          Object c() {
            return web.get().uri("https://c.example.com").retrieve().bodyToMono(String.class)
                .retryWhen(Retry.backoff(3, java.time.Duration.ofMillis(100))).onErrorResume(e -> null);
          }
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    Integration a = r.integrations().get(0);
    assertThat(a.circuitBreaker.get()).isEqualTo("Hystrix @HystrixCommand");
    assertThat(a.fallback.get()).isEqualTo("cached()");
    assertThat(a.timeout.get()).startsWith("1 s (Hystrix default");
    Integration b = r.integrations().get(1);
    assertThat(b.retry.get()).isEqualTo("Spring @Retryable (maxAttempts = 5)");
    assertThat(b.fallback.get()).isEqualTo("@Recover recover()");
    assertThat(noTimeout(b.timeout)).isTrue();
    Integration c = r.integrations().get(2);
    assertThat(c.retry.get()).startsWith("Reactor retryWhen");
    assertThat(c.fallback.get()).isEqualTo("Reactor onErrorResume");
    assertThat(c.target.get()).isEqualTo("https://c.example.com");
  }

  @Test
  void methodsThatOnlyShareANameWithClientCallsAreNotIntegrations() {
    ScanResult r =
        scan(
            "Mailer.java",
            """
        import java.util.concurrent.Executor;
        class Mailer {
          private final Outbox outbox = new Outbox();
          private final Executor executor = Runnable::run;
          void go() { outbox.send("x"); executor.execute(() -> {}); }
          static class Outbox { void send(String s) {} }
        }
        """,
            "Other.java",
            """
        import org.apache.hc.client5.http.classic.HttpClient;
        class Other {
          private final HttpClient client;
          Other(HttpClient client) { this.client = client; }
          void go(Object r) throws Exception { client.execute(null, x -> x); }
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    Integration i = r.integrations().get(0);
    assertThat(i.client).isEqualTo("Apache HttpClient 5");
    assertThat(i.timeout.unresolved()).isTrue();
  }

  @Test
  void aFileThatDoesNotParseIsSkippedWithItsLine() {
    ScanResult r = scan("Broken.java", "class Broken {\n  void x( {\n}\n");
    assertThat(r.integrations()).isEmpty();
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.skipped().get(0).reason()).startsWith("Java syntax error at line 2");
  }

  @Test
  void aFileUsingJavaTwentyOneSyntaxIsScannedNotSkipped() {
    // Pattern matching for switch with a guard (Java 21): javac 17 rejects it, the grammar reads
    // it.
    ScanResult r =
        scan(
            "PricingClient.java",
            """
        import org.springframework.web.client.RestTemplate;
        class PricingClient {
          private final RestTemplate rest = new RestTemplate();
          String price(Object sku) {
            return switch (sku) {
              case String s when !s.isEmpty() -> rest.getForObject("https://pricing.example.com/" + s, String.class);
              default -> "none";
            };
          }
        }
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).client).isEqualTo("Spring RestTemplate");
  }

  private static final String PRICING_CLIENT =
      """
      import org.springframework.web.client.RestTemplate;
      class PricingClient {
        private final RestTemplate rest = new RestTemplate();
        String price(String sku) { return rest.getForObject("https://pricing.example.com/" + sku, String.class); }
      }
      """;

  @Test
  void aCircuitBreakerOnEveryCallerProtectsTheCall() {
    Integration i =
        only(
            scan(
                "PricingClient.java",
                PRICING_CLIENT,
                "CatalogService.java",
                """
        import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
        class CatalogService {
          private final PricingClient pricing;
          CatalogService(PricingClient pricing) { this.pricing = pricing; }
          @CircuitBreaker(name = "pricing", fallbackMethod = "noPrice")
          String priced(String sku) { return pricing.price(sku); }
        }
        """));
    assertThat(i.circuitBreaker.get())
        .isEqualTo("Resilience4j @CircuitBreaker (pricing) in caller CatalogService.priced");
    assertThat(i.circuitBreaker.trace())
        .extracting(Object::toString)
        .containsExactly("CatalogService.java:5");
    assertThat(i.fallback.get()).isEqualTo("noPrice() in caller CatalogService.priced");
  }

  @Test
  void oneUnprotectedCallerLeavesTheCallUnprotected() {
    Integration i =
        only(
            scan(
                "PricingClient.java",
                PRICING_CLIENT,
                "CatalogService.java",
                """
        import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
        class CatalogService {
          private final PricingClient pricing;
          CatalogService(PricingClient pricing) { this.pricing = pricing; }
          @CircuitBreaker(name = "pricing")
          String priced(String sku) { return pricing.price(sku); }
          String raw(String sku) { return pricing.price(sku); }
        }
        """));
    assertThat(i.circuitBreaker.present()).isFalse();
  }

  @Test
  void springCloudCircuitBreakerRunWrapsTheCall() {
    Integration i =
        only(
            scan(
                "Gateway.java",
                """
        import org.springframework.cloud.client.circuitbreaker.CircuitBreaker;
        import org.springframework.web.client.RestTemplate;
        class Gateway {
          private final RestTemplate rest = new RestTemplate();
          private final CircuitBreaker cb;
          Gateway(CircuitBreaker cb) { this.cb = cb; }
          String get() { return cb.run(() -> rest.getForObject("https://a.example.com", String.class), t -> "fallback"); }
        }
        """));
    assertThat(i.circuitBreaker.get()).isEqualTo("Spring Cloud CircuitBreaker");
    assertThat(i.fallback.get()).isEqualTo("Spring Cloud CircuitBreaker fallback");
  }

  @Test
  void testSourcesAreNotScanned() {
    assertThat(new JavaCodeScanner().isTest("svc/src/test/java/a/ClientTest.java")).isTrue();
    assertThat(new JavaCodeScanner().isTest("svc/src/main/java/a/ClientIT.java")).isTrue();
    assertThat(new JavaCodeScanner().isTest("svc/src/main/java/a/TestDataLoader.java")).isFalse();
  }

  @Test
  void jerseyReadTimeoutPropertyAndPlaceholderUrls() {
    ScanResult r =
        scan(
            "Rates.java",
            """
        import jakarta.ws.rs.client.Client;
        import jakarta.ws.rs.client.ClientBuilder;
        import org.glassfish.jersey.client.ClientProperties;
        class Rates {
          private final Client client = ClientBuilder.newClient().property(ClientProperties.READ_TIMEOUT, 1500);
          String a() { return client.target("${rates.url}/eur").request().get(String.class); }
        }
        """,
            "Stock.java",
            """
        import org.springframework.cloud.openfeign.FeignClient;
        @FeignClient(name = "stock", url = "${stock.url}")
        interface Stock { String get(); }
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("1500 ms read timeout");
    assertThat(r.integrations().get(0).target.present()).isFalse();
    assertThat(r.integrations().get(1).target.get()).isEqualTo("stock");
  }

  @Test
  void awsSdkV1DefaultsAndDisabledRetries() {
    ScanResult r =
        scan(
            "Archive.java",
            """
        import com.amazonaws.retry.PredefinedRetryPolicies;
        import com.amazonaws.ClientConfiguration;
        import com.amazonaws.services.sqs.AmazonSQS;
        import com.amazonaws.services.sqs.AmazonSQSClientBuilder;
        class Archive {
          private final AmazonSQS plain = AmazonSQSClientBuilder.defaultClient();
          private final AmazonSQS noRetry = AmazonSQSClientBuilder.standard()
              .withClientConfiguration(new ClientConfiguration().withRetryPolicy(PredefinedRetryPolicies.NO_RETRY_POLICY)).build();
          void a() { plain.sendMessage("q", "x"); noRetry.sendMessage("q", "y"); }
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration plain = r.integrations().get(0);
    assertThat(plain.client).isEqualTo("AWS SDK for Java 1.x");
    assertThat(plain.target.get()).isEqualTo("AWS SQS sendMessage");
    assertThat(plain.timeout.get())
        .isEqualTo("no request timeout; socket read 50 s, connect 10 s (SDK v1 defaults)");
    assertThat(plain.retriesDisabled.isTrue()).isFalse();
    Integration noRetry = r.integrations().get(1);
    assertThat(noRetry.retriesDisabled.isTrue()).isTrue();
    assertThat(noRetry.retriesDisabled.trace()).extracting(l -> l.line()).containsExactly(8);
  }

  @Test
  void aTimeoutOperatorAppliedByTheCallerBoundsAReactiveCall() {
    Integration i =
        only(
            scan(
                "Loyalty.java",
                """
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.core.publisher.Mono;
        class Loyalty {
          private final WebClient web = WebClient.create("https://loyalty.example.com");
          Mono<String> points(String id) { return web.get().uri("/points/{id}", id).retrieve().bodyToMono(String.class); }
        }
        """,
                "Checkout.java",
                """
        import java.time.Duration;
        class Checkout {
          private final Loyalty loyalty = new Loyalty();
          String total(String id) { return loyalty.points(id).timeout(Duration.ofMillis(300)).onErrorReturn("0").block(); }
        }
        """));
    assertThat(i.timeout.get()).isEqualTo("300 ms (timeout) in caller Checkout.total");
    assertThat(i.timeout.trace()).extracting(Object::toString).containsExactly("Checkout.java:4");
    assertThat(i.fallback.get()).isEqualTo("Reactor onErrorReturn in caller Checkout.total");
  }

  @Test
  void aCompletableFutureTimeoutBoundsSendAsync() {
    ScanResult r =
        scan(
            "Async.java",
            """
        import java.net.URI;
        import java.net.http.HttpClient;
        import java.net.http.HttpRequest;
        import java.net.http.HttpResponse;
        import java.util.concurrent.TimeUnit;
        class Async {
          private final HttpClient http = HttpClient.newHttpClient();
          Object a() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://a.example.com")).build();
            return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).orTimeout(2, TimeUnit.SECONDS).join();
          }
          Object b() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://b.example.com")).build();
            return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).get(500, TimeUnit.MILLISECONDS);
          }
          Object c() throws Exception {
            HttpRequest req = HttpRequest.newBuilder(URI.create("https://c.example.com")).build();
            return http.sendAsync(req, HttpResponse.BodyHandlers.ofString()).get();
          }
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("2 s (orTimeout)");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("500 ms (get)");
    assertThat(noTimeout(r.integrations().get(2).timeout)).isTrue();
  }

  @Test
  void urlConnectionWithoutReadTimeoutWaitsForeverAndCitesItsConnectTimeoutLine() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Fetch {
          int status() throws Exception {
            URL url = new URL("https://prices.example.com/v1/quote");
            HttpURLConnection conn = (HttpURLConnection) url.openConnection();
            conn.setConnectTimeout(2000);
            return conn.getResponseCode();
          }
        }
        """));
    assertThat(i.client).isEqualTo("java.net.HttpURLConnection");
    assertThat(i.location.line()).isEqualTo(8);
    assertThat(i.clientLocation.line()).isEqualTo(6);
    assertThat(i.target.get()).isEqualTo("https://prices.example.com");
    assertThat(noTimeout(i.timeout)).isTrue();
    assertThat(i.timeout.note()).contains("read timeout defaults to 0").contains("2 s connect");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(7);
  }

  @Test
  void urlConnectionReadAndConnectTimeoutsAreExplicitWithTheirLines() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Fetch {
          void post(byte[] body) throws Exception {
            HttpURLConnection conn = (HttpURLConnection) new URL("https://orders.example.com/x").openConnection();
            conn.setConnectTimeout(2000);
            conn.setReadTimeout(5000);
            conn.getOutputStream().write(body);
            conn.getResponseCode();
            conn.getInputStream().close();
          }
        }
        """));
    assertThat(i.location.line()).isEqualTo(8);
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(i.timeout.get()).isEqualTo("5 s read timeout, 2 s connect timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(7, 6);
  }

  @Test
  void urlConnectionReadTimeoutOfZeroIsNoTimeout() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.net.URL;
        import java.net.URLConnection;
        class Fetch {
          void read(URL url) throws Exception {
            URLConnection conn = url.openConnection();
            conn.setReadTimeout(0);
            conn.getInputStream().close();
          }
        }
        """));
    assertThat(noTimeout(i.timeout)).isTrue();
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(6);
  }

  @Test
  void urlConnectionPassedInAsAParameterIsCannotDetermine() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.net.HttpURLConnection;
        class Fetch {
          int status(HttpURLConnection conn) throws Exception {
            return conn.getResponseCode();
          }
        }
        """));
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("a parameter of status()");
  }

  @Test
  void urlOpenStreamHasNoTimeout() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.io.InputStream;
        import java.net.URL;
        class Fetch {
          InputStream get() throws Exception {
            return new URL("http://feeds.example.com/rss").openStream();
          }
        }
        """));
    assertThat(i.client).isEqualTo("java.net.URL.openStream");
    assertThat(i.location.line()).isEqualTo(5);
    assertThat(i.target.get()).isEqualTo("http://feeds.example.com");
    assertThat(noTimeout(i.timeout)).isTrue();
    assertThat(i.timeout.note()).contains("no way to set a timeout");
  }

  @Test
  void getInputStreamOnSomethingElseIsNotAnIntegration() {
    assertThat(
            scan(
                    "Files.java",
                    """
        import java.net.Socket;
        class Files {
          void read(Socket socket, Process p) throws Exception {
            socket.getInputStream().close();
            p.getInputStream().close();
          }
        }
        """)
                .integrations())
        .isEmpty();
  }

  @Test
  void urlConnectionDeclaredNullAndAssignedInATryIsFollowed() {
    Integration i =
        only(
            scan(
                "Fetch.java",
                """
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Fetch {
          int status() {
            URL url = null;
            HttpURLConnection conn = null;
            try {
              url = new URL("https://stock.example.com/api");
              conn = (HttpURLConnection) url.openConnection();
              conn.setReadTimeout(3000);
              return conn.getResponseCode();
            } catch (Exception e) {
              return -1;
            }
          }
        }
        """));
    assertThat(i.target.get()).isEqualTo("https://stock.example.com");
    assertThat(i.timeout.get()).isEqualTo("3 s read timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(10);
  }

  @Test
  void urlConnectionPassedToAHelperAfterTheCallerSentIsCountedOnceAtTheCaller() {
    List<Integration> found =
        scan(
                "Api.java",
                """
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Api {
          int create() throws Exception {
            HttpURLConnection conn = open("/items");
            conn.getOutputStream().close();
            return status(conn);
          }
          private HttpURLConnection open(String path) throws Exception {
            return (HttpURLConnection) new URL("http://inventory.example.com" + path).openConnection();
          }
          private static int status(HttpURLConnection conn) throws Exception {
            return conn.getResponseCode();
          }
        }
        """)
            .integrations();
    assertThat(found).extracting(i -> i.location.line()).containsExactly(6);
  }

  @Test
  void urlConnectionFirstSentInAHelperTakesTheCallersTimeout() {
    Integration i =
        only(
            scan(
                "Api.java",
                """
        import java.net.HttpURLConnection;
        import java.net.URL;
        class Api {
          int fetch() throws Exception {
            HttpURLConnection conn = (HttpURLConnection) new URL("http://inventory.example.com/x").openConnection();
            conn.setReadTimeout(4000);
            return status(conn);
          }
          private static int status(HttpURLConnection conn) throws Exception {
            return conn.getResponseCode();
          }
        }
        """));
    assertThat(i.location.line()).isEqualTo(10);
    assertThat(i.timeout.get()).isEqualTo("4 s read timeout");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(6);
  }

  @Test
  void openStreamOnAClassPathResourceOrFileUrlIsNotAnIntegration() {
    assertThat(
            scan(
                    "Res.java",
                    """
        import java.net.URL;
        class Res {
          void load(ClassLoader loader) throws Exception {
            URL resource = loader.getResource("defaults.properties");
            resource.openStream().close();
            new URL("file:/etc/app.conf").openStream().close();
          }
        }
        """)
                .integrations())
        .isEmpty();
  }
}
