package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Health routes whose path the code computes: constants, runtime prefixes, helper functions. */
class GoComputedRoutesTest {
  /** Scans files given as name, source, name, source … as one repository. */
  private static ScanResult scan(String... namesAndSources) {
    List<SourceFile> files = new ArrayList<>();
    for (int i = 0; i < namesAndSources.length; i += 2)
      files.add(
          new SourceFile(
              Path.of(namesAndSources[i]),
              namesAndSources[i],
              FileKind.SOURCE_CODE,
              namesAndSources[i + 1],
              List.of()));
    return new GoCodeScanner().scan(files);
  }

  private static HealthEndpoint only(ScanResult r) {
    assertThat(r.healthEndpoints()).hasSize(1);
    return r.healthEndpoints().get(0);
  }

  @Test
  void aConstantPrefixJoinedToALiteralIsTheWholePath() {
    HealthEndpoint e =
        only(
            scan(
                "svc/main.go",
                """
                package main

                import "net/http"

                const apiRoot = "/api/v2"

                func main() {
                	http.HandleFunc(apiRoot+"/healthz", func(w http.ResponseWriter, r *http.Request) {
                		w.Write([]byte("ok"))
                	})
                }
                """));
    assertThat(e.path).isEqualTo("GET /api/v2/healthz");
    assertThat(e.runtimePrefix).isNull();
  }

  @Test
  void aPrefixReadFromTheEnvironmentIsARuntimePrefixBeforeTheLiteral() {
    HealthEndpoint e =
        only(
            scan(
                "web/main.go",
                """
                package main

                import (
                	"fmt"
                	"net/http"
                	"os"

                	"github.com/gorilla/mux"
                )

                var basePath = ""

                func main() {
                	basePath = os.Getenv("WEB_BASE")
                	router := mux.NewRouter()
                	router.HandleFunc(basePath+"/", home)
                	router.PathPrefix(basePath + "/assets/").Handler(http.FileServer(http.Dir("assets")))
                	router.HandleFunc(basePath+"/_alive", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprint(w, "fine") })
                	http.ListenAndServe(":8080", router)
                }

                func home(w http.ResponseWriter, r *http.Request) {}
                """));
    assertThat(e.path).isEqualTo("GET {environment variable WEB_BASE}/_alive");
    assertThat(e.runtimePrefix).isEqualTo("environment variable WEB_BASE");
    assertThat(e.pathSuffix).isEqualTo("/_alive");
    assertThat(e.suffixShared).isNull();
  }

  @Test
  void anEarlierGorillaRouteWhosePatternFitsTheSuffixSharesIt() {
    HealthEndpoint e =
        only(
            scan(
                "web/main.go",
                """
                package main

                import (
                	"net/http"
                	"os"

                	"github.com/gorilla/mux"
                )

                func main() {
                	base := os.Getenv("WEB_BASE")
                	router := mux.NewRouter()
                	router.HandleFunc(base+"/{page}", page)
                	router.HandleFunc(base+"/healthz", page)
                }

                func page(w http.ResponseWriter, r *http.Request) {
                	w.WriteHeader(200)
                }
                """));
    assertThat(e.suffixShared)
        .isEqualTo("the route registered at web/main.go:13 could serve it too");
  }

  @Test
  void aSameFolderHelperMethodAddingAConfiguredPrefixIsFollowedAcrossFiles() {
    ScanResult r =
        scan(
            "pkg/api/server.go",
            """
            package api

            import (
            	"net/http"
            	"strings"

            	"github.com/gorilla/mux"
            )

            type Server struct {
            	router *mux.Router
            	config *Config
            }

            func NewServer(c *Config) *Server {
            	return &Server{router: mux.NewRouter(), config: c}
            }

            func (s *Server) withPrefix(route string) string {
            	prefix := s.config.BasePath
            	if prefix == "" || prefix == "/" {
            		return route
            	}
            	if route == "/" {
            		return prefix
            	}
            	if strings.HasPrefix(route, "/") {
            		return prefix + route
            	}
            	return prefix + "/" + route
            }

            func (s *Server) routes() {
            	s.router.HandleFunc(s.withPrefix("/"), s.index).Methods("GET")
            	s.router.HandleFunc(s.withPrefix("/livez"), s.livez).Methods("GET")
            }
            """,
            "pkg/api/probes.go",
            """
            package api

            import "net/http"

            func (s *Server) livez(w http.ResponseWriter, r *http.Request) {
            	w.WriteHeader(http.StatusOK)
            }

            func (s *Server) index(w http.ResponseWriter, r *http.Request) {}
            """);
    HealthEndpoint e = only(r);
    assertThat(e.path).isEqualTo("GET {s.config.BasePath}/livez");
    assertThat(e.suffixShared).isNull();
    assertThat(e.location.file()).isEqualTo("pkg/api/server.go");
    assertThat(e.response.file()).isEqualTo("pkg/api/probes.go");
    assertThat(e.response.line()).isEqualTo(6);
  }

  @Test
  void aHelperReturningDifferentLiteralsLeavesThePathUnknown() {
    ScanResult r =
        scan(
            "svc/main.go",
            """
            package main

            import "net/http"

            func route(name string) string {
            	if len(name) > 3 {
            		return "/long/" + name
            	}
            	return "/" + name
            }

            func main() {
            	http.HandleFunc(route("healthz"), func(w http.ResponseWriter, r *http.Request) {})
            }
            """);
    assertThat(r.healthEndpoints()).isEmpty();
  }

  @Test
  void aVariableSetOnlyUnderAConditionIsARuntimePrefix() {
    HealthEndpoint e =
        only(
            scan(
                "svc/main.go",
                """
                package main

                import "net/http"

                func main(prod bool) {
                	root := ""
                	if prod {
                		root = "/v1"
                	}
                	http.HandleFunc(root+"/ready", func(w http.ResponseWriter, r *http.Request) {})
                }
                """));
    assertThat(e.runtimePrefix).isEqualTo("root");
  }

  @Test
  void aHandlerReadingAnInProcessFlagAndWritingThroughTheServersResponseHelperIsShallow() {
    HealthEndpoint e =
        only(
            scan(
                "api/server.go",
                """
                package api

                import (
                	"bytes"
                	"encoding/json"
                	"net/http"
                	"sync/atomic"

                	"go.uber.org/zap"
                )

                var healthy int32

                type Server struct {
                	logger *zap.Logger
                }

                func (s *Server) reply(w http.ResponseWriter, v any) {
                	body, err := json.Marshal(v)
                	if err != nil {
                		s.logger.Error("marshal", zap.Error(err))
                		return
                	}
                	w.Write(indented(body))
                }

                func indented(b []byte) []byte {
                	var out bytes.Buffer
                	json.Indent(&out, b, "", "  ")
                	return out.Bytes()
                }

                func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
                	if atomic.LoadInt32(&healthy) == 1 {
                		s.reply(w, map[string]string{"status": "OK"})
                		return
                	}
                	w.WriteHeader(http.StatusServiceUnavailable)
                }

                func (s *Server) routes() {
                	http.HandleFunc("/healthz", s.healthz)
                }
                """));
    assertThat(e.dependencyCheck.present()).isFalse();
    assertThat(e.response.line()).isEqualTo(34);
  }
}
