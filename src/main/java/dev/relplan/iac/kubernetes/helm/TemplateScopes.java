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
 * Follows what {@code .} and each variable hold through a template's actions, in order: {@code with
 * .Values.probes} makes {@code .readiness} read {@code probes.readiness}, {@code range $name, $svc
 * := .Values.services} makes {@code $svc.port} read {@code services.*.port} (any element), {@code
 * $} is the template's own starting context and {@code $x := .Values.a} binds {@code $x}. What
 * cannot be told from the text (a pipeline as the context, a {@code dict} passed to a named
 * template, a variable never bound) is unknown and reads nothing, so nothing is traced from it. It
 * evaluates nothing: only names and block structure are read.
 */
final class TemplateScopes {
  /** A path step standing for any element of a list or map (the element of a {@code range}). */
  static final String ANY = "\u0000*";

  /** Functions whose output is their input's value as written: a rendered value can be matched. */
  private static final Set<String> VALUE_PRESERVING =
      Set.of("toYaml", "nindent", "indent", "quote", "squote", "toString", "trim");

  /**
   * What {@code .} or a variable holds: the template's root data ({@code .Values} under it), a path
   * in the values (steps; {@link #ANY} for an element), or something unknown.
   */
  record Context(List<Object> path, boolean root) {
    static final Context ROOT = new Context(null, true);
    static final Context UNKNOWN = new Context(null, false);

    static Context values(List<Object> path) {
      return new Context(List.copyOf(path), false);
    }

    boolean known() {
      return root || path != null;
    }
  }

  /** A named template called by {@code include} or {@code template} with its argument. */
  record Call(String name, Context argument) {}

  /**
   * What one action reads: values paths, named templates it calls, and whether its output is the
   * value it reads as written ({@code valuePreserving}: one read through formatting functions
   * only).
   */
  record Reads(List<List<Object>> paths, List<Call> calls, boolean valuePreserving) {
    static final Reads NOTHING = new Reads(List.of(), List.of(), false);
  }

  /** One open block: what {@code .} is inside it and outside it, and its variables. */
  private static final class Frame {
    final String keyword;
    final Context outside;
    Context dot;
    final Map<String, Context> variables = new HashMap<>();

    Frame(String keyword, Context outside, Context dot) {
      this.keyword = keyword;
      this.outside = outside;
      this.dot = dot;
    }
  }

  private final String text;
  private final Context start;
  private final Deque<Frame> frames = new ArrayDeque<>();
  private final Map<Integer, Reads> reads = new HashMap<>();

  private TemplateScopes(String text, Context start) {
    this.text = text;
    this.start = start;
    frames.push(new Frame("", start, start));
  }

  /**
   * What every action of {@code text} reads, keyed by the action's start offset, when the
   * template's data is {@code start} ({@link Context#ROOT} for a template file).
   */
  static Map<Integer, Reads> of(String text, List<Action> actions, Context start) {
    TemplateScopes scopes = new TemplateScopes(text, start);
    for (Action a : actions) scopes.read(a);
    return scopes.reads;
  }

  private void read(Action action) {
    List<Token> tokens = Token.of(text, action);
    if (tokens.isEmpty()) return;
    // what the action reads is read before the block it opens changes the dot
    reads.put(action.start(), readsOf(tokens));
    Frame top = frames.peek();
    switch (tokens.get(0).isWord() ? tokens.get(0).text() : "") {
      case "if" -> frames.push(new Frame("if", top.dot, top.dot));
      case "with" -> frames.push(opened("with", tokens, 1, false));
      case "range" -> frames.push(opened("range", tokens, 1, true));
      case "define" -> frames.push(new Frame("define", top.dot, Context.UNKNOWN));
      case "block" -> frames.push(new Frame("block", top.dot, argumentAfterName(tokens, 1)));
      case "else" -> elseBranch(tokens);
      case "end" -> {
        if (frames.size() > 1) frames.pop();
      }
      default -> assignment(tokens);
    }
  }

  /** {@code else}, {@code else if …}: the outer dot again; {@code else with x}: x. */
  private void elseBranch(List<Token> tokens) {
    if (frames.size() == 1) return;
    Frame top = frames.peek();
    top.variables.clear();
    if (tokens.size() > 1 && tokens.get(1).text().equals("with")) {
      Frame branch = opened("with", tokens, 2, false);
      top.dot = branch.dot;
      top.variables.putAll(branch.variables);
    } else top.dot = top.outside;
  }

