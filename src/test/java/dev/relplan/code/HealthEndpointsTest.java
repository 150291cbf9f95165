package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.java.JavaCodeScanner;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Spring handlers are health checks, and whether they touch a dependency. */
class HealthEndpointsTest {
  private static List<HealthEndpoint> scan(String source) {
    return new JavaCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("H.java"), "H.java", FileKind.SOURCE_CODE, source, List.of())))
        .healthEndpoints();
  }

  @Test
  void pathsCombineTheClassPrefixAndOnlyGetHealthAndReadinessPathsCount() {
    List<HealthEndpoint> found =
        scan(
            """
        import org.springframework.web.bind.annotation.*;
        @RestController
        @RequestMapping("/api")
        class H {
          @RequestMapping(value = "/health", method = RequestMethod.POST) String post() { return "x"; }
          @RequestMapping(value = {"/healthz", "/health"}) String any() { return "ok"; }
          @GetMapping("/ping") String ping() { return "pong"; }
          @GetMapping("/status/ready") String ready() { return "ready"; }
        }
        """);
    assertThat(found)
        .extracting(h -> h.path)
        .containsExactly("GET /api/healthz", "GET /api/status/ready");
    assertThat(found).allMatch(h -> !h.dependencyCheck.present());
  }

  @Test
  void aDelegatedCheckCountsAsTouchingADependency() {
    List<HealthEndpoint> found =
        scan(
            """
        import org.springframework.web.bind.annotation.*;
        @RestController
        class H {
          private final Checks checks = new Checks();
          @GetMapping("/health") Object health() { return checks.all(); }
          static class Checks { Object all() { return null; } }
        }
        """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).dependencyCheck.get()).isEqualTo("all(...)");
    assertThat(found.get(0).dependencyCheck.trace()).extracting(l -> l.line()).containsExactly(5);
  }
}
