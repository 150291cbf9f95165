package dev.relplan.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.relplan.cli.Main;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.RuleRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The one list of output formats: names, extensions and file names never clash, and each renderer
 * renders what it is given.
 */
class RenderersTest {
  /** A renderer with a name and an extension and nothing to say, to try the list's guards. */
  private record Named(String format, String extension) implements Renderer {
    @Override
    public void render(ReportInput input, Writer out) {}
  }

  @Test
  void theFormatsOnOfferAreMarkdownJsonSarifAndHtmlWithMarkdownFirst() {
    assertThat(Renderers.all().formats()).containsExactly("md", "json", "sarif", "html");
    assertThat(Renderers.all().defaultRenderer().format()).isEqualTo("md");
  }

  @Test
  void everyRendererHasADistinctFormatName() {
    assertThat(Renderers.all().formats()).doesNotHaveDuplicates();
  }

  @Test
  void everyRendererHasADistinctExtensionAndFileName() {
    List<Renderer> all = Renderers.all().list();
    assertThat(all.stream().map(Renderer::extension).toList()).doesNotHaveDuplicates();
    assertThat(all.stream().map(Renderer::defaultFileName).toList()).doesNotHaveDuplicates();
  }

  @Test
  void aSecondRendererForATakenFormatNameIsRejected() {
    assertThatThrownBy(() -> Renderers.all().with(new Named("json", "json2")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("json");
  }

  @Test
  void aSecondRendererForATakenExtensionIsRejected() {
    assertThatThrownBy(() -> Renderers.all().with(new Named("markdown", "md")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(".md");
  }

  @Test
  void eachRendererLeavesTheWriterItStreamsToOpenForTheCaller() throws IOException {
    ReportInput input = ordersPlatform();
    for (Renderer renderer : Renderers.all().list()) {
      StringWriter text = new StringWriter();
      // A closed BufferedWriter refuses the next write, which a renderer closing it would cause.
      try (BufferedWriter out = new BufferedWriter(text)) {
        renderer.render(input, out);
        out.write("after");
      }
      assertThat(text.toString()).as(renderer.format()).endsWith("\nafter");
    }
  }

  private static ReportInput ordersPlatform() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    return new ReportInput(
        r.assessment(), "2026-01-01", Main.VERSION, r.snippets(), RuleRegistry.all());
  }

  @Test
  void eachRendererRendersTheInputItIsGivenAsItsOwnEntryPointDoes() throws IOException {
    Pipeline.Result r =
        Pipeline.run(
            new Pipeline.Request(
                List.of(Path.of("examples/orders-platform")), null, Context.defaults(), List.of()));
    ReportInput input =
        new ReportInput(
            r.assessment(), "2026-01-01", Main.VERSION, r.snippets(), RuleRegistry.all());
    Renderers all = Renderers.all();
    assertThat(all.byFormat("md").orElseThrow().render(input))
        .isEqualTo(MarkdownRenderer.render(r.assessment(), "2026-01-01"));
    assertThat(all.byFormat("json").orElseThrow().render(input))
        .isEqualTo(JsonRenderer.render(r.assessment(), Main.VERSION, r.snippets(), "2026-01-01"));
    assertThat(all.byFormat("sarif").orElseThrow().render(input))
        .isEqualTo(SarifRenderer.render(r.assessment(), RuleRegistry.all(), Main.VERSION));
    assertThat(all.byFormat("html").orElseThrow().render(input))
        .isEqualTo(HtmlRenderer.render(r.assessment(), "2026-01-01", Main.VERSION, r.snippets()));
  }
}