  /**
   * The block a {@code with}/{@code range} whose expression starts at token {@code from} opens: its
   * dot (for a range, an element of the collection) and the variables it declares ({@code $v := x},
   * {@code $k, $v := x}: the key or index is unknown).
   */
  private Frame opened(String keyword, List<Token> tokens, int from, boolean element) {
    int assign = indexOf(tokens, ":=", from);
    List<String> names = new ArrayList<>();
    if (assign > 0)
      for (int i = from; i < assign; i++)
        if (tokens.get(i).text().startsWith("$")) names.add(tokens.get(i).text());
    Context value = single(tokens, assign > 0 ? assign + 1 : from);
    Context dot = element ? elementOf(value) : value;
    Frame frame = new Frame(keyword, frames.peek().dot, dot);
    if (names.size() == 1) frame.variables.put(names.get(0), dot);
    if (names.size() == 2) {
      frame.variables.put(names.get(0), Context.UNKNOWN);
      frame.variables.put(names.get(1), dot);
    }
    return frame;
  }

  private static Context elementOf(Context collection) {
    if (collection.path() == null) return Context.UNKNOWN;
    List<Object> element = new ArrayList<>(collection.path());
    element.add(ANY);
    return Context.values(element);
  }

  /** {@code $x := …} or {@code $x = …} outside a block keyword: binds or rebinds {@code $x}. */
  private void assignment(List<Token> tokens) {
    if (tokens.size() < 3 || !tokens.get(0).text().startsWith("$")) return;
    String op = tokens.get(1).text();
    if (!op.equals(":=") && !op.equals("=")) return;
    Context value = single(tokens, 2);
    String name = tokens.get(0).text();
    if (op.equals("=")) {
      for (Frame f : frames)
        if (f.variables.containsKey(name)) {
          f.variables.put(name, value);
          return;
        }
    }
    frames.peek().variables.put(name, value);
  }

  /** The value of the expression at {@code from} when it is one operand alone; else unknown. */
  private Context single(List<Token> tokens, int from) {
    if (tokens.size() != from + 1 || !tokens.get(from).isWord()) return Context.UNKNOWN;
    Context c = resolve(tokens.get(from).text());
    return c == null ? Context.UNKNOWN : c;
  }

  /** The context passed after a template name at token {@code at} ({@code block "x" .}). */
  private Context argumentAfterName(List<Token> tokens, int at) {
    if (tokens.size() != at + 2 || !tokens.get(at).isString()) return Context.UNKNOWN;
    Context c = tokens.get(at + 1).isWord() ? resolve(tokens.get(at + 1).text()) : null;
    return c == null ? Context.UNKNOWN : c;
  }

