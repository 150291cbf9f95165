package dev.relplan.report;

import dev.relplan.assess.Assessment;
import dev.relplan.rules.Risk;
import dev.relplan.source.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Function;

/**
 * The report as one self-contained HTML dashboard: the JSON report (the one {@link JsonRenderer}
 * writes) embedded in a {@code <script type="application/json">} element and drawn by the page's
 * own script and styles (resources beside this class: {@code dashboard.js}, {@code dashboard.css}),
 * with no network access (a Content-Security-Policy forbids it). Without JavaScript the page shows
 * the essentials written here: counts by risk, maturity, the coverage statement and the next steps.
 */
public final class HtmlRenderer implements Renderer {
  /** The id of the element holding the JSON report; the script reads it. */
  static final String DATA_ELEMENT = "relplan-report";

  private static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:";

  @Override
  public String format() {
    return "html";
  }

  @Override
  public String extension() {
    return "html";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    Assessment a = input.assessment();
    String title = "Reliability Improvement Plan: " + a.workload();
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.write(CONTENT_SECURITY_POLICY);
    out.write("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<link rel=\"icon\" href=\"data:,\">\n<title>");
    out.write(escape(title));
    out.write("</title>\n<style>\n");
    out.write(Assets.CSS);
    out.write("</style>\n</head>\n<body data-state=\"loading\" data-errors=\"0\">\n");
    out.write("<header class=\"top\"><h1>");
    out.write(escape(title));
    out.write("</h1><p>");
    out.write(escape("Date: " + input.date() + " · relplan " + input.toolVersion()));
    out.write("</p></header>\n");
    essentials(a, out);
    out.write("<main id=\"app\"></main>\n<script type=\"application/json\" id=\"");
    out.write(DATA_ELEMENT);
    out.write("\">");
    JsonRenderer.renderCompact(input, new ScriptSafeJson(out));
    out.write("</script>\n<script>\n");
    out.write(Assets.JS);
    out.write("</script>\n</body>\n</html>\n");
  }

  /** The dashboard of one assessment, with the source lines {@code snippet} quotes as evidence. */
  public static String render(
      Assessment a, String date, String version, Function<Location, String> snippet) {
    return new HtmlRenderer()
        .render(new ReportInput(a, date, version, snippet, java.util.List.of()));
  }

  /**
   * What a reader without JavaScript still gets, and what shows while the script runs; the script
   * removes it once the dashboard is drawn.
   */
  private static void essentials(Assessment a, Writer out) throws IOException {
    StringBuilder html = new StringBuilder("<div id=\"essentials\" class=\"essentials\">\n");
    html.append(
        "<noscript><p><strong>This dashboard draws its charts and tables with JavaScript, which is"
            + " off.</strong> The essentials follow; <code>relplan assess --format md</code> writes"
            + " the whole plan as text.</p></noscript>\n");
    if (a.coverage().statement() != null)
      html.append("<p class=\"statement\">")
          .append(escape(a.coverage().statement()))
          .append("</p>\n");
    html.append("<ul>\n");
    for (Risk r : Risk.values())
      html.append("<li>").append(r.title).append(": ").append(a.count(r)).append("</li>\n");
    html.append("<li>Cannot Determine: ").append(a.undetermined().size()).append("</li>\n");
    html.append("</ul>\n<p>Maturity ")
        .append(a.maturity())
        .append("/5: ")
        .append(escape(a.maturityReason()))
        .append("</p>\n");
    if (!a.nextSteps().isEmpty()) {
      html.append("<p>Next steps:</p>\n<ol>\n");
      for (Assessment.NextStep step : a.nextSteps())
        // The step's text opens with its action and title.
        html.append("<li>").append(escape(step.text())).append("</li>\n");
      html.append("</ol>\n");
    }
    html.append("</div>\n");
    out.write(html.toString());
  }

  /** HTML-escaped, with control characters from scanned names shown as the replacement mark. */
  static String escape(String s) {
    StringBuilder visible = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      visible.append(c != '\n' && MarkdownRenderer.isUnsafeControl(c) ? '\uFFFD' : c);
    }
    return visible
        .toString()
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }

  /** The page's script and styles, read once from the resources beside this class. */
  static final class Assets {
    static final String JS = read("dashboard.js");
    static final String CSS = read("dashboard.css");

    private Assets() {}

    private static String read(String name) {
      try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
        if (in == null) throw new IllegalStateException("missing resource " + name);
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        // The script sits inside a <script> element: nothing in it may close that element.
        if (text.toLowerCase(Locale.ROOT).contains("</script"))
          throw new IllegalStateException(name + " must not contain </script");
        return text;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
