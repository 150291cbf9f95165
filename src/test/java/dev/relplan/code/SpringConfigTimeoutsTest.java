package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import dev.relplan.parse.YamlLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timeouts Spring Boot properties give clients built from its injected builders and Feign clients:
 * application.yml / .properties of the module, the default profile deciding.
 */
class SpringConfigTimeoutsTest {
  private static final String JAVA = "svc/src/main/java/com/example/";
  private static final String RESOURCES = "svc/src/main/resources/";

  private static final String REST_TEMPLATE_CLIENT =
      """
      package com.example;
      import org.springframework.boot.web.client.RestTemplateBuilder;
      import org.springframework.web.client.RestTemplate;
      class Catalog {
        private final RestTemplate rest;
        Catalog(RestTemplateBuilder builder) { this.rest = builder.build(); }
        String get() { return rest.getForObject("https://catalog.example.com/items", String.class); }
      }
      """;

  private static final String FEIGN_CLIENT =
      """
      package com.example;
      import org.springframework.cloud.openfeign.FeignClient;
      @FeignClient(name = "stock")
      interface StockClient {
        String level(String sku);
      }
      """;

  private static Integration only(String... namesAndContents) throws Exception {
    List<SourceFile> files = new ArrayList<>();
    for (int k = 0; k < namesAndContents.length; k += 2) {
      String name = namesAndContents[k];
      String content = namesAndContents[k + 1];
      boolean java = name.endsWith(".java");
      boolean yaml = name.endsWith(".yml") || name.endsWith(".yaml");
      files.add(
          new SourceFile(
              Path.of(name),
              name,
              java ? FileKind.SOURCE_CODE : FileKind.OTHER,
              content,
              yaml ? YamlLoader.loadAll(name, content) : List.of()));
    }
    JavaCodeScanner scanner = new JavaCodeScanner();
    List<Integration> found = scanner.scan(scanner.handledOf(files)).integrations();
    assertThat(found).hasSize(1);
    return found.get(0);
  }

  @Test
  void restTemplateBuilderTakesTheReadTimeoutOfApplicationYml() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.yml",
            """
            spring:
              http:
                client:
                  connect-timeout: 1s
                  read-timeout: 4s
            """);
    assertThat(i.timeout.get()).isEqualTo("4 s read timeout (spring.http.client.read-timeout)");
    assertThat(i.timeout.trace())
        .extracting(Object::toString)
        .containsExactly(RESOURCES + "application.yml:5");
  }

  @Test
  void restTemplateBuilderTakesTheBoot4PropertyFromApplicationProperties() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.properties",
            """
            # timeouts
            spring.http.clients.read-timeout = 2500
            """);
    assertThat(i.timeout.get())
        .isEqualTo("2500 ms read timeout (spring.http.clients.read-timeout)");
    assertThat(i.timeout.trace())
        .extracting(Object::toString)
        .containsExactly(RESOURCES + "application.properties:2");
  }

  @Test
  void aZeroReadTimeoutPropertyIsNoTimeout() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.properties",
            "spring.http.client.read-timeout=0\n");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void aPlaceholderWithADefaultGivesTheDefaultAndSaysSo() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.yml",
            "spring.http.client.read-timeout: ${CATALOG_READ_TIMEOUT:PT3S}\n");
    assertThat(i.timeout.get())
        .isEqualTo(
            "3 s read timeout (spring.http.client.read-timeout, the default of ${CATALOG_READ_TIMEOUT:PT3S} unless the environment sets it)");
  }

  @Test
  void aPlaceholderWithoutADefaultCannotBeDetermined() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.yml",
            "spring.http.client.read-timeout: ${CATALOG_READ_TIMEOUT}\n");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("${CATALOG_READ_TIMEOUT}");
    assertThat(i.timeout.trace())
        .extracting(Object::toString)
        .containsExactly(RESOURCES + "application.yml:1");
  }

  @Test
  void aTimeoutSetOnlyForAProfileLeavesTheDefaultUndeterminedAndListsIt() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application-prod.yml",
            "spring.http.client.read-timeout: 5s\n");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("profile prod sets 5s");
  }

  @Test
  void aProfileDocumentOfApplicationYmlDoesNotDecide() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            RESOURCES + "application.yml",
            """
            spring.http.client.read-timeout: 4s
            ---
            spring.config.activate.on-profile: slow
            spring.http.client.read-timeout: 40s
            """);
    assertThat(i.timeout.get())
        .startsWith("4 s read timeout (spring.http.client.read-timeout; profile slow sets 40s");
  }

  @Test
  void anotherModulesConfigurationDoesNotApply() throws Exception {
    Integration i =
        only(
            JAVA + "Catalog.java",
            REST_TEMPLATE_CLIENT,
            "other/src/main/resources/application.yml",
            "spring.http.client.read-timeout: 4s\n");
    assertThat(i.timeout.note()).contains("RestTemplateBuilder");
  }

  @Test
  void feignTakesItsOwnClientsReadTimeoutOverTheDefault() throws Exception {
    Integration i =
        only(
            JAVA + "StockClient.java",
            FEIGN_CLIENT,
            RESOURCES + "application.yml",
            """
            spring:
              cloud:
                openfeign:
                  client:
                    config:
                      default:
                        readTimeout: 2000
                      stock:
                        read-timeout: 7000
            """);
    assertThat(i.timeout.get())
        .isEqualTo("7 s read timeout (spring.cloud.openfeign.client.config.stock.read-timeout)");
    assertThat(i.timeout.trace())
        .extracting(Object::toString)
        .containsExactly(RESOURCES + "application.yml:9");
  }

  @Test
  void feignTakesTheLegacyDefaultConfiguration() throws Exception {
    Integration i =
        only(
            JAVA + "StockClient.java",
            FEIGN_CLIENT,
            RESOURCES + "application.properties",
            "feign.client.config.default.readTimeout=3000\n");
    assertThat(i.timeout.get())
        .isEqualTo("3 s read timeout (feign.client.config.default.readTimeout)");
  }

  @Test
  void restClientFromTheInjectedBuilderTakesTheProperty() throws Exception {
    Integration i =
        only(
            JAVA + "Prices.java",
            """
            package com.example;
            import org.springframework.web.client.RestClient;
            class Prices {
              private final RestClient client;
              Prices(RestClient.Builder builder) { this.client = builder.baseUrl("https://prices.example.com").build(); }
              String get() { return client.get().uri("/p").retrieve().body(String.class); }
            }
            """,
            RESOURCES + "application.yml",
            "spring.http.client.read-timeout: 6s\n");
    assertThat(i.timeout.get()).isEqualTo("6 s read timeout (spring.http.client.read-timeout)");
  }

  @Test
  void aRestTemplateMadeWithNewIgnoresTheProperty() throws Exception {
    Integration i =
        only(
            JAVA + "Plain.java",
            """
            package com.example;
            import org.springframework.web.client.RestTemplate;
            class Plain {
              private final RestTemplate rest = new RestTemplate();
              String get() { return rest.getForObject("https://a.example.com/x", String.class); }
            }
            """,
            RESOURCES + "application.yml",
            "spring.http.client.read-timeout: 6s\n");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }
}
