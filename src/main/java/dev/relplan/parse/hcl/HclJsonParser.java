package dev.relplan.parse.hcl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Parser for the Terraform JSON syntax ({@code .tf.json}, {@code .tfvars.json}), mapped onto the
 * same AST as the native syntax.
 *
 * <h2>Mapping</h2>
 *
 * <ul>
 *   <li>The root must be an object. A root key that is a known Terraform block type ({@code
 *       resource}, {@code data}, {@code ephemeral}, {@code action}, {@code module}, {@code
 *       variable}, {@code output}, {@code provider}, {@code locals}, {@code terraform}, {@code
 *       moved}, {@code import}, {@code removed}, {@code check}) becomes blocks; its value holds one
 *       nested object level per block label ({@code {"resource": {"aws_s3_bucket": {"b":
 *       {...}}}}}). At any level an array of objects stands for repeated blocks. Any other root key
 *       becomes an attribute (this is what {@code .tfvars.json} needs).
 *   <li>Inside block bodies, keys are attributes except for meta blocks Terraform itself defines
 *       ({@code lifecycle}, {@code provisioner}, {@code connection}, {@code dynamic}/{@code
 *       content}, {@code validation}, {@code precondition}/{@code postcondition}, {@code backend},
 *       {@code required_providers}, {@code cloud}, {@code provider_meta}, check's {@code
 *       data}/{@code assert}). <b>Approximation:</b> without provider schemas, nested blocks of
 *       resources (e.g. {@code "versioning": {...}}) cannot be told apart from object attributes,
 *       so they come out as attributes with object (or tuple) values.
 *   <li>Values: strings are parsed as templates ({@code "${var.x}"} gives a {@link
 *       Expr.TemplateExpr} with one interpolation); numbers, booleans, null, arrays and objects map
 *       to the corresponding literals and constructors (object keys are templates too). Strings
 *       that Terraform reads as expressions ({@code depends_on}, resource {@code provider}, module
 *       {@code providers}, variable {@code type}, lifecycle {@code ignore_changes}/{@code
 *       replace_triggered_by}, {@code moved}/{@code removed}/{@code import} references) are parsed
 *       as native expressions; if that fails they fall back to templates. Variable {@code default}
 *       values and all values of {@code .tfvars.json} files are literal (no template parsing).
 *   <li>Keys named {@code "//"} in bodies (including the root) are comments and are skipped; inside
 *       object values they are ordinary keys.
 *   <li>Positions: an attribute starts at its key; a block starts at its innermost label key (or
 *       its type key when it has no labels) and ends at the closing brace of its body object.
 *       Positions inside template strings are exact, including after JSON escapes (object keys that
 *       contain escapes map to the start of the key).
 * </ul>
 */
public final class HclJsonParser {
  private static final int MAX_DEPTH = HclParser.MAX_NESTING_DEPTH;

  private static final Map<String, Integer> ROOT_BLOCKS =
      Map.ofEntries(
          Map.entry("resource", 2),
          Map.entry("data", 2),
          Map.entry("ephemeral", 2),
          Map.entry("action", 2),
          Map.entry("module", 1),
          Map.entry("variable", 1),
          Map.entry("output", 1),
          Map.entry("provider", 1),
          Map.entry("locals", 0),
          Map.entry("terraform", 0),
          Map.entry("moved", 0),
          Map.entry("import", 0),
          Map.entry("removed", 0),
          Map.entry("check", 1));

  private static final Map<String, Integer> RESOURCE_META =
      Map.of("lifecycle", 0, "provisioner", 1, "connection", 0, "dynamic", 1);

  private static final Map<String, Map<String, Integer>> NESTED_BLOCKS =
      Map.ofEntries(
          Map.entry("resource", RESOURCE_META),
          Map.entry("data", Map.of("lifecycle", 0, "dynamic", 1)),
          Map.entry("ephemeral", Map.of("lifecycle", 0, "dynamic", 1)),
          Map.entry(
              "lifecycle", Map.of("precondition", 0, "postcondition", 0, "action_trigger", 0)),
          Map.entry("provisioner", Map.of("connection", 0)),
          Map.entry("dynamic", Map.of("content", 0)),
          Map.entry("content", Map.of("dynamic", 1)),
          Map.entry("variable", Map.of("validation", 0)),
          Map.entry("output", Map.of("precondition", 0)),
          Map.entry(
              "terraform",
              Map.of("backend", 1, "required_providers", 0, "cloud", 0, "provider_meta", 1)),
          Map.entry("cloud", Map.of("workspaces", 0)),
          Map.entry("check", Map.of("data", 2, "assert", 0)),
          Map.entry("removed", Map.of("lifecycle", 0, "provisioner", 1)));

