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
 * Client timeouts read from Spring settings: {@code @Value("${key:default}")} fields and
 * constructor parameters, and {@code @ConfigurationProperties} getters, resolved from the module's
 * application.yml, else the default the code gives, else Cannot Determine.
 */
class SpringValuesTest {
  private static final String ROOT = "rates/src/main/java/com/example/";
  private static final String YAML = "rates/src/main/resources/application.yml";

  private static final String VALUE_FIELD =
      """
      package com.example;
      import org.springframework.beans.factory.annotation.Value;
      import org.springframework.http.client.SimpleClientHttpRequestFactory;
      import org.springframework.web.client.RestTemplate;
      class Rates {
        @Value("${rates.read-timeout-ms:2500}")
        private int readTimeoutMs;
        String today() {
          SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
          factory.setReadTimeout(readTimeoutMs);
          return new RestTemplate(factory).getForObject("https://rates.example.com/today", String.class);
        }
      }
      """;

  private static Integration scan(String yaml, String... namesAndSources) throws Exception {
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
    List<Integration> found = scanner.scan(scanner.handledOf(files)).integrations();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  private static List<String> lines(List<Location> trace) {
    return trace.stream().map(Location::toString).toList();
  }

  @Test
  void aValueFieldTakesTheModulesProperty() throws Exception {
    Integration i = scan("rates:\n  read-timeout-ms: 4000\n", "Rates.java", VALUE_FIELD);
    assertThat(i.timeout.get())
        .isEqualTo(
            "4 s read timeout (rates.read-timeout-ms = 4000 for @Value(\"${rates.read-timeout-ms:2500}\"))");
    assertThat(i.timeout.isExplicit()).isTrue();
    assertThat(lines(i.timeout.trace()))
        .containsExactly(ROOT + "Rates.java:10", ROOT + "Rates.java:6", YAML + ":2");
  }

  @Test
  void aValueFieldWithoutThePropertyTakesTheDefaultAfterTheColon() throws Exception {
    Integration i = scan(null, "Rates.java", VALUE_FIELD);
    assertThat(i.timeout.get()).startsWith("2500 ms read timeout (the default of @Value");
    assertThat(lines(i.timeout.trace()))
        .containsExactly(ROOT + "Rates.java:10", ROOT + "Rates.java:6");
  }

  @Test
  void aValuePlaceholderWithoutDefaultOrPropertyIsUndetermined() throws Exception {
    Integration i =
        scan(
            null,
            "Rates.java",
            VALUE_FIELD.replace("rates.read-timeout-ms:2500", "rates.read-timeout-ms"));
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note())
        .isEqualTo(
            "@Value(\"${rates.read-timeout-ms}\") has no default and no configuration file of the module sets rates.read-timeout-ms");
    assertThat(lines(i.timeout.trace()))
        .containsExactly(ROOT + "Rates.java:10", ROOT + "Rates.java:6");
  }

  @Test
  void aConstructorParameterWithValueFeedsADurationFieldAndTheClient() throws Exception {
    String client =
        """
        package com.example;
        import java.time.Duration;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.core.publisher.Mono;
        class Quotes {
          private final WebClient web = WebClient.create("https://quotes.example.com");
          private final Duration limit;
          Quotes(@Value("${quotes.limit:3s}") Duration limit) { this.limit = limit; }
          Mono<String> latest() {
            return web.get().uri("/latest").retrieve().bodyToMono(String.class).timeout(limit);
          }
        }
        """;
    Integration i = scan(null, "Quotes.java", client);
    assertThat(i.timeout.get())
        .isEqualTo(
            "3 s (timeout, the default of @Value(\"${quotes.limit:3s}\"); no configuration file of the module sets quotes.limit)");
    assertThat(lines(i.timeout.trace()))
        .containsExactly(ROOT + "Quotes.java:11", ROOT + "Quotes.java:9");
  }

