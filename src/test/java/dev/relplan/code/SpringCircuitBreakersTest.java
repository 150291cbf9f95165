package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.YamlLoader;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spring Cloud CircuitBreaker: which calls {@code factory.create(id).run(…)} protects (its first
 * argument, or the publisher a Reactor transform hands it), and the Resilience4j time limit of the
 * id from properties and Customizer beans.
 */
class SpringCircuitBreakersTest {
  private static final String ROOT = "shop/src/main/java/com/example/";
  private static final String YAML = "shop/src/main/resources/application.yml";

  /** Two clients of the same shape; the controller wraps only the stock call. */
  private static final String STOCK_CLIENT =
      """
      package com.example;
      import org.springframework.web.reactive.function.client.WebClient;
      import reactor.core.publisher.Mono;
      class StockClient {
        private final WebClient web = WebClient.builder().baseUrl("http://stock").build();
        Mono<Integer> level(String sku) {
          return web.get().uri("/levels/{sku}", sku).retrieve().bodyToMono(Integer.class);
        }
      }
      """;

  private static final String PRICE_CLIENT =
      """
      package com.example;
      import org.springframework.web.reactive.function.client.WebClient;
      import reactor.core.publisher.Mono;
      class PriceClient {
        private final WebClient web = WebClient.builder().baseUrl("http://prices").build();
        Mono<Integer> price(String sku) {
          return web.get().uri("/prices/{sku}", sku).retrieve().bodyToMono(Integer.class);
        }
      }
      """;

  private static final String CONTROLLER =
      """
      package com.example;
      import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreaker;
      import org.springframework.cloud.client.circuitbreaker.ReactiveCircuitBreakerFactory;
      import reactor.core.publisher.Mono;
      class ShelfController {
        private final StockClient stock;
        private final PriceClient prices;
        private final ReactiveCircuitBreakerFactory breakers;
        ShelfController(StockClient stock, PriceClient prices, ReactiveCircuitBreakerFactory breakers) {
          this.stock = stock;
          this.prices = prices;
          this.breakers = breakers;
        }
        Mono<String> shelf(String sku) {
          return prices.price(sku)
              .flatMap(p -> stock.level(sku)
                  .transform(levels -> {
                    ReactiveCircuitBreaker breaker = breakers.create("stock");
                    return breaker.run(levels, error -> Mono.just(0));
                  })
                  .map(l -> p + "/" + l));
        }
      }
      """;

  private static final String CUSTOMIZER =
      """
      package com.example;
      import io.github.resilience4j.timelimiter.TimeLimiterConfig;
      import java.time.Duration;
      import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
      import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
      import org.springframework.cloud.client.circuitbreaker.Customizer;
      import org.springframework.context.annotation.Bean;
      class Breakers {
        @Bean
        Customizer<ReactiveResilience4JCircuitBreakerFactory> breakerDefaults() {
          return factory -> factory.configureDefault(id -> new Resilience4JConfigBuilder(id)
              .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(Duration.ofSeconds(4)).build())
              .build());
        }
      }
      """;

