package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Injected Spring clients in a repository of several applications: each application's own
 * {@code @Bean} builds its clients, a nested bean type is told from another of the same simple
 * name, and Boot's auto-configured WebClient.Builder is named in the undetermined reason.
 */
class SpringBeansTest {
  private static List<Integration> scan(String... pathsAndSources) {
    List<SourceFile> files = new ArrayList<>();
    for (int k = 0; k < pathsAndSources.length; k += 2)
      files.add(
          new SourceFile(
              Path.of(pathsAndSources[k]),
              pathsAndSources[k],
              FileKind.SOURCE_CODE,
              pathsAndSources[k + 1],
              List.of()));
    return new JavaCodeScanner().scan(files).integrations();
  }

  private static String config(String pkg, String builder) {
    return """
        package %s;
        import java.time.Duration;
        import org.springframework.context.annotation.Bean;
        import org.springframework.http.client.reactive.ReactorClientHttpConnector;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.netty.http.client.HttpClient;
        class Clients {
          @Bean
          WebClient.Builder builder() {
            return %s;
          }
        }
        """
        .formatted(pkg, builder);
  }

  private static String client(String pkg) {
    return """
        package %s;
        import org.springframework.web.reactive.function.client.WebClient;
        import reactor.core.publisher.Mono;
        class Orders {
          private final WebClient.Builder builder;
          Orders(WebClient.Builder builder) { this.builder = builder; }
          Mono<String> one(String id) {
            return builder.build().get().uri("http://orders/{id}", id).retrieve().bodyToMono(String.class);
          }
        }
        """
        .formatted(pkg);
  }

  @Test
  void eachApplicationsClientIsBuiltByTheBeanOfItsOwnModule() {
    List<Integration> found =
        scan(
            "cart/src/main/java/cart/Clients.java",
            config(
                "cart",
                "WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(3))))"),
            "cart/src/main/java/cart/Orders.java",
            client("cart"),
            "admin/src/main/java/admin/Clients.java",
            config("admin", "WebClient.builder()"),
            "admin/src/main/java/admin/Orders.java",
            client("admin"));
    Integration cart =
        found.stream().filter(i -> i.location.file().startsWith("cart/")).findFirst().orElseThrow();
    Integration admin =
        found.stream()
            .filter(i -> i.location.file().startsWith("admin/"))
            .findFirst()
            .orElseThrow();
    assertThat(cart.timeout.get()).isEqualTo("3 s response timeout");
    assertThat(cart.timeout.trace())
        .extracting(Object::toString)
        .containsExactly("cart/src/main/java/cart/Clients.java:10");
    assertThat(admin.timeout.known() && !admin.timeout.present()).isTrue();
    assertThat(admin.timeout.note()).startsWith("no response timeout: WebClient on Reactor Netty");
  }

  @Test
  void aNestedBuilderTypeImportedByItselfStillFindsItsBean() {
    String importedBuilder =
        client("cart")
            .replace("WebClient.Builder", "Builder")
            .replace(
                "import org.springframework.web.reactive.function.client.WebClient;",
                "import org.springframework.web.reactive.function.client.WebClient.Builder;");
    assertThat(importedBuilder)
        .contains("client.WebClient.Builder;")
        .contains("final Builder builder");
    Integration orders =
        scan(
                "cart/src/main/java/cart/Clients.java",
                config(
                    "cart",
                    "WebClient.builder().clientConnector(new ReactorClientHttpConnector(HttpClient.create().responseTimeout(Duration.ofSeconds(3))))"),
                "cart/src/main/java/cart/Orders.java",
                importedBuilder)
            .get(0);
    assertThat(orders.timeout.get()).isEqualTo("3 s response timeout");
  }

  @Test
  void aRestClientBuilderBeanIsNotTakenForAWebClientBuilder() {
    String restClientBean =
        """
        package cart;
        import org.springframework.context.annotation.Bean;
        import org.springframework.web.client.RestClient;
        class RestClients {
          @Bean
          RestClient.Builder restClientBuilder() { return RestClient.builder(); }
        }
        """;
    Integration orders =
        scan(
                "cart/src/main/java/cart/RestClients.java",
                restClientBean,
                "cart/src/main/java/cart/Orders.java",
                client("cart"))
            .get(0);
    assertThat(orders.timeout.unresolved()).isTrue();
    assertThat(orders.timeout.note())
        .contains("no @Bean method in the scanned code builds a WebClient.Builder")
        .contains("Spring Boot then injects its auto-configured WebClient.Builder");
  }

  @Test
  void twoBeansOfOneApplicationLeaveTheClientUndetermined() {
    String second = config("cart", "WebClient.builder()").replace("class Clients", "class More");
    Integration orders =
        scan(
                "cart/src/main/java/cart/Clients.java",
                config("cart", "WebClient.builder()"),
                "cart/src/main/java/cart/More.java",
                second,
                "cart/src/main/java/cart/Orders.java",
                client("cart"))
            .get(0);
    assertThat(orders.timeout.unresolved()).isTrue();
    assertThat(orders.timeout.note())
        .contains("2 @Bean methods in the scanned code build a WebClient.Builder")
        .doesNotContain("auto-configured");
  }

  @Test
  void aResilience4jNameGivenAsAnotherClassesConstantIsResolved() {
    String names =
        """
        package cart;
        final class Breakers {
          static final String PAYMENTS = "pay" + "ments";
        }
        """;
    String payments =
        """
        package cart;
        import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;
        import org.springframework.web.client.RestTemplate;
        class Payments {
          private static final String LOCAL = "local";
          private final RestTemplate rest = new RestTemplate();
          @CircuitBreaker(name = Breakers.PAYMENTS)
          String pay() { return rest.getForObject("https://pay.example.com", String.class); }
          @CircuitBreaker(name = LOCAL)
          String local() { return rest.getForObject("https://local.example.com", String.class); }
        }
        """;
    List<Integration> found =
        scan(
            "cart/src/main/java/cart/Breakers.java",
            names,
            "cart/src/main/java/cart/Payments.java",
            payments);
    assertThat(found)
        .extracting(i -> i.circuitBreaker.get())
        .containsExactly(
            "Resilience4j @CircuitBreaker (payments)", "Resilience4j @CircuitBreaker (local)");
  }
}
