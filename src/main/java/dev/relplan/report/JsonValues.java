package dev.relplan.report;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as JSON in the reports' one
 * layout ({@link PrettyJson}): the summary document is built as such a tree so the MCP server can
 * hand the same tree to its client as structured content.
 */
public final class JsonValues {
  private JsonValues() {}

  /** The tree as a pretty-printed document ending with a newline. */
  public static void write(Object tree, Writer out) throws IOException {
    PrettyJson.write(g -> value(g, tree), out);
  }

  /** The tree as a pretty-printed string. */
  public static String write(Object tree) {
    return PrettyJson.write(g -> value(g, tree));
  }

  private static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) g.writeNull();
    else if (v instanceof String s) g.writeString(s);
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Integer i) g.writeNumber(i);
    else if (v instanceof Long l) g.writeNumber(l);
    else if (v instanceof BigDecimal d) g.writeNumber(d);
    else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof List<?> list) {
      g.writeStartArray();
      for (Object item : list) value(g, item);
      g.writeEndArray();
    } else throw new IllegalArgumentException("not a JSON value: " + v.getClass().getName());
  }
}