  private static final Map<String, Set<String>> EXPRESSION_ATTRS =
      Map.ofEntries(
          Map.entry("resource", Set.of("depends_on", "provider")),
          Map.entry("data", Set.of("depends_on", "provider")),
          Map.entry("ephemeral", Set.of("depends_on", "provider")),
          Map.entry("module", Set.of("depends_on", "providers")),
          Map.entry("output", Set.of("depends_on")),
          Map.entry("variable", Set.of("type")),
          Map.entry("lifecycle", Set.of("ignore_changes", "replace_triggered_by")),
          Map.entry("moved", Set.of("from", "to")),
          Map.entry("removed", Set.of("from")),
          Map.entry("import", Set.of("to", "provider")));

  /** Thread-safe; Jackson's own nesting limit is set above ours so that ours reports first. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 16).build())
          .build();

  private enum Mode {
    TEMPLATE,
    EXPRESSION,
    LITERAL
  }

  private HclJsonParser() {}

  /**
   * Parses a Terraform JSON file. Files whose path ends in {@code .tfvars.json} have all string
   * values taken literally.
   */
  public static HclFile parse(String displayPath, String content) throws HclSyntaxException {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(content, "content");
    SourceMap sm = new SourceMap(displayPath, content);
    try {
      HclJsonParser.Reader reader = new HclJsonParser.Reader(content, sm);
      JNode root = reader.readDocument();
      if (!(root instanceof JObj obj)) {
        throw sm.fileError(root.start(), "the root of a Terraform JSON file must be an object");
      }
      Mapper mapper = new Mapper(sm, displayPath.endsWith(".tfvars.json"));
      return new HclFile(displayPath, mapper.rootBody(obj), content);
    } catch (HclSyntaxException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw sm.fileError(0, "nesting too deep to parse");
    } catch (RuntimeException e) {
      throw sm.fileError(0, "internal parser error: " + e);
    }
  }

  // ---------------------------------------------------------------- JSON tree with offsets

  private sealed interface JNode permits JObj, JArr, JStr, JNum, JLit {
    int start();

    int end();
  }

  private record JProp(String name, int nameStart, int nameEnd, JNode value) {}

  private record JObj(List<JProp> props, int start, int end) implements JNode {}

  private record JArr(List<JNode> items, int start, int end) implements JNode {}

  /** A string; {@code map[i]} is the file offset of decoded char {@code i}. */
  private record JStr(String value, int start, int end, int[] map) implements JNode {}

  private record JNum(String text, int start, int end) implements JNode {}

  private record JLit(JsonToken kind, int start, int end) implements JNode {}

  private static final class Reader {
    private final String content;
    private final SourceMap sm;
    private JsonParser p;

    Reader(String content, SourceMap sm) {
      this.content = content;
      this.sm = sm;
    }

    JNode readDocument() {
      try (JsonParser parser = FACTORY.createParser(content)) {
        p = parser;
        JsonToken t = p.nextToken();
        if (t == null) {
          throw sm.fileError(content.length(), "empty JSON document");
        }
        JNode root = read(t, 0);
        JsonToken extra = p.nextToken();
        if (extra != null) {
          throw sm.fileError(tokenStart(), "unexpected content after the JSON document");
        }
        return root;
      } catch (JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String msg = e.getOriginalMessage();
        if (loc != null && loc.getLineNr() > 0) {
          int col = Math.max(1, loc.getColumnNr());
          throw new HclSyntaxException(sm.file, loc.getLineNr(), col, "invalid JSON: " + msg);
        }
        throw sm.fileError(0, "invalid JSON: " + msg);
      } catch (IOException e) {
        throw sm.fileError(0, "cannot read JSON: " + e.getMessage());
      }
    }

    private int tokenStart() {
      long off = p.currentTokenLocation().getCharOffset();
      return (int) Math.max(0, Math.min(off, content.length()));
    }

