package dev.relplan.iac.kubernetes.helm;

import dev.relplan.iac.kubernetes.helm.TemplateActions.Action;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The YAML shape of one template file, read as lines: for each key path it writes ({@code
 * spec.template.spec.containers.[].image}, list items as {@code []}), the template lines that write
 * it, and under each path the lines of actions that write content there ({@code toYaml}, {@code
 * include}, …). Built by walking the lines' indentation with the actions masked out, as the text of
 * a template is YAML-shaped around its actions; no regular expressions and no evaluation. A
 * rendered key is found here by its path; a key written by an action (a {@code toYaml} of a values
 * block) is found at the action's line under its nearest written ancestor.
 */
final class TemplateShape {
  /** Marks the characters of actions in a masked line. */
  private static final char MASK = '\u0001';

  /** The words opening actions that control the flow or bind variables and write nothing. */
  private static final Set<String> SILENT =
      Set.of("if", "else", "end", "range", "with", "define", "break", "continue", "/*");

  /** A template line that writes a path, in document {@code segment} of the template. */
  record KeyLine(int line, int segment, String staticValue, boolean dynamicValue) {}

  private final String text;
  private final List<Action> actions;
  private final int[] lineStarts;
  private final Map<String, List<KeyLine>> keyLines = new HashMap<>();
  private final Map<String, List<KeyLine>> writingActions = new HashMap<>();
  private final Map<Integer, String> kindOfSegment = new HashMap<>();
  private final Map<TemplateScopes.Context, Map<Integer, TemplateScopes.Reads>> readsFrom =
      new HashMap<>();

  private record Level(int column, String segment) {}

  TemplateShape(String text) {
    this.text = text;
    this.actions = TemplateActions.actions(text);
    this.lineStarts = lineStarts(text);
    walk();
  }

  /**
   * The lines writing {@code path}: in document {@code segment} of the template when it is known
   * (not -1), else in the documents whose kind is {@code kind} (or unknown), else in any.
   */
  List<KeyLine> linesOf(String path, String kind, int segment) {
    List<KeyLine> all = keyLines.getOrDefault(path, List.of());
    if (segment >= 0) return all.stream().filter(k -> k.segment() == segment).toList();
    List<KeyLine> ofKind = new ArrayList<>();
    for (KeyLine k : all) {
      String segmentKind = kindOfSegment.get(k.segment());
      if (segmentKind == null || segmentKind.equals(kind)) ofKind.add(k);
    }
    return ofKind.isEmpty() ? all : ofKind;
  }

  /** The documents of the template whose literal kind is {@code kind}, in order. */
  List<Integer> segmentsOfKind(String kind) {
    List<Integer> out = new ArrayList<>();
    for (Map.Entry<Integer, String> e : kindOfSegment.entrySet())
      if (e.getValue().equals(kind)) out.add(e.getKey());
    out.sort(null);
    return out;
  }

  /**
   * The lines of actions writing content directly under {@code path} (root: ""), in document {@code
   * segment} when it is known.
   */
  List<Integer> writingActionsUnder(String path, int segment) {
    List<Integer> lines = new ArrayList<>();
    for (KeyLine k : writingActions.getOrDefault(path, List.of()))
      if (segment < 0 || k.segment() == segment) lines.add(k.line());
    return lines;
  }