  private Reads readsOf(List<Token> tokens) {
    List<List<Object>> paths = new ArrayList<>();
    List<Call> calls = new ArrayList<>();
    boolean preserving = true;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (!t.isWord()) continue;
      if ((t.text().equals("include") || t.text().equals("template"))
          && i + 1 < tokens.size()
          && tokens.get(i + 1).isString()) {
        calls.add(new Call(tokens.get(i + 1).text(), callArgument(tokens, i + 2)));
        preserving = false;
        // the argument is read by the named template: traced through the call, or not at all
        i = afterArgument(tokens, i + 2) - 1;
        continue;
      }
      if (t.isIdentifier() && !VALUE_PRESERVING.contains(t.text())) preserving = false;
      Context c = resolve(t.text());
      if (c != null && c.path() != null && !paths.contains(c.path())) paths.add(c.path());
    }
    if (paths.isEmpty() && calls.isEmpty()) return Reads.NOTHING;
    return new Reads(List.copyOf(paths), List.copyOf(calls), preserving && paths.size() == 1);
  }

  /** The token after the call argument starting at {@code at}: a word or a parenthesised group. */
  private static int afterArgument(List<Token> tokens, int at) {
    if (at >= tokens.size()) return at;
    if (!tokens.get(at).text().equals("(")) return tokens.get(at).isWord() ? at + 1 : at;
    int depth = 0;
    for (int i = at; i < tokens.size(); i++) {
      String t = tokens.get(i).text();
      if (t.equals("(") && !tokens.get(i).isString()) depth++;
      else if (t.equals(")") && !tokens.get(i).isString() && --depth == 0) return i + 1;
    }
    return tokens.size();
  }

  private Context callArgument(List<Token> tokens, int at) {
    if (at >= tokens.size() || !tokens.get(at).isWord()) return Context.UNKNOWN;
    boolean alone = at + 1 == tokens.size() || tokens.get(at + 1).text().equals("|");
    Context c = alone ? resolve(tokens.get(at).text()) : null;
    return c == null ? Context.UNKNOWN : c;
  }

  /**
   * What an operand word holds: {@code .}, {@code .a.b}, {@code $}, {@code $.a}, {@code $x.a}; null
   * when the word is not an operand (a function, a number) or holds no values.
   */
  private Context resolve(String word) {
    Context base;
    String fields;
    if (word.startsWith("$")) {
      int dot = word.indexOf('.');
      String name = dot < 0 ? word : word.substring(0, dot);
      base = name.equals("$") ? start : variable(name);
      fields = dot < 0 ? "" : word.substring(dot + 1);
    } else if (word.startsWith(".")) {
      base = frames.peek().dot;
      fields = word.substring(1);
    } else return null;
    List<Object> steps = ValuesSources.steps(fields);
    if (base.root()) {
      if (steps.isEmpty() || !steps.get(0).equals("Values")) return null;
      return Context.values(steps.subList(1, steps.size()));
    }
    if (base.path() == null) return Context.UNKNOWN;
    List<Object> path = new ArrayList<>(base.path());
    path.addAll(steps);
    return Context.values(path);
  }

  private Context variable(String name) {
    for (Frame f : frames) {
      Context c = f.variables.get(name);
      if (c != null) return c;
    }
    return Context.UNKNOWN;
  }

  private static int indexOf(List<Token> tokens, String text, int from) {
    for (int i = from; i < tokens.size(); i++) if (tokens.get(i).text().equals(text)) return i;
    return -1;
  }

  /**
   * The named templates ({@code define}) of one file: name to body text, the body running from
   * after its {@code define} action to the start of the {@code end} closing it.
   */
  static Map<String, String> defines(String text) {
    Map<String, String> out = new HashMap<>();
    int depth = 0;
    String name = null;
    int bodyStart = 0;
    for (Action a : TemplateActions.actions(text)) {
      List<Token> tokens = Token.of(text, a);
      if (tokens.isEmpty() || !tokens.get(0).isWord()) continue;
      switch (tokens.get(0).text()) {
        case "define", "block" -> {
          if (depth == 0 && tokens.size() > 1 && tokens.get(1).isString()) {
            name = tokens.get(1).text();
            bodyStart = a.end();
          }
          depth++;
        }
        case "if", "with", "range" -> depth++;
        case "end" -> {
          depth--;
          if (depth == 0 && name != null) {
            out.putIfAbsent(name, text.substring(bodyStart, a.start()));
            name = null;
          }
          depth = Math.max(depth, 0);
        }
        default -> {}
      }
    }
    return out;
  }

  /** A token of an action: a word, a string literal's content, or a punctuation mark. */
  record Token(char kind, String text) {
    static final char WORD = 'w';
    static final char STRING = 's';
    static final char MARK = 'm';

    boolean isWord() {
      return kind == WORD;
    }

    boolean isString() {
      return kind == STRING;
    }

    /** A function or keyword name: not a field, variable or number. */
    boolean isIdentifier() {
      return kind == WORD && (Character.isLetter(text.charAt(0)) || text.charAt(0) == '_');
    }

    /** The tokens of one action's body, comments and trim markers left out; linear in its size. */
    static List<Token> of(String text, Action action) {
      List<Token> tokens = new ArrayList<>();
      int end = action.start() + 2 + action.body().length();
      int i = action.start() + 2;
      while (i < end) {
        char c = text.charAt(i);
        if (c == '"' || c == '`') {
          int close = closing(text, i, end, c);
          tokens.add(new Token(STRING, text.substring(i + 1, Math.max(i + 1, close - 1))));
          i = close;
        } else if (c == '/' && text.startsWith("/*", i)) {
          int close = text.indexOf("*/", i + 2);
          i = close < 0 || close >= end ? end : close + 2;
        } else if (isWordChar(c)) {
          int from = i;
          while (i < end && isWordChar(text.charAt(i))) i++;
          tokens.add(new Token(WORD, text.substring(from, i)));
        } else if (c == ':' && i + 1 < end && text.charAt(i + 1) == '=') {
          tokens.add(new Token(MARK, ":="));
          i += 2;
        } else if (c == '=' || c == '|' || c == '(' || c == ')' || c == ',') {
          tokens.add(new Token(MARK, String.valueOf(c)));
          i++;
        } else i++;
      }
      return tokens;
    }

    /** The offset after the literal opened at {@code open} (escapes in double quotes). */
    private static int closing(String text, int open, int end, char quote) {
      int i = open + 1;
      while (i < end && text.charAt(i) != quote)
        i += quote == '"' && text.charAt(i) == '\\' ? 2 : 1;
      return Math.min(i + 1, end);
    }

    private static boolean isWordChar(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$';
    }
  }
}
