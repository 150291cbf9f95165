package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A health handler registered in one file of a package and defined in another. */
class GoHealthAcrossFilesTest {
  private static final String MAIN =
      """
      package main

      import "net/http"

      func main() {
      	s := &server{}
      	mux := http.NewServeMux()
      	mux.HandleFunc("/healthz", s.healthz)
      	http.ListenAndServe(":8080", mux)
      }
      """;

  private static List<HealthEndpoint> scan(String handlerFile, String handler) {
    List<SourceFile> files =
        List.of(
            new SourceFile(
                Path.of("svc/main.go"), "svc/main.go", FileKind.SOURCE_CODE, MAIN, List.of()),
            new SourceFile(
                Path.of(handlerFile), handlerFile, FileKind.SOURCE_CODE, handler, List.of()));
    return new GoCodeScanner().scan(files).healthEndpoints();
  }

  @Test
  void aMethodPingingTheDatabaseInAnotherFileIsTheDependencyCheck() {
    List<HealthEndpoint> found =
        scan(
            "svc/health.go",
            """
            package main

            import (
            	"database/sql"
            	"net/http"
            )

            type server struct {
            	db *sql.DB
            }

            func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
            	if err := s.db.PingContext(r.Context()); err != nil {
            		http.Error(w, "down", http.StatusServiceUnavailable)
            		return
            	}
            	w.WriteHeader(http.StatusOK)
            }
            """);
    assertThat(found).hasSize(1);
    HealthEndpoint e = found.get(0);
    assertThat(e.location.toString()).isEqualTo("svc/main.go:8");
    assertThat(e.dependencyCheck.trace())
        .extracting(Object::toString)
        .containsExactly("svc/health.go:13");
  }

  @Test
  void aHandlerInAnotherPackagesFolderIsNotClaimed() {
    List<HealthEndpoint> found =
        scan(
            "svc/other/health.go",
            """
            package main

            import "net/http"

            type server struct{}

            func (s *server) healthz(w http.ResponseWriter, r *http.Request) {
            	w.WriteHeader(http.StatusOK)
            }
            """);
    assertThat(found).isEmpty();
  }
}
