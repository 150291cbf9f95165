package dev.relplan.report;

import java.io.IOException;
import java.io.Writer;

/**
 * {@code assess --format json --summary}: the {@link Summary} document instead of the full JSON
 * report, in the same file name. Not listed in {@link Renderers#all()}: it is a mode of json.
 */
public final class SummaryRenderer implements Renderer {
  @Override
  public String format() {
    return "json";
  }

  @Override
  public String extension() {
    return "json";
  }

  @Override
  public void render(ReportInput input, Writer out) throws IOException {
    JsonValues.write(Summary.of(input, Summary.DEFAULT_FINDINGS), out);
  }
}
