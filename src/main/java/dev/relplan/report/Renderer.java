package dev.relplan.report;

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

  /** The whole report as text, ending with a newline. */
  String render(ReportInput input);
}