  /** The actions that start on {@code line} (1-based). */
  List<Action> actionsOn(int line) {
    int from = lineStarts[line - 1];
    int to = line < lineStarts.length ? lineStarts[line] : text.length();
    int low = 0;
    int high = actions.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (actions.get(mid).start() < from) low = mid + 1;
      else high = mid;
    }
    List<Action> out = new ArrayList<>();
    for (int i = low; i < actions.size() && actions.get(i).start() < to; i++)
      out.add(actions.get(i));
    return out;
  }

  String text() {
    return text;
  }

  /**
   * Whether what {@code line} writes is one action alone: the value of its key or list item, or the
   * line itself, holds one writing action and nothing else but quotes and spaces (not {@code "{{ .a
   * }}:{{ .b }}"} or {@code {{ .a }}-suffix}).
   */
  boolean writesOneActionAlone(int line) {
    List<Action> writing = actionsOn(line).stream().filter(this::writes).toList();
    if (writing.size() != 1) return false;
    Action only = writing.get(0);
    int lineEnd = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
    if (only.end() > lineEnd || !quotesAndSpaces(only.end(), lineEnd)) return false;
    int from = lineStarts[line - 1];
    int before = only.start();
    while (before > from && (text.charAt(before - 1) == '"' || text.charAt(before - 1) == '\''))
      before--;
    String lead = text.substring(from, before).stripLeading();
    return lead.isEmpty() || lead.endsWith(": ") || lead.endsWith("- ") || lead.equals("-");
  }

  private boolean quotesAndSpaces(int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c != '"' && c != '\'' && !Character.isWhitespace(c)) return false;
    }
    return true;
  }

  /**
   * What each action reads (by start offset) when the template's data is {@code start}: the
   * template file's root, or the argument a named template is called with.
   */
  Map<Integer, TemplateScopes.Reads> reads(TemplateScopes.Context start) {
    return readsFrom.computeIfAbsent(start, s -> TemplateScopes.of(text, actions, s));
  }

  private void walk() {
    char[] masked = masked();
    Deque<Level> stack = new ArrayDeque<>();
    int segment = 0;
    int blockColumn = -1;
    for (int line = 1; line <= lineStarts.length; line++) {
      int from = lineStarts[line - 1];
      int to = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
      String raw = new String(masked, from, Math.max(0, to - from)).stripTrailing();
      int indent = indentOf(raw);
      String rest = raw.substring(indent);
      if (blockColumn >= 0 && (rest.isEmpty() || indent > blockColumn)) continue;
      blockColumn = -1;
      if (rest.isEmpty() || rest.startsWith("#")) continue;
      if (rest.equals("---") || rest.startsWith("--- ")) {
        segment++;
        stack.clear();
      } else if (rest.charAt(0) == MASK && onlyActions(rest)) {
        noteWritingActions(line, segment, indent, stack);
      } else blockColumn = keyLine(line, segment, indent, rest, stack);
    }
  }

  /** Reads a line holding YAML text; the column of a block scalar it opens, else -1. */
  private int keyLine(int line, int segment, int indent, String rest, Deque<Level> stack) {
    int column = indent;
    while (rest.startsWith("- ") || rest.equals("-")) {
      popTo(stack, column, true);
      stack.push(new Level(column, "[]"));
      int skip = rest.equals("-") ? 1 : 2;
      rest = rest.substring(skip);
      int more = indentOf(rest);
      rest = rest.substring(more);
      column += skip + more;
      if (rest.isEmpty()) return -1;
    }
    int colon = keyEnd(rest);
    if (colon < 0) {
      record(path(stack), line, segment, rest);
      return -1;
    }
    String key = unquoted(rest.substring(0, colon).strip());
    String value = rest.substring(colon + 1).strip();
    popTo(stack, column, false);
    stack.push(new Level(column, key.indexOf(MASK) >= 0 ? "?" : key));
    record(path(stack), line, segment, value);
    if (key.equals("kind") && stack.size() == 1 && value.indexOf(MASK) < 0)
      kindOfSegment.put(segment, unquoted(value));
    return value.startsWith("|") || value.startsWith(">") ? column : -1;
  }

  private void record(String path, int line, int segment, String value) {
    boolean dynamic = value.indexOf(MASK) >= 0;
    keyLines
        .computeIfAbsent(path, p -> new ArrayList<>())
        .add(new KeyLine(line, segment, dynamic ? null : unquoted(value), dynamic));
  }

  /** Records the writing actions of an actions-only line under the path they are indented in. */
  private void noteWritingActions(int line, int segment, int indent, Deque<Level> stack) {
    for (Action a : actionsOn(line)) {
      if (!writes(a)) continue;
      List<String> segments = new ArrayList<>();
      for (var it = stack.descendingIterator(); it.hasNext(); ) {
        Level level = it.next();
        if (level.column() >= indent) break;
        segments.add(level.segment());
      }
      String parent = String.join(".", segments);
      writingActions
          .computeIfAbsent(parent, p -> new ArrayList<>())
          .add(new KeyLine(line, segment, null, true));
      return;
    }
  }

  /** Whether an action writes content: not a control word, comment or variable assignment. */
  private boolean writes(Action a) {
    String body = a.body().strip();
    if (body.startsWith("-")) body = body.substring(1).strip();
    if (body.endsWith("-")) body = body.substring(0, body.length() - 1).strip();
    if (body.isEmpty() || body.startsWith("/*")) return false;
    int space = 0;
    while (space < body.length() && !Character.isWhitespace(body.charAt(space))) space++;
    String first = body.substring(0, space);
    if (SILENT.contains(first)) return false;
    return !(first.startsWith("$") && (body.contains(":=") || body.contains(" = ")));
  }

  /** Drops the levels a line at {@code column} closes; a list item keeps a key at its column. */
  private static void popTo(Deque<Level> stack, int column, boolean item) {
    while (!stack.isEmpty()) {
      Level top = stack.peek();
      boolean keyHoldingItems = item && top.column() == column && !top.segment().equals("[]");
      if (top.column() < column || keyHoldingItems) return;
      stack.pop();
    }
  }

  private static String path(Deque<Level> stack) {
    List<String> segments = new ArrayList<>();
    for (var it = stack.descendingIterator(); it.hasNext(); ) segments.add(it.next().segment());
    return String.join(".", segments);
  }

  /** The offset of the colon ending a mapping key at the start of {@code rest}; -1 if none. */
  private static int keyEnd(String rest) {
    int i = 0;
    char first = rest.charAt(0);
    if (first == '"' || first == '\'') {
      int close = rest.indexOf(first, 1);
      if (close < 0) return -1;
      i = close + 1;
      return i < rest.length() && rest.charAt(i) == ':' ? i : -1;
    }
    if (first == '{' || first == '[') return -1;
    for (; i < rest.length(); i++) {
      if (rest.charAt(i) != ':') continue;
      if (i + 1 == rest.length() || rest.charAt(i + 1) == ' ') return i;
    }
    return -1;
  }

  private static String unquoted(String s) {
    if (s.length() >= 2
        && (s.charAt(0) == '"' || s.charAt(0) == '\'')
        && s.charAt(s.length() - 1) == s.charAt(0)) return s.substring(1, s.length() - 1);
    return s;
  }

  private static boolean onlyActions(String rest) {
    for (int i = 0; i < rest.length(); i++)
      if (rest.charAt(i) != MASK && !Character.isWhitespace(rest.charAt(i))) return false;
    return true;
  }

  private static int indentOf(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') i++;
    return i;
  }

  /** The template text with every action's characters (newlines kept) replaced by the mask. */
  private char[] masked() {
    char[] chars = text.toCharArray();
    for (Action a : actions)
      for (int i = a.start(); i < a.end(); i++) if (chars[i] != '\n') chars[i] = MASK;
    return chars;
  }

  private static int[] lineStarts(String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) if (text.charAt(i) == '\n') starts.add(i + 1);
    int[] out = new int[starts.size()];
    for (int i = 0; i < out.length; i++) out[i] = starts.get(i);
    return out;
  }
}