    private JNode read(JsonToken t, int depth) throws IOException {
      int start = tokenStart();
      switch (t) {
        case START_OBJECT -> {
          if (depth >= MAX_DEPTH) {
            throw sm.fileError(start, "nesting deeper than " + MAX_DEPTH + " levels");
          }
          List<JProp> props = new ArrayList<>();
          while (true) {
            JsonToken k = p.nextToken();
            if (k == JsonToken.END_OBJECT) {
              break;
            }
            String name = p.currentName();
            int nameStart = stringStart(tokenStart());
            int nameEnd = stringEnd(nameStart);
            JNode value = read(p.nextToken(), depth + 1);
            props.add(new JProp(name, nameStart, nameEnd, value));
          }
          return new JObj(props, start, tokenStart() + 1);
        }
        case START_ARRAY -> {
          if (depth >= MAX_DEPTH) {
            throw sm.fileError(start, "nesting deeper than " + MAX_DEPTH + " levels");
          }
          List<JNode> items = new ArrayList<>();
          while (true) {
            JsonToken k = p.nextToken();
            if (k == JsonToken.END_ARRAY) {
              break;
            }
            items.add(read(k, depth + 1));
          }
          return new JArr(items, start, tokenStart() + 1);
        }
        case VALUE_STRING -> {
          String value = p.getText();
          int s = stringStart(start);
          int e = stringEnd(s);
          return new JStr(value, s, e, decodeMap(s, e, value));
        }
        case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
          String text = p.getText();
          return new JNum(text, start, Math.min(content.length(), start + text.length()));
        }
        case VALUE_TRUE, VALUE_FALSE, VALUE_NULL -> {
          int len = t == JsonToken.VALUE_FALSE ? 5 : 4;
          return new JLit(t, start, Math.min(content.length(), start + len));
        }
        default -> throw sm.fileError(start, "unexpected JSON token " + t);
      }
    }

    /** The offset of the opening quote of a string token reported at {@code off}. */
    private int stringStart(int off) {
      int k = off;
      while (k < content.length() && content.charAt(k) != '"') {
        k++;
      }
      return k < content.length() ? k : off;
    }

    /** The offset just past the closing quote of the string whose opening quote is at {@code s}. */
    private int stringEnd(int s) {
      int k = s + 1;
      while (k < content.length()) {
        char c = content.charAt(k);
        if (c == '\\') {
          k += 2;
        } else if (c == '"') {
          return k + 1;
        } else {
          k++;
        }
      }
      return content.length();
    }

