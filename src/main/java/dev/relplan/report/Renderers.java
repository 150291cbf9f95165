package dev.relplan.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The output formats on offer, in the order the CLI names them; the first is the default. */
public final class Renderers {
  private final List<Renderer> renderers;

  private Renderers(List<Renderer> renderers) {
    Set<String> formats = new HashSet<>();
    Set<String> extensions = new HashSet<>();
    for (Renderer r : renderers) {
      // Two renderers answering one --format name, or writing one file name, would hide each other.
      if (!formats.add(r.format()))
        throw new IllegalArgumentException("two renderers for format " + r.format());
      if (!extensions.add(r.extension()))
        throw new IllegalArgumentException("two renderers write ." + r.extension());
    }
    this.renderers = List.copyOf(renderers);
  }

  /** Every output format relplan writes. Register a new renderer here, once. */
  public static Renderers all() {
    return new Renderers(
        List.of(
            new MarkdownRenderer(), new JsonRenderer(), new SarifRenderer(), new HtmlRenderer()));
  }

  /** These formats and one more, named last. */
  public Renderers with(Renderer extra) {
    List<Renderer> more = new ArrayList<>(renderers);
    more.add(extra);
    return new Renderers(more);
  }

  public List<Renderer> list() {
    return renderers;
  }

  public Renderer defaultRenderer() {
    return renderers.get(0);
  }

  public Optional<Renderer> byFormat(String format) {
    return renderers.stream().filter(r -> r.format().equals(format)).findFirst();
  }

  public List<String> formats() {
    return renderers.stream().map(Renderer::format).toList();
  }
}
