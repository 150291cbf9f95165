package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** gRPC client calls in Go: one integration per call site, bounded only by a deadline. */
class GoGrpcTest {
  /** A hand-written stand-in for protoc-gen-go-grpc output, in its own package. */
  private static final String GENERATED =
      """
      package stockpb

      import (
      	"context"

      	"google.golang.org/grpc"
      )

      type StockServiceClient interface {
      	Level(ctx context.Context, in *LevelRequest, opts ...grpc.CallOption) (*LevelReply, error)
      }

      type stockServiceClient struct{ cc grpc.ClientConnInterface }

      func NewStockServiceClient(cc grpc.ClientConnInterface) StockServiceClient {
      	return &stockServiceClient{cc}
      }

      func (c *stockServiceClient) Level(ctx context.Context, in *LevelRequest, opts ...grpc.CallOption) (*LevelReply, error) {
      	out := new(LevelReply)
      	err := c.cc.Invoke(ctx, "/stock.StockService/Level", in, out, opts...)
      	return out, err
      }
      """;

  private static ScanResult scan(String... pathsAndSources) {
    List<SourceFile> files = new ArrayList<>();
    files.add(file("stockpb/stock_grpc.pb.go", GENERATED));
    for (int k = 0; k < pathsAndSources.length; k += 2)
      files.add(file(pathsAndSources[k], pathsAndSources[k + 1]));
    return new GoCodeScanner().scan(files);
  }

  private static SourceFile file(String path, String source) {
    return new SourceFile(Path.of(path), path, FileKind.SOURCE_CODE, source, List.of());
  }

  private static Integration only(ScanResult r) {
    assertThat(r.integrations()).hasSize(1);
    return r.integrations().get(0);
  }

  private static final String IMPORTS =
      """
      package shop

      import (
      	"context"
      	"time"

      	"example.com/shop/stockpb"
      	"google.golang.org/grpc"
      )

      """;

