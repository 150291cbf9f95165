package dev.relplan.report;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;

/**
 * One output format of the assessed report. A renderer only lays out what the assessment already
 * decided: it computes nothing. A new format is one class implementing this interface, registered
 * once in {@link Renderers#all()}; the CLI takes its name, file name and help text from there.
 */
public interface Renderer {
  /** The name given to {@code --format}, e.g. {@code md}. */
  String format();

  /** The file name extension, without the dot. */
  String extension();

  /** The file this format is written to when the output is a directory. */
  default String defaultFileName() {
    return "reliability-plan." + extension();
  }

  /**
   * Writes the whole report, ending with a newline, to {@code out} as it is laid out, so a large
   * report is never held whole in memory. The caller opens, flushes and closes {@code out}.
   */
  void render(ReportInput input, Writer out) throws IOException;

  /** The whole report as one string: for tests and small reports (the CLI streams). */
  default String render(ReportInput input) {
    return asText(out -> render(input, out));
  }

  /** Something that writes text to a writer it does not own. */
  @FunctionalInterface
  interface Writing {
    void to(Writer out) throws IOException;
  }

  /** What {@code writing} writes, collected as one string (a string writer never fails). */
  static String asText(Writing writing) {
    StringWriter text = new StringWriter();
    try {
      writing.to(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }
}