  private static List<Integration> scan(String yaml, String... namesAndSources) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (int k = 0; k < namesAndSources.length; k += 2) {
      String path = ROOT + namesAndSources[k];
      files.add(
          new SourceFile(
              Path.of(path), path, FileKind.SOURCE_CODE, namesAndSources[k + 1], List.of()));
    }
    if (yaml != null)
      files.add(
          new SourceFile(
              Path.of(YAML), YAML, FileKind.OTHER, yaml, YamlLoader.loadAll(YAML, yaml)));
    JavaCodeScanner scanner = new JavaCodeScanner();
    return scanner.scan(scanner.handledOf(files)).integrations();
  }

  private static Integration in(List<Integration> found, String enclosing) {
    return found.stream().filter(i -> i.enclosing.equals(enclosing)).findFirst().orElseThrow();
  }

  private static List<String> lines(List<Location> trace) {
    return trace.stream().map(Location::toString).toList();
  }

  @Test
  void aPublisherTransformedThroughTheBreakerGetsItsCustomizersTimeLimitAndFallback()
      throws Exception {
    Integration stock =
        in(
            scan(
                null,
                "StockClient.java",
                STOCK_CLIENT,
                "PriceClient.java",
                PRICE_CLIENT,
                "ShelfController.java",
                CONTROLLER,
                "Breakers.java",
                CUSTOMIZER),
            "StockClient.level");
    assertThat(stock.circuitBreaker.get())
        .isEqualTo("Spring Cloud CircuitBreaker (stock) in caller ShelfController.shelf");
    assertThat(lines(stock.circuitBreaker.trace()))
        .containsExactly(ROOT + "ShelfController.java:19", ROOT + "ShelfController.java:18");
    assertThat(stock.fallback.get())
        .isEqualTo("Spring Cloud CircuitBreaker fallback in caller ShelfController.shelf");
    assertThat(stock.timeout.get())
        .startsWith(
            "4 s time limiter timeout (Spring Cloud CircuitBreaker stock, configureDefault in Breakers.breakerDefaults)");
    assertThat(lines(stock.timeout.trace()))
        .containsExactly(
            ROOT + "ShelfController.java:19",
            ROOT + "ShelfController.java:18",
            ROOT + "Breakers.java:11",
            ROOT + "Breakers.java:12");
  }

  @Test
  void theCallWhosePublisherIsNotHandedToTheBreakerStaysUnprotected() throws Exception {
    Integration price =
        in(
            scan(
                null,
                "StockClient.java",
                STOCK_CLIENT,
                "PriceClient.java",
                PRICE_CLIENT,
                "ShelfController.java",
                CONTROLLER,
                "Breakers.java",
                CUSTOMIZER),
            "PriceClient.price");
    assertThat(price.circuitBreaker.present()).isFalse();
    assertThat(price.fallback.present()).isFalse();
    assertThat(price.timeout.known() && !price.timeout.present()).isTrue(); // no response timeout
  }

  @Test
  void propertiesForTheIdWinOverTheCustomizer() throws Exception {
    Integration stock =
        in(
            scan(
                """
                resilience4j:
                  timelimiter:
                    instances:
                      stock:
                        timeout-duration: 750ms
                """,
                "StockClient.java",
                STOCK_CLIENT,
                "PriceClient.java",
                PRICE_CLIENT,
                "ShelfController.java",
                CONTROLLER,
                "Breakers.java",
                CUSTOMIZER),
            "StockClient.level");
    assertThat(stock.timeout.get()).startsWith("750 ms time limiter timeout");
    assertThat(lines(stock.timeout.trace())).contains(YAML + ":5");
  }

  private static final String GATEWAY =
      """
      package com.example;
      import org.springframework.cloud.client.circuitbreaker.CircuitBreakerFactory;
      import org.springframework.web.client.RestTemplate;
      class Gateway {
        static final String QUOTES = "quotes";
        private final RestTemplate rest = new RestTemplate();
        private final CircuitBreakerFactory breakers;
        Gateway(CircuitBreakerFactory breakers) { this.breakers = breakers; }
        String quote() {
          return breakers.create(QUOTES).run(
              () -> rest.getForObject("https://quotes.example.com/today", String.class),
              error -> rest.getForObject("https://backup.example.com/today", String.class));
        }
      }
      """;

  private static final String PER_ID_CUSTOMIZER =
      """
      package com.example;
      import io.github.resilience4j.timelimiter.TimeLimiterConfig;
      import java.time.Duration;
      import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
      import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
      import org.springframework.cloud.client.circuitbreaker.Customizer;
      import org.springframework.context.annotation.Bean;
      class Breakers {
        @Bean
        Customizer<Resilience4JCircuitBreakerFactory> breakerSettings() {
          return factory -> {
            factory.configureDefault(id -> new Resilience4JConfigBuilder(id).build());
            factory.configure(b -> b.timeLimiterConfig(
                TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(2500)).build()), "quotes", "rates");
          };
        }
      }
      """;

  @Test
  void aSupplierRunByTheBreakerGetsTheTimeLimitConfiguredForItsConstantId() throws Exception {
    List<Integration> found =
        scan(null, "Gateway.java", GATEWAY, "Breakers.java", PER_ID_CUSTOMIZER);
    Integration quotes =
        found.stream().filter(i -> i.location.line() == 11).findFirst().orElseThrow();
    assertThat(quotes.circuitBreaker.get()).isEqualTo("Spring Cloud CircuitBreaker (quotes)");
    assertThat(quotes.fallback.get()).isEqualTo("Spring Cloud CircuitBreaker fallback");
    assertThat(quotes.timeout.get()).startsWith("2500 ms time limiter timeout");
    assertThat(lines(quotes.timeout.trace()))
        .containsExactly(
            ROOT + "Gateway.java:10", ROOT + "Breakers.java:13", ROOT + "Breakers.java:14");
  }

  @Test
  void aCallInTheFallbackIsNotProtectedByTheBreaker() throws Exception {
    List<Integration> found =
        scan(null, "Gateway.java", GATEWAY, "Breakers.java", PER_ID_CUSTOMIZER);
    Integration backup =
        found.stream().filter(i -> i.location.line() == 12).findFirst().orElseThrow();
    assertThat(backup.circuitBreaker.present()).isFalse();
    assertThat(backup.timeout.get()).isNull(); // RestTemplate's own: no read timeout
  }

  @Test
  void aConfigureDefaultWithoutTimeLimiterConfigLeavesResilience4jsOneSecond() throws Exception {
    String defaultsOnly = PER_ID_CUSTOMIZER.replace("\"quotes\", \"rates\"", "\"rates\"");
    Integration quotes =
        scan(null, "Gateway.java", GATEWAY, "Breakers.java", defaultsOnly).stream()
            .filter(i -> i.location.line() == 11)
            .findFirst()
            .orElseThrow();
    assertThat(quotes.timeout.get()).startsWith("1 s (Resilience4j TimeLimiter default");
    assertThat(quotes.timeout.isExplicit()).isFalse();
  }

  @Test
  void withoutAnyResilience4jSignTheBreakersTimeLimitIsUndetermined() throws Exception {
    Integration quotes =
        scan(null, "Gateway.java", GATEWAY).stream()
            .filter(i -> i.location.line() == 11)
            .findFirst()
            .orElseThrow();
    assertThat(quotes.circuitBreaker.get()).isEqualTo("Spring Cloud CircuitBreaker (quotes)");
    assertThat(quotes.timeout.unresolved()).isTrue();
    assertThat(quotes.timeout.note()).contains("does not show its implementation");
  }

  @Test
  void aBreakerIdThatIsNoConstantLeavesTheTimeLimitUndetermined() throws Exception {
    String computedId = GATEWAY.replace("create(QUOTES)", "create(QUOTES + System.nanoTime())");
    Integration quotes =
        scan(null, "Gateway.java", computedId, "Breakers.java", PER_ID_CUSTOMIZER).stream()
            .filter(i -> i.location.line() == 11)
            .findFirst()
            .orElseThrow();
    assertThat(quotes.circuitBreaker.get()).isEqualTo("Spring Cloud CircuitBreaker");
    assertThat(quotes.timeout.unresolved()).isTrue();
    assertThat(quotes.timeout.note()).contains("id is not a constant");
  }

  @Test
  void theDisabledTimeLimiterLeavesTheCallsOwnTimeout() throws Exception {
    Integration quotes =
        scan(
                "spring.cloud.circuitbreaker.resilience4j.disable-time-limiter: true\n",
                "Gateway.java",
                GATEWAY,
                "Breakers.java",
                PER_ID_CUSTOMIZER)
            .stream()
            .filter(i -> i.location.line() == 11)
            .findFirst()
            .orElseThrow();
    assertThat(quotes.circuitBreaker.present()).isTrue();
    assertThat(quotes.timeout.known() && !quotes.timeout.present()).isTrue();
  }
}
