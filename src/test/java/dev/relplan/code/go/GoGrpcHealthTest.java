package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.HealthEndpoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC health services registered in Go, and whether they answer from a dependency. */
class GoGrpcHealthTest {
  private static List<HealthEndpoint> scan(String source) {
    return new GoCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("svc/main.go"),
                    "svc/main.go",
                    FileKind.SOURCE_CODE,
                    source,
                    List.of())))
        .healthEndpoints();
  }

  @Test
  void grpcGosOwnHealthServerWithoutStatusChangesIsShallowAtItsCreation() {
    List<HealthEndpoint> found =
        scan(
            """
            package main

            import (
            	"google.golang.org/grpc"
            	"google.golang.org/grpc/health"
            	"google.golang.org/grpc/health/grpc_health_v1"
            )

            func main() {
            	s := grpc.NewServer()
            	hs := health.NewServer()
            	hs.SetServingStatus("", grpc_health_v1.HealthCheckResponse_SERVING)
            	grpc_health_v1.RegisterHealthServer(s, hs)
            }
            """);
    assertThat(found).hasSize(1);
    assertThat(found.get(0).path).isEqualTo(HealthEndpoint.GRPC_HEALTH);
    assertThat(found.get(0).dependencyCheck.present()).isFalse();
    assertThat(found.get(0).response.line()).isEqualTo(11);
  }

  @Test
  void aStatusSetToNotServingWhenADependencyCheckFailsIsTheDependencyCheck() {
    List<HealthEndpoint> found =
        scan(
            """
            package main

            import (
            	"database/sql"
            	"time"

            	"google.golang.org/grpc"
            	"google.golang.org/grpc/health"
            	healthpb "google.golang.org/grpc/health/grpc_health_v1"
            )

            func watch(db *sql.DB, hs *health.Server) {
            	for range time.Tick(5 * time.Second) {
            		if err := db.Ping(); err != nil {
            			hs.SetServingStatus("", healthpb.HealthCheckResponse_NOT_SERVING)
            		}
            	}
            }

            func main() {
            	s := grpc.NewServer()
            	hs := health.NewServer()
            	healthpb.RegisterHealthServer(s, hs)
            }
            """);
    assertThat(found.get(0).dependencyCheck.get()).isEqualTo("db.Ping(...)");
    assertThat(found.get(0).dependencyCheck.trace()).extracting(l -> l.line()).containsExactly(14);
  }

  @Test
  void aServerOfTheCodesOwnTypeIsJudgedByItsCheckMethod() {
    List<HealthEndpoint> found =
        scan(
            """
            package main

            import (
            	"context"

            	"google.golang.org/grpc"
            	healthpb "google.golang.org/grpc/health/grpc_health_v1"
            )

            type checker struct{ store Store }

            func (c *checker) Check(ctx context.Context, req *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
            	if err := c.store.Ping(ctx); err != nil {
            		return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_NOT_SERVING}, nil
            	}
            	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
            }

            func main() {
            	s := grpc.NewServer()
            	healthpb.RegisterHealthServer(s, &checker{})
            }
            """);
    assertThat(found.get(0).handler).isEqualTo("checker.Check");
    assertThat(found.get(0).dependencyCheck.trace()).extracting(l -> l.line()).containsExactly(13);
  }
}
