package dev.relplan.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.Writer;

/** The one JSON layout of the JSON and SARIF reports: two-space indent, newline at the end. */
final class PrettyJson {
  private PrettyJson() {}

  /** What writes one document into the generator. */
  interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  /** The document as one string. */
  static String write(Body body) {
    return Renderer.asText(out -> write(body, out));
  }

  /** Streams the document to {@code out}, which stays open: the caller owns it. */
  static void write(Body body, Writer out) throws IOException {
    try (JsonGenerator g =
        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      g.setPrettyPrinter(
          new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      body.write(g);
    }
    out.write('\n');
  }

  /** Streams the document on one line, without indentation (embedded in the HTML page). */
  static void writeCompact(Body body, Writer out) throws IOException {
    try (JsonGenerator g =
        new JsonFactory().createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
      body.write(g);
    }
  }
}
