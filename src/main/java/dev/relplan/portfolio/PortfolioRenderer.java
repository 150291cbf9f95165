package dev.relplan.portfolio;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;

/** One output of the portfolio: Markdown, JSON or a self-contained HTML page. */
public interface PortfolioRenderer {
  /** The --format name. */
  String format();

  void render(Portfolio portfolio, Writer out) throws IOException;

  /** The whole output as one string (tests). */
  default String render(Portfolio portfolio) {
    StringWriter out = new StringWriter();
    try {
      render(portfolio, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** Every portfolio output, the default first. */
  static List<PortfolioRenderer> all() {
    return List.of(new PortfolioMarkdown(), new PortfolioJson(), new PortfolioHtml());
  }
}