  @Test
  void aTimeoutOperatorReadingAnUnsetValueIsUndetermined() throws Exception {
    String client =
        """
        package com.example;
        import java.time.Duration;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.core.publisher.Mono;
        class Quotes {
          private final WebClient web = WebClient.create("https://quotes.example.com");
          @Value("${QUOTES_LIMIT}")
          private Duration limit;
          Mono<String> latest() {
            return web.get().uri("/latest").retrieve().bodyToMono(String.class).timeout(limit);
          }
        }
        """;
    Integration i = scan("QUOTES_LIMIT: ${LIMIT_FROM_ENV}\n", "Quotes.java", client);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note())
        .isEqualTo("QUOTES_LIMIT is set from ${LIMIT_FROM_ENV}, which is not in the repository");
    assertThat(lines(i.timeout.trace()))
        .containsExactly(ROOT + "Quotes.java:11", ROOT + "Quotes.java:8", YAML + ":1");
  }

  @Test
  void aBareNumberWhoseUnitNothingGivesIsUndetermined() throws Exception {
    String client =
        """
        package com.example;
        import org.springframework.beans.factory.annotation.Value;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.core.publisher.Mono;
        class Quotes {
          private final WebClient web = WebClient.create("https://quotes.example.com");
          @Value("${quotes.limit:30}")
          private long limit;
          Mono<String> latest() {
            return web.get().uri("/latest").retrieve().bodyToMono(String.class).timeout(limit);
          }
        }
        """;
    Integration i = scan(null, "Quotes.java", client);
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("is not a duration relplan reads");
  }

  private static final String PROPERTIES =
      """
      package com.example;
      import java.time.Duration;
      import org.springframework.boot.context.properties.ConfigurationProperties;
      @ConfigurationProperties(prefix = "clients.rates")
      class RatesProperties {
        private Duration readTimeout = Duration.ofSeconds(8);
        private Duration connectTimeout;
        Duration getReadTimeout() { return readTimeout; }
        Duration getConnectTimeout() { return connectTimeout; }
      }
      """;

  private static String propertiesClient(String getter) {
    return """
        package com.example;
        import org.springframework.http.client.SimpleClientHttpRequestFactory;
        import org.springframework.web.client.RestTemplate;
        class Rates {
          private final RatesProperties settings;
          Rates(RatesProperties settings) { this.settings = settings; }
          String today() {
            SimpleClientHttpRequestFactory factory = new SimpleClientHttpRequestFactory();
            factory.setReadTimeout((int) settings.%s().toMillis());
            return new RestTemplate(factory).getForObject("https://rates.example.com/today", String.class);
          }
        }
        """
        .formatted(getter);
  }

  @Test
  void aConfigurationPropertiesGetterTakesTheRelaxedBoundProperty() throws Exception {
    Integration i =
        scan(
            "clients:\n  rates:\n    read-timeout: 1500ms\n",
            "RatesProperties.java",
            PROPERTIES,
            "Rates.java",
            propertiesClient("getReadTimeout"));
    assertThat(i.timeout.get())
        .isEqualTo("1500 ms read timeout (clients.rates.read-timeout = 1500ms)");
    assertThat(lines(i.timeout.trace()))
        .containsExactly(
            ROOT + "Rates.java:9",
            ROOT + "RatesProperties.java:4",
            ROOT + "RatesProperties.java:6",
            YAML + ":3");
  }

  @Test
  void aConfigurationPropertiesFieldDefaultAppliesWhenNothingSetsIt() throws Exception {
    Integration i =
        scan(
            null,
            "RatesProperties.java",
            PROPERTIES,
            "Rates.java",
            propertiesClient("getReadTimeout"));
    assertThat(i.timeout.get()).startsWith("8 s read timeout (the default in RatesProperties");
  }

  @Test
  void aConfigurationPropertyWithoutValueOrDefaultIsUndetermined() throws Exception {
    Integration i =
        scan(
            null,
            "RatesProperties.java",
            PROPERTIES,
            "Rates.java",
            propertiesClient("getConnectTimeout"));
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note())
        .isEqualTo(
            "no configuration file of the module sets clients.rates.connectTimeout and RatesProperties gives it no default");
  }
}