    /**
     * Maps each char of the decoded string to the file offset of the source text it came from, by
     * decoding the raw JSON string again. Falls back to the start of the string if the decoding
     * disagrees with Jackson's.
     */
    private int[] decodeMap(int s, int e, String value) {
      int[] map = new int[value.length() + 1];
      int k = 0;
      int j = s + 1;
      int rawEnd = Math.max(j, e - 1);
      boolean ok = true;
      while (j < rawEnd) {
        if (k >= value.length()) {
          ok = false;
          break;
        }
        map[k++] = j;
        if (content.charAt(j) == '\\') {
          j += j + 1 < rawEnd && content.charAt(j + 1) == 'u' ? 6 : 2;
        } else {
          j++;
        }
      }
      if (!ok || k != value.length()) {
        java.util.Arrays.fill(map, Math.min(s + 1, content.length()));
        return map;
      }
      map[k] = rawEnd;
      return map;
    }
  }

  // ---------------------------------------------------------------- mapping to the AST

  private static final class Mapper {
    private final SourceMap sm;
    private final boolean tfvars;

    Mapper(SourceMap sm, boolean tfvars) {
      this.sm = sm;
      this.tfvars = tfvars;
    }

    private SourceRange range(int s, int e) {
      return sm.fileRange(s, Math.max(s, e));
    }

    Body rootBody(JObj obj) {
      List<BodyItem> items = new ArrayList<>();
      for (JProp prop : obj.props()) {
        if (prop.name().equals("//")) {
          continue;
        }
        Integer labels = tfvars ? null : ROOT_BLOCKS.get(prop.name());
        if (labels != null) {
          blocks(prop.name(), prop.value(), labels, new ArrayList<>(), prop.nameStart(), items, 0);
        } else {
          items.add(attribute(null, prop));
        }
      }
      return new Body(items, range(obj.start(), obj.end()));
    }

    private void blocks(
        String type,
        JNode value,
        int remaining,
        List<String> labels,
        int startAt,
        List<BodyItem> out,
        int depth) {
      if (depth > MAX_DEPTH) {
        throw sm.fileError(value.start(), "nesting deeper than " + MAX_DEPTH + " levels");
      }
      if (value instanceof JArr arr) {
        for (JNode item : arr.items()) {
          if (!(item instanceof JObj)) {
            throw sm.fileError(item.start(), "expected a JSON object for block \"" + type + "\"");
          }
          blocks(type, item, remaining, labels, startAt, out, depth + 1);
        }
        return;
      }
      if (!(value instanceof JObj obj)) {
        throw sm.fileError(
            value.start(),
            remaining > 0
                ? "expected a JSON object whose keys are the labels of block \"" + type + "\""
                : "expected a JSON object for the body of block \"" + type + "\"");
      }
      if (remaining > 0) {
        for (JProp prop : obj.props()) {
          List<String> more = new ArrayList<>(labels);
          more.add(prop.name());
          blocks(type, prop.value(), remaining - 1, more, prop.nameStart(), out, depth + 1);
        }
        return;
      }
      Body body = blockBody(type, obj, depth + 1);
      out.add(new Block(type, labels, body, range(startAt, obj.end())));
    }

    private Body blockBody(String type, JObj obj, int depth) {
      Map<String, Integer> nested = NESTED_BLOCKS.getOrDefault(type, Map.of());
      List<BodyItem> items = new ArrayList<>();
      for (JProp prop : obj.props()) {
        if (prop.name().equals("//")) {
          continue;
        }
        Integer labels = nested.get(prop.name());
        if (labels != null && (prop.value() instanceof JObj || prop.value() instanceof JArr)) {
          blocks(
              prop.name(), prop.value(), labels, new ArrayList<>(), prop.nameStart(), items, depth);
        } else {
          items.add(attribute(type, prop));
        }
      }
      return new Body(items, range(obj.start(), obj.end()));
    }

    private Attribute attribute(String blockType, JProp prop) {
      Mode mode = Mode.TEMPLATE;
      if (tfvars || ("variable".equals(blockType) && prop.name().equals("default"))) {
        mode = Mode.LITERAL;
      } else if (blockType != null
          && EXPRESSION_ATTRS.getOrDefault(blockType, Set.of()).contains(prop.name())) {
        mode = Mode.EXPRESSION;
      }
      Expr value = expr(prop.value(), mode);
      return new Attribute(prop.name(), value, range(prop.nameStart(), prop.value().end()));
    }

    private Expr expr(JNode node, Mode mode) {
      if (node instanceof JStr s) {
        return string(s.value(), s.start(), s.end(), s.map(), mode);
      }
      if (node instanceof JNum n) {
        try {
          return new Expr.NumberLit(new BigDecimal(n.text()), range(n.start(), n.end()));
        } catch (NumberFormatException | ArithmeticException e) {
          throw sm.fileError(n.start(), "invalid number " + n.text());
        }
      }
      if (node instanceof JLit l) {
        SourceRange r = range(l.start(), l.end());
        return switch (l.kind()) {
          case VALUE_TRUE -> new Expr.BoolLit(true, r);
          case VALUE_FALSE -> new Expr.BoolLit(false, r);
          default -> new Expr.NullLit(r);
        };
      }
      if (node instanceof JArr a) {
        List<Expr> items = new ArrayList<>();
        for (JNode item : a.items()) {
          items.add(expr(item, mode));
        }
        return new Expr.Tuple(items, range(a.start(), a.end()));
      }
      JObj o = (JObj) node;
      List<Expr.ObjectItem> items = new ArrayList<>();
      for (JProp prop : o.props()) {
        int[] map = keyMap(prop);
        Expr key = string(prop.name(), prop.nameStart(), prop.nameEnd(), map, mode);
        Expr value = expr(prop.value(), mode);
        items.add(new Expr.ObjectItem(key, value, range(prop.nameStart(), prop.value().end())));
      }
      return new Expr.ObjectCons(items, range(o.start(), o.end()));
    }

    private int[] keyMap(JProp prop) {
      // Keys rarely contain escapes; map them exactly when they do not, else to the key start.
      int[] map = new int[prop.name().length() + 1];
      int rawLen = prop.nameEnd() - prop.nameStart() - 2;
      for (int k = 0; k < map.length; k++) {
        map[k] = rawLen == prop.name().length() ? prop.nameStart() + 1 + k : prop.nameStart() + 1;
      }
      return map;
    }

    private Expr string(String value, int start, int end, int[] map, Mode mode) {
      SourceRange whole = range(start, end);
      if (mode == Mode.LITERAL
          || (value.indexOf("${") < 0 && value.indexOf("%{") < 0 && mode == Mode.TEMPLATE)) {
        List<TemplatePart> parts =
            value.isEmpty()
                ? List.of()
                : List.of(
                    new TemplatePart.Literal(value, sm.withMap(map).range(0, value.length())));
        return new Expr.TemplateExpr(parts, false, whole);
      }
      SourceMap inner = sm.withMap(map);
      if (mode == Mode.EXPRESSION) {
        try {
          return Parser.parseExpression(value, inner);
        } catch (HclSyntaxException e) {
          // Fall back to a template: Terraform accepts "${...}" in several of these places.
        }
      }
      Expr.TemplateExpr t = Parser.parseBareTemplate(value, inner);
      return new Expr.TemplateExpr(t.parts(), false, whole);
    }
  }
}
