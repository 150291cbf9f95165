package dev.relplan.code.go;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.ScanResult;
import dev.relplan.discover.FileKind;
import dev.relplan.discover.SourceFile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unusual but valid Go: the scanner neither fails nor invents calls. */
class GoOddInputsTest {
  private static ScanResult scan(String source) {
    return new GoCodeScanner()
        .scan(
            List.of(
                new SourceFile(
                    Path.of("odd.go"), "odd.go", FileKind.SOURCE_CODE, source, List.of())));
  }

  @Test
  void oddShapesParseWithoutFailures() {
    var r =
        scan(
            """
        package odd

        import (
        	. "fmt"
        	_ "net/http/pprof"
        	h "net/http"
        	"context"
        )

        type T[K comparable] struct{ m map[K]int }

        func (t *T[K]) Get(k K) int { return t.m[k] }

        var get = h.Get

        func f(http string, ctx context.Context) {
        	Println(http)
        	x := struct{ c *h.Client }{c: &h.Client{}}
        	x.c.Get("https://odd.example.com")
        	go func() { defer func() { recover() }() }()
        	var c = new(h.Client)
        	c.Do(nil)
        	for i := range 3 { _ = i }
        	h.HandleFunc("/health", nil)
        	h.HandleFunc("/healthz", undefined)
        	ctx, cancel := context.WithCancel(ctx)
        	defer cancel()
        	req, _ := h.NewRequestWithContext(ctx, "GET", "u", nil)
        	h.DefaultClient.Do(req)
        }
        """);
    assertThat(r.skipped()).isEmpty();
    assertThat(r.healthEndpoints()).isEmpty();
    assertThat(r.integrations()).extracting(i -> i.location.line()).containsExactly(19, 22, 29);
    assertThat(r.integrations().get(1).timeout.unresolved())
        .isTrue(); // Do(nil): the request cannot be followed
    assertThat(r.integrations().get(2).timeout.unresolved())
        .isTrue(); // WithCancel of the parameter ctx
  }

  @Test
  void emptyAndImportOnlyFiles() {
    assertThat(scan("package empty\n").integrations()).isEmpty();
    assertThat(scan("package p\nimport \"net/http\"\nvar _ = http.StatusOK\n").integrations())
        .isEmpty();
  }

  @Test
  void aFileWhoseScanThrowsIsSkippedAndTheFileBesideItIsStillScanned() {
    // a lone surrogate is text tree-sitter refuses: parsing that file throws
    String refused = "package p\n// " + "\uD800\uD800" + "\nfunc f() {}\n";
    String valid =
        "package p\nimport \"net/http\"\nfunc f() { http.Get(\"https://a.example.com\") }\n";
    var r =
        new GoCodeScanner()
            .scan(
                List.of(
                    new SourceFile(
                        Path.of("a.go"), "a.go", FileKind.SOURCE_CODE, refused, List.of()),
                    new SourceFile(
                        Path.of("b.go"), "b.go", FileKind.SOURCE_CODE, valid, List.of())));
    assertThat(r.skipped())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.file()).isEqualTo("a.go");
              assertThat(s.reason()).startsWith("stopped: could not be analysed");
            });
    assertThat(r.integrations())
        .singleElement()
        .satisfies(i -> assertThat(i.location.file()).isEqualTo("b.go"));
  }
}
