package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Integration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Go inventory: net/http, aws-sdk-go-v2, database/sql, go-redis, resilience wrappers, health
 * handlers.
 */
class GoCodeScannerTest {
  private static ScanResult scan(String source) {
    return new GoCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("main.go"), "main.go", FileKind.SOURCE_CODE, source, List.of())));
  }

  private static boolean none(Integration i) {
    return i.timeout.known() && !i.timeout.present();
  }

  @Test
  void defaultClientHasNoTimeoutAndClientTimeoutIsExplicit() {
    var r =
        scan(
            """
        package inventory

        import (
        	"net/http"
        	"time"
        )

        var client = &http.Client{Timeout: 5 * time.Second}

        func Stock(sku string) (*http.Response, error) {
        	return http.Get("https://inventory.example.com/stock/" + sku)
        }

        func Reserve(sku string) (*http.Response, error) {
        	return client.Post("https://inventory.example.com/reserve", "application/json", nil)
        }

        func Legacy() (*http.Response, error) {
        	return http.DefaultClient.Get("https://legacy.example.com/x")
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    Integration a = r.integrations().get(0);
    assertThat(a.client).isEqualTo("net/http");
    assertThat(a.location.line()).isEqualTo(11);
    assertThat(a.enclosing).isEqualTo("inventory.Stock");
    assertThat(a.target.get()).isEqualTo("https://inventory.example.com");
    assertThat(none(a)).isTrue();
    Integration b = r.integrations().get(1);
    assertThat(b.timeout.get()).isEqualTo("5 s (http.Client.Timeout)");
    assertThat(b.timeout.trace()).extracting(l -> l.line()).containsExactly(8);
    assertThat(b.clientLocation.line()).isEqualTo(8);
    assertThat(none(r.integrations().get(2))).isTrue();
  }

  @Test
  void aClientMadeByAFactoryFunctionOfTheFile() {
    var r =
        scan(
            """
        package rates

        import (
        	"net/http"
        	"time"
        )

        func newClient() *http.Client {
        	return &http.Client{Timeout: 3 * time.Second}
        }

        var client = newClient()

        func Latest() (*http.Response, error) {
        	return client.Get("https://rates.example.com/latest")
        }
        """);
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("3 s (http.Client.Timeout)");
    assertThat(r.integrations().get(0).clientLocation.line()).isEqualTo(9);
  }

  @Test
  void aTimeoutAssignedAfterTheClientIsMade() {
    var r =
        scan(
            """
        package rates

        import (
        	"net/http"
        	"time"
        )

        type Service struct{ client *http.Client }

        func New() *Service {
        	s := &Service{client: &http.Client{}}
        	s.client.Timeout = 4 * time.Second
        	return s
        }

        func (s *Service) Latest() (*http.Response, error) {
        	return s.client.Get("https://rates.example.com/latest")
        }

        func Local() (*http.Response, error) {
        	c := &http.Client{}
        	c.Timeout = 2 * time.Second
        	return c.Get("https://rates.example.com/local")
        }

        func Other() (*http.Response, error) {
        	c := &http.Client{}
        	return c.Get("https://rates.example.com/other")
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("4 s (http.Client.Timeout)");
    assertThat(r.integrations().get(1).timeout.get()).isEqualTo("2 s (http.Client.Timeout)");
    assertThat(none(r.integrations().get(2))).isTrue();
  }

  @Test
  void contextWithTimeoutOnTheRequestBoundsTheCall() {
    var r =
        scan(
            """
        package pricing

        import (
        	"context"
        	"net/http"
        	"time"
        )

        type Client struct{ http *http.Client }

        func New() *Client { return &Client{http: &http.Client{}} }

        func (c *Client) Quote(ctx context.Context) (*http.Response, error) {
        	ctx, cancel := context.WithTimeout(ctx, 2*time.Second)
        	defer cancel()
        	req, err := http.NewRequestWithContext(ctx, http.MethodGet, "https://quotes.example.com/v1", nil)
        	if err != nil {
        		return nil, err
        	}
        	return c.http.Do(req)
        }

        func (c *Client) Passed(ctx context.Context) (*http.Response, error) {
        	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, "https://quotes.example.com/v2", nil)
        	return c.http.Do(req)
        }

        func (c *Client) Background() (*http.Response, error) {
        	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://quotes.example.com/v3", nil)
        	return c.http.Do(req)
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    Integration a = r.integrations().get(0);
    assertThat(a.enclosing).isEqualTo("Client.Quote");
    assertThat(a.timeout.get()).isEqualTo("2 s (context.WithTimeout)");
    assertThat(a.timeout.trace()).extracting(l -> l.line()).containsExactly(14);
    assertThat(a.clientLocation.line()).isEqualTo(11);
    assertThat(a.target.get()).isEqualTo("https://quotes.example.com");
    assertThat(r.integrations().get(1).timeout.unresolved()).isTrue();
    assertThat(none(r.integrations().get(2))).isTrue();
  }

  @Test
  void awsSdkRetriesDisabledAndDefaults() {
    var r =
        scan(
            """
        package events

        import (
        	"context"
        	"time"

        	"github.com/aws/aws-sdk-go-v2/aws"
        	"github.com/aws/aws-sdk-go-v2/config"
        	"github.com/aws/aws-sdk-go-v2/service/eventbridge"
        	"github.com/aws/aws-sdk-go-v2/service/s3"
        )

        func Publish(ctx context.Context) error {
        	cfg, err := config.LoadDefaultConfig(ctx, config.WithRetryer(func() aws.Retryer { return aws.NopRetryer{} }))
        	if err != nil {
        		return err
        	}
        	client := eventbridge.NewFromConfig(cfg)
        	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
        	defer cancel()
        	_, err = client.PutEvents(ctx, &eventbridge.PutEventsInput{})
        	return err
        }

        func Store(ctx context.Context) error {
        	cfg, _ := config.LoadDefaultConfig(context.TODO(), config.WithRetryMaxAttempts(5))
        	s := s3.NewFromConfig(cfg)
        	_, err := s.PutObject(context.TODO(), &s3.PutObjectInput{})
        	return err
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration a = r.integrations().get(0);
    assertThat(a.kind).isEqualTo(Integration.Kind.AWS_SDK);
    assertThat(a.target.get()).isEqualTo("AWS eventbridge PutEvents");
    assertThat(a.retriesDisabled.isTrue()).isTrue();
    assertThat(a.retriesDisabled.trace()).extracting(l -> l.line()).containsExactly(14);
    assertThat(a.clientLocation.line()).isEqualTo(18);
    assertThat(a.timeout.get()).isEqualTo("3 s (context.WithTimeout)");
    Integration b = r.integrations().get(1);
    assertThat(b.retriesDisabled.isTrue()).isFalse();
    assertThat(b.retry.get()).isEqualTo("RetryMaxAttempts 5");
    assertThat(none(b)).isTrue();
  }

  @Test
  void awsSdkHttpClientTimeoutAndClientOptions() {
    var r =
        scan(
            """
        package store

        import (
        	"context"
        	"time"

        	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
        	"github.com/aws/aws-sdk-go-v2/config"
        	"github.com/aws/aws-sdk-go-v2/service/s3"
        )

        func Put(ctx context.Context) error {
        	cfg, _ := config.LoadDefaultConfig(ctx, config.WithHTTPClient(awshttp.NewBuildableClient().WithTimeout(10*time.Second)))
        	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
        		o.RetryMaxAttempts = 1
        	})
        	_, err := client.PutObject(ctx, &s3.PutObjectInput{})
        	return err
        }

        func Get(ctx context.Context) error {
        	cfg, _ := config.LoadDefaultConfig(ctx, config.WithHTTPClient(awshttp.NewBuildableClient()))
        	_, err := s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{})
        	return err
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    Integration put = r.integrations().get(0);
    assertThat(put.timeout.get()).isEqualTo("10 s (BuildableClient.WithTimeout)");
    assertThat(put.retriesDisabled.isTrue()).isTrue();
    assertThat(put.retriesDisabled.trace()).extracting(l -> l.line()).containsExactly(15);
    Integration get = r.integrations().get(1);
    assertThat(get.timeout.unresolved()).isTrue(); // default client, context from the parameter
    assertThat(get.timeout.note()).contains("parameter ctx");
  }

  @Test
  void databaseSqlAndGoRedis() {
    var r =
        scan(
            """
        package store

        import (
        	"context"
        	"database/sql"
        	"time"

        	"github.com/redis/go-redis/v9"
        )

        var db, _ = sql.Open("postgres", "host=db.internal dbname=orders")
        var rdb = redis.NewClient(&redis.Options{Addr: "cache.internal:6379"})
        var slow = redis.NewClient(&redis.Options{Addr: "cache.internal:6379", ReadTimeout: -1})

        func Count(ctx context.Context) (int, error) {
        	ctx, cancel := context.WithTimeout(ctx, 500*time.Millisecond)
        	defer cancel()
        	var n int
        	err := db.QueryRowContext(ctx, "SELECT count(*) FROM orders").Scan(&n)
        	db.Exec("DELETE FROM carts")
        	rdb.Get(ctx, "k")
        	slow.Get(ctx, "k")
        	return n, err
        }
        """);
    assertThat(r.integrations()).hasSize(4);
    assertThat(r.integrations().get(0).timeout.get()).isEqualTo("500 ms (context.WithTimeout)");
    assertThat(r.integrations().get(0).kind).isEqualTo(Integration.Kind.DATABASE);
    assertThat(none(r.integrations().get(1))).isTrue();
    assertThat(r.integrations().get(2).timeout.get())
        .isEqualTo("dial 5 s, read 3 s, write 3 s (go-redis defaults)");
    assertThat(r.integrations().get(2).timeout.isExplicit()).isFalse();
    assertThat(r.integrations().get(2).target.get()).isEqualTo("cache.internal:6379");
    assertThat(none(r.integrations().get(3))).isTrue();
  }

  @Test
  void goRedisFromAUrl() {
    var r =
        scan(
            """
        package cache

        import (
        	"context"
        	"os"

        	"github.com/redis/go-redis/v9"
        )

        func Get(ctx context.Context) {
        	opt, _ := redis.ParseURL(os.Getenv("REDIS_URL"))
        	redis.NewClient(opt).Get(ctx, "a")
        	never, _ := redis.ParseURL("redis://cache.internal:6379/0?read_timeout=-1")
        	redis.NewClient(never).Get(ctx, "b")
        }
        """);
    assertThat(r.integrations()).hasSize(2);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("dial 5 s, read 3 s, write 3 s (go-redis defaults)");
    assertThat(none(r.integrations().get(1))).isTrue();
    assertThat(r.integrations().get(1).timeout.trace())
        .extracting(l -> l.line())
        .containsExactly(13);
  }

  @Test
  void resilienceWrappersAreEvidence() {
    var r =
        scan(
            """
        package reviews

        import (
        	"net/http"

        	"github.com/afex/hystrix-go/hystrix"
        	"github.com/avast/retry-go/v4"
        	"github.com/sony/gobreaker"
        )

        var cb = gobreaker.NewCircuitBreaker(gobreaker.Settings{Name: "reviews"})

        func Reviews() (interface{}, error) {
        	return cb.Execute(func() (interface{}, error) {
        		return http.Get("https://reviews.example.com/top")
        	})
        }

        func Ratings() error {
        	return hystrix.Do("ratings", func() error {
        		_, err := http.Get("https://ratings.example.com/")
        		return err
        	}, func(err error) error { return nil })
        }

        func Photos() error {
        	fetch := func() error {
        		_, err := http.Get("https://photos.example.com/")
        		return err
        	}
        	return retry.Do(fetch, retry.Attempts(3))
        }
        """);
    assertThat(r.integrations()).hasSize(3);
    assertThat(r.integrations().get(0).circuitBreaker.trace())
        .extracting(l -> l.line())
        .containsExactly(14);
    assertThat(r.integrations().get(1).circuitBreaker.present()).isTrue();
    assertThat(r.integrations().get(1).fallback.present()).isTrue();
    assertThat(r.integrations().get(1).timeout.get())
        .isEqualTo("1000 ms (hystrix-go default command timeout)");
    assertThat(r.integrations().get(2).retry.trace()).extracting(l -> l.line()).containsExactly(31);
    assertThat(r.integrations().get(2).circuitBreaker.present()).isFalse();
  }

  @Test
  void healthHandlersConstantOrPingingTheDatabase() {
    var r =
        scan(
            """
        package main

        import (
        	"database/sql"
        	"net/http"
        )

        type Server struct{ db *sql.DB }

        func (s *Server) ready(w http.ResponseWriter, r *http.Request) {
        	if err := s.db.PingContext(r.Context()); err != nil {
        		http.Error(w, "db down", http.StatusServiceUnavailable)
        		return
        	}
        	w.WriteHeader(http.StatusOK)
        }

        func main() {
        	s := &Server{}
        	mux := http.NewServeMux()
        	http.HandleFunc("/health", func(w http.ResponseWriter, r *http.Request) {
        		w.WriteHeader(200)
        	})
        	mux.HandleFunc("GET /readyz", s.ready)
        	mux.HandleFunc("/orders", s.ready)
        }
        """);
    assertThat(r.healthEndpoints()).hasSize(2);
    var shallow = r.healthEndpoints().get(0);
    assertThat(shallow.location.line()).isEqualTo(21);
    assertThat(shallow.path).isEqualTo("GET /health");
    assertThat(shallow.dependencyCheck.present()).isFalse();
    assertThat(shallow.response.line()).isEqualTo(22);
    var deep = r.healthEndpoints().get(1);
    assertThat(deep.handler).isEqualTo("ready");
    assertThat(deep.dependencyCheck.trace()).extracting(l -> l.line()).containsExactly(11);
  }

  @Test
  void defaultClientTimeoutSetInAnotherFileBoundsHttpGet() {
    var r =
        new GoCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("main.go"),
                        "main.go",
                        FileKind.SOURCE_CODE,
                        """
            package main

            import (
            	"net/http"
            	"time"
            )

            func main() {
            	http.DefaultClient.Timeout = 10 * time.Second
            	serve()
            }
            """,
                        List.of()),
                    new SourceFile(
                        Path.of("fetch.go"),
                        "fetch.go",
                        FileKind.SOURCE_CODE,
                        """
            package main

            import "net/http"

            func fetch() (*http.Response, error) {
            	return http.Get("https://a.example.com/")
            }
            """,
                        List.of())));
    assertThat(r.integrations()).hasSize(1);
    assertThat(r.integrations().get(0).timeout.get())
        .isEqualTo("10 s (http.DefaultClient.Timeout)");
    assertThat(r.integrations().get(0).timeout.trace())
        .extracting(Object::toString)
        .containsExactly("main.go:9");
  }

  @Test
  void syntaxErrorsSkipTheFile() {
    var r = scan("package main\nimport \"net/http\"\nfunc main() { http.Get( }\n");
    assertThat(r.skipped()).hasSize(1);
    assertThat(r.integrations()).isEmpty();
  }
}