  @Test
  void aBackgroundContextLeavesTheCallWithoutDeadline() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS
                    + """
                func level(sku string) {
                	conn, _ := grpc.NewClient("stock:50051")
                	client := stockpb.NewStockServiceClient(conn)
                	client.Level(context.Background(), nil)
                }
                """));
    assertThat(i.kind).isEqualTo(Integration.Kind.RPC);
    assertThat(i.client).isEqualTo("gRPC (Go)");
    assertThat(i.location.line()).isEqualTo(14);
    assertThat(i.target.get()).isEqualTo("StockService/Level at stock:50051");
    assertThat(i.clientLocation.line()).isEqualTo(13);
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note()).contains("By default, gRPC does not set a deadline");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(12, 14);
  }

  @Test
  void aContextWithTimeoutIsTheDeadline() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS
                    + """
                func level(sku string) {
                	conn, _ := grpc.NewClient("stock:50051")
                	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
                	defer cancel()
                	stockpb.NewStockServiceClient(conn).Level(ctx, nil)
                }
                """));
    assertThat(i.timeout.get()).isEqualTo("2 s (context.WithTimeout)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(13);
  }

  @Test
  void aContextFromAParameterIsCannotDetermine() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS
                    + """
                func level(ctx context.Context, sku string) {
                	conn, _ := grpc.NewClient("stock:50051")
                	stockpb.NewStockServiceClient(conn).Level(ctx, nil)
                }
                """));
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("the context is the parameter ctx of shop.level");
  }

  @Test
  void aConnectionFilledThroughAPointerInAnotherFileIsFollowed() {
    Integration i =
        only(
            scan(
                "shop/main.go",
                IMPORTS
                    + """
                type frontend struct{ stockConn *grpc.ClientConn }

                func connect(conn **grpc.ClientConn, addr string) {
                	*conn, _ = grpc.NewClient(addr, grpc.WithTimeout(3*time.Second))
                }

                func start() *frontend {
                	f := &frontend{}
                	connect(&f.stockConn, "stock:50051")
                	return f
                }
                """,
                "shop/rpc.go",
                """
                package shop

                import (
                	"context"

                	"example.com/shop/stockpb"
                )

                func (f *frontend) level() {
                	stockpb.NewStockServiceClient(f.stockConn).Level(context.TODO(), nil)
                }
                """));
    assertThat(i.location.toString()).isEqualTo("shop/rpc.go:10");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
    assertThat(i.timeout.note())
        .contains("grpc.WithTimeout at shop/main.go:14 bounds dialing only");
    assertThat(i.timeout.trace()).extracting(Object::toString).contains("shop/main.go:14");
  }

  @Test
  void aClientFieldSetInAnotherFileIsFollowedToItsConstructor() {
    Integration i =
        only(
            scan(
                "shop/server.go",
                IMPORTS
                    + """
                type server struct{ stock stockpb.StockServiceClient }

                func newServer() *server {
                	conn, _ := grpc.NewClient("stock:50051")
                	return &server{stock: stockpb.NewStockServiceClient(conn)}
                }
                """,
                "shop/level.go",
                """
                package shop

                import "context"

                func (s *server) level() {
                	s.stock.Level(context.Background(), nil)
                }
                """));
    assertThat(i.clientLocation.toString()).isEqualTo("shop/server.go:15");
    assertThat(i.target.get()).isEqualTo("StockService/Level at stock:50051");
    assertThat(i.timeout.known() && !i.timeout.present()).isTrue();
  }

  @Test
  void aClientFromAParameterIsKeptAsCannotDetermine() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                """
                package shop

                import (
                	"context"

                	"example.com/shop/stockpb"
                )

                func level(client stockpb.StockServiceClient) {
                	client.Level(context.Background(), nil)
                }
                """));
    assertThat(i.target.get()).isEqualTo("StockService/Level");
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("cannot be followed to grpc.NewClient/Dial");
  }

  @Test
  void anInterceptorMakingATimeoutContextIsTheDeadline() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS
                    + """
                func withDeadline(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
                	ctx, cancel := context.WithTimeout(ctx, 800*time.Millisecond)
                	defer cancel()
                	return invoker(ctx, method, req, reply, cc, opts...)
                }

                func level() {
                	conn, _ := grpc.NewClient("stock:50051", grpc.WithUnaryInterceptor(withDeadline))
                	stockpb.NewStockServiceClient(conn).Level(context.Background(), nil)
                }
                """));
    assertThat(i.timeout.get())
        .isEqualTo("800 ms (context.WithTimeout in the unary client interceptor)");
    assertThat(i.timeout.trace()).extracting(l -> l.line()).containsExactly(12);
  }

  @Test
  void anUnknownLibraryInterceptorIsCannotDetermine() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS.replace(
                        "\"google.golang.org/grpc\"",
                        "\"google.golang.org/grpc\"\n\t\"example.com/mw\"")
                    + """
                func level() {
                	conn, _ := grpc.NewClient("stock:50051", grpc.WithUnaryInterceptor(mw.Unary()))
                	stockpb.NewStockServiceClient(conn).Level(context.Background(), nil)
                }
                """));
    assertThat(i.timeout.unresolved()).isTrue();
    assertThat(i.timeout.note()).contains("interceptor mw.Unary() is not read");
  }

  @Test
  void aServiceConfigTimeoutIsTheDeadline() {
    Integration i =
        only(
            scan(
                "shop/level.go",
                IMPORTS
                    + """
                const config = `{"methodConfig": [{"name": [{"service": "stock.StockService"}], "timeout": "1.5s"}]}`

                func level() {
                	conn, _ := grpc.NewClient("stock:50051", grpc.WithDefaultServiceConfig(config))
                	stockpb.NewStockServiceClient(conn).Level(context.Background(), nil)
                }
                """));
    assertThat(i.timeout.get())
        .isEqualTo("1.5s (methodConfig timeout of the default service config)");
  }

  @Test
  void theGeneratedClientItselfIsNoCallSite() {
    assertThat(scan().integrations()).isEmpty();
  }
}
