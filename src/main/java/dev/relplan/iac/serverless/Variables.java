package dev.relplan.iac.serverless;

import dev.relplan.iac.common.GeneratedTemplates;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.FileGuard;
import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Serverless Framework's variables, resolved over the parsed file the way {@code serverless
 * package} would without reaching outside it: {@code ${self:...}}, {@code ${sls:stage}}, {@code
 * ${opt:stage}} (the stage chosen for the assessment), {@code ${param:...}} from the file's {@code
 * params} for that stage (or {@code default}), {@code ${aws:region}}, nested variables and
 * fallbacks ({@code ${opt:stage, 'dev'}}). Sources outside the file ({@code env}, {@code file},
 * {@code ssm}, {@code cf}, {@code s3}, {@code git}, plugins' own sources) are never read — scanning
 * an untrusted pull request must not read the environment or arbitrary files — and a value that
 * needs one becomes unknown with that reason, even when it has a fallback (the fallback applies
 * only when the source is unset, which cannot be told). Resolution is bounded in depth, steps and
 * string length, and a variable that reaches itself is unknown with the cycle.
 */
final class Variables {
  /** Tag of a scalar standing for a value that could not be resolved; its text is the reason. */
  static final String UNRESOLVED = GeneratedTemplates.UNKNOWN_TAG;

  static final int MAX_DEPTH = 32;
  static final int MAX_STEPS = 200_000;
  static final int MAX_LENGTH = 1_000_000;

  /** The sources whose values live outside the file and are never read. */
  private static final Set<String> EXTERNAL =
      Set.of("env", "file", "ssm", "cf", "s3", "git", "secretsManager", "vault", "terraform");

  /** The stage the file is assessed for: its name, where it was decided, and how. */
  record Stage(String name, Location location, boolean chosen, String how) {}

  private final MapNode root;
  private final String chosenStage;
  private final Location chosenStageAt;
  private final Map<String, Node> resolvedPaths = new HashMap<>();
  private final Deque<String> resolving = new ArrayDeque<>();
  private int steps;
  private Stage stage;

  /**
   * @param chosenStage the stage the assessment is for ({@code --stage} as the framework would be
   *     given it), or null to take the file's own default
   */
  Variables(MapNode root, String chosenStage, Location chosenStageAt) {
    this.root = root;
    this.chosenStage = chosenStage;
    this.chosenStageAt = chosenStageAt;
  }

  /** The whole file with every variable resolved or replaced by an unknown. */
  MapNode resolveFile() {
    return (MapNode) resolve(root, 0);
  }

  /**
   * The stage: the chosen one, else {@code provider.stage} resolved, else the framework's {@code
   * dev}.
   */
  Stage stage() {
    if (stage != null) return stage;
    if (chosenStage != null) {
      stage = new Stage(chosenStage, chosenStageAt, true, "chosen");
      return stage;
    }
    Node configured = lookupSelf("provider.stage", 0);
    if (configured instanceof ScalarNode s && s.text() != null && !UNRESOLVED.equals(s.tag()))
      stage = new Stage(s.text(), s.location(), false, "provider.stage");
    else if (configured instanceof ScalarNode s && UNRESOLVED.equals(s.tag()))
      stage = new Stage(null, s.location(), false, s.text());
    else
      stage =
          new Stage(
              "dev", root.location(), false, "the framework's default stage when none is given");
    return stage;
  }

  // ---------------------------------------------------------------- tree

  Node resolve(Node n, int depth) {
    step();
    if (n instanceof ScalarNode s) return scalar(s, depth);
    if (n instanceof SeqNode seq) {
      List<Node> items = new ArrayList<>(seq.items().size());
      for (Node i : seq.items()) items.add(resolve(i, depth));
      return new SeqNode(seq.location(), seq.tag(), items);
    }
    MapNode m = (MapNode) n;
    List<MapNode.Entry> entries = new ArrayList<>(m.entries().size());
    for (MapNode.Entry e : m.entries())
      entries.add(new MapNode.Entry(e.key(), e.keyLocation(), resolve(e.value(), depth)));
    return new MapNode(m.location(), m.tag(), entries);
  }

  private Node scalar(ScalarNode s, int depth) {
    if (s.text() == null || !s.text().contains("${") || UNRESOLVED.equals(s.tag())) return s;
    if (depth > MAX_DEPTH)
      return unresolved(s.location(), "variables nested deeper than " + MAX_DEPTH + " levels");
    String text = s.text();
    List<int[]> spans = spans(text);
    if (spans.isEmpty()) return s;
    if (spans.size() == 1 && spans.get(0)[0] == 0 && spans.get(0)[1] == text.length())
      return variable(text.substring(2, text.length() - 1), s.location(), depth);
    StringBuilder out = new StringBuilder();
    int at = 0;
    for (int[] span : spans) {
      out.append(text, at, span[0]);
      Node part = variable(text.substring(span[0] + 2, span[1] - 1), s.location(), depth);
      if (!(part instanceof ScalarNode ps) || UNRESOLVED.equals(ps.tag()) || ps.text() == null)
        return part instanceof ScalarNode ps && UNRESOLVED.equals(ps.tag())
            ? unresolved(s.location(), ps.text())
            : unresolved(s.location(), "a variable in " + text + " is not a single value");
      out.append(ps.text());
      if (out.length() > MAX_LENGTH)
        return unresolved(s.location(), "the value grows beyond " + MAX_LENGTH + " characters");
      at = span[1];
    }
    out.append(text.substring(at));
    return new ScalarNode(s.location(), null, out.toString(), ScalarNode.Kind.STRING);
  }

  /** The outermost {@code ${...}} spans of a text: start and end (exclusive), nesting counted. */
  static List<int[]> spans(String text) {
    List<int[]> out = new ArrayList<>();
    int i = 0;
    while (i < text.length() - 1) {
      if (text.charAt(i) == '$' && text.charAt(i + 1) == '{') {
        int end = closing(text, i + 2);
        if (end < 0) break;
        out.add(new int[] {i, end + 1});
        i = end + 1;
      } else i++;
    }
    return out;
  }

  private static int closing(String text, int from) {
    int open = 1;
    char quote = 0;
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') quote = c;
      else if (c == '$' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
        open++;
        i++;
      } else if (c == '}' && --open == 0) return i;
    }
    return -1;
  }

  // ---------------------------------------------------------------- one variable

  /** One variable's body: the address, then fallbacks tried in order while the value is unset. */
  private Node variable(String body, Location at, int depth) {
    List<String> candidates = splitTopLevel(body);
    String missing = null;
    for (String candidate : candidates) {
      String c = candidate.strip();
      Node literal = literal(c, at);
      if (literal != null) return literal;
      Node found = address(c, at, depth + 1);
      if (found != null) return found;
      if (missing == null) missing = c + " is not set";
    }
    return unresolved(at, missing == null ? "empty variable" : missing);
  }

  /** A quoted string, number or boolean fallback; null when the text is an address. */
  private static Node literal(String c, Location at) {
    if (c.length() >= 2
        && (c.startsWith("'") && c.endsWith("'") || c.startsWith("\"") && c.endsWith("\"")))
      return new ScalarNode(at, null, c.substring(1, c.length() - 1), ScalarNode.Kind.STRING);
    if (isNumber(c)) return new ScalarNode(at, null, c, ScalarNode.Kind.NUMBER);
    if (c.equals("true") || c.equals("false"))
      return new ScalarNode(at, null, c, ScalarNode.Kind.BOOLEAN);
    if (c.equals("null")) return new ScalarNode(at, null, null, ScalarNode.Kind.NULL);
    return null;
  }

  private static boolean isNumber(String c) {
    if (c.isEmpty()) return false;
    boolean digit = false;
    for (int i = 0; i < c.length(); i++) {
      char ch = c.charAt(i);
      if (Character.isDigit(ch)) digit = true;
      else if (!(ch == '-' && i == 0) && ch != '.') return false;
    }
    return digit;
  }

  /** The value at an address such as {@code self:custom.x}; null when it is not set. */
  private Node address(String address, Location at, int depth) {
    if (address.startsWith("${") && address.endsWith("}"))
      return nonNull(scalar(new ScalarNode(at, null, address, ScalarNode.Kind.STRING), depth));
    if (address.contains("${")) {
      Node inner = scalar(new ScalarNode(at, null, address, ScalarNode.Kind.STRING), depth);
      if (!(inner instanceof ScalarNode s) || s.text() == null) return null;
      if (UNRESOLVED.equals(s.tag())) return s;
      address = s.text();
    }
    String source = sourceName(address);
    String rest = address.substring(Math.min(address.length(), source.length() + 1));
    if (EXTERNAL.contains(source))
      return unresolved(
          at,
          "${"
              + address
              + "} is read from "
              + externalWhat(source)
              + ", which relplan never reads");
    return switch (source) {
      case "self" -> nonNull(lookupSelf(rest, depth));
      case "sls" -> sls(rest, at);
      case "opt" -> opt(rest, at);
      case "param" -> param(rest, depth);
      case "aws" ->
          rest.equals("region")
              ? nonNull(lookupSelf("provider.region", depth))
              : unresolved(at, "${aws:" + rest + "} is known only in the deploying account");
      default ->
          unresolved(at, "${" + address + "}: the variable source " + source + " is not resolved");
    };
  }

  private static String externalWhat(String source) {
    return switch (source) {
      case "env" -> "the environment of the deploying machine";
      case "file" -> "another file";
      case "ssm" -> "SSM Parameter Store";
      case "cf" -> "another stack's outputs";
      case "s3" -> "an S3 object";
      case "git" -> "the git repository's state";
      default -> "an external source (" + source + ")";
    };
  }

  private static String sourceName(String address) {
    int i = 0;
    while (i < address.length() && Character.isLetterOrDigit(address.charAt(i))) i++;
    return address.substring(0, i);
  }

  private Node sls(String what, Location at) {
    if (!what.equals("stage"))
      return unresolved(at, "${sls:" + what + "} is known only when the framework runs");
    if (resolving.contains("sls:stage"))
      return unresolved(at, "the stage refers to itself: " + String.join(" -> ", resolving));
    resolving.push("sls:stage");
    try {
      Stage s = stage();
      return s.name() == null ? unresolved(at, s.how()) : scalarAt(s.location(), s.name());
    } finally {
      resolving.pop();
    }
  }

  private Node opt(String option, Location at) {
    if (option.equals("stage") && chosenStage != null) return scalarAt(chosenStageAt, chosenStage);
    return null; // not given on the command line: the fallback applies
  }

  /** A parameter of the stage's params, else of params.default; null when neither sets it. */
  private Node param(String name, int depth) {
    Stage s = stage();
    Node forStage =
        s.name() == null ? null : nonNull(lookupSelf("params." + s.name() + "." + name, depth));
    return forStage != null ? forStage : nonNull(lookupSelf("params.default." + name, depth));
  }

  /** The node at a dotted path of the file, resolved; null when not set. */
  private Node lookupSelf(String path, int depth) {
    if (resolvedPaths.containsKey(path)) return resolvedPaths.get(path);
    if (resolving.contains("self:" + path)) {
      List<String> cycle = new ArrayList<>(resolving);
      java.util.Collections.reverse(cycle);
      cycle.add("self:" + path);
      return unresolved(
          root.location(),
          "variables refer to each other in a cycle: " + String.join(" -> ", cycle));
    }
    if (depth > MAX_DEPTH)
      return unresolved(root.location(), "variables nested deeper than " + MAX_DEPTH + " levels");
    Node raw = at(root, path);
    if (raw == null) return null;
    resolving.push("self:" + path);
    try {
      Node resolved = resolve(raw, depth + 1);
      resolvedPaths.put(path, resolved);
      return resolved;
    } finally {
      resolving.pop();
    }
  }

  /** The unresolved node at a dotted path (list items by index); null when absent. */
  private static Node at(Node from, String path) {
    Node n = from;
    if (path.isEmpty()) return n;
    for (String part : path.split("\\.")) {
      if (n instanceof MapNode m) n = m.get(part);
      else if (n instanceof SeqNode s && index(part) >= 0 && index(part) < s.items().size())
        n = s.items().get(index(part));
      else return null;
      if (n == null) return null;
    }
    return n;
  }

  private static int index(String part) {
    if (part.isEmpty() || part.length() > 6) return -1;
    for (char c : part.toCharArray()) if (!Character.isDigit(c)) return -1;
    return Integer.parseInt(part);
  }

  private static Node nonNull(Node n) {
    return n instanceof ScalarNode s && s.isNull() ? null : n;
  }

  /** Splits at commas outside quotes and nested variables. */
  static List<String> splitTopLevel(String body) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    char quote = 0;
    int start = 0;
    for (int i = 0; i < body.length(); i++) {
      char c = body.charAt(i);
      if (quote != 0) {
        if (c == quote) quote = 0;
      } else if (c == '\'' || c == '"') quote = c;
      else if (c == '$' && i + 1 < body.length() && body.charAt(i + 1) == '{') {
        depth++;
        i++;
      } else if (c == '}') depth--;
      else if (c == ',' && depth == 0) {
        out.add(body.substring(start, i));
        start = i + 1;
      }
    }
    out.add(body.substring(start));
    return out;
  }

  private void step() {
    if (++steps > MAX_STEPS)
      throw new IllegalStateException("variable resolution exceeded " + MAX_STEPS + " steps");
    if ((steps & 1023) == 0) FileGuard.checkTime();
  }

  private static ScalarNode scalarAt(Location at, String text) {
    return new ScalarNode(at, null, text, ScalarNode.Kind.STRING);
  }

  static ScalarNode unresolved(Location at, String reason) {
    return new ScalarNode(at, UNRESOLVED, reason, ScalarNode.Kind.STRING);
  }
}
