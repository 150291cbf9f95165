package dev.relplan.parse.hcl;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Hand-written HCL native-syntax lexer. It is a single forward pass with an explicit stack of
 * lexical contexts (braces, template interpolations, quoted strings, heredocs), so it never
 * recurses. Inside quoted strings and heredocs it emits template tokens; a {@code }} closes an
 * interpolation only when the innermost open context is an interpolation.
 */
final class Lexer {
  private enum Mode {
    BRACE,
    INTERP,
    QUOTE,
    HEREDOC,
    BARE
  }

  private static final class Ctx {
    final Mode mode;
    final int openAt;
    final String delim;
    final boolean flush;
    boolean lineStart;

    Ctx(Mode mode, int openAt, String delim, boolean flush) {
      this.mode = mode;
      this.openAt = openAt;
      this.delim = delim;
      this.flush = flush;
    }
  }

  private final String s;
  private final int n;
  private final SourceMap sm;
  private int i;
  private final List<Token> out = new ArrayList<>();
  private final ArrayDeque<Ctx> stack = new ArrayDeque<>();

  /** Where each comment starts and ends (char offsets, end exclusive), in file order. */
  private final List<int[]> comments = new ArrayList<>();

  private Lexer(String s, SourceMap sm) {
    this.s = s;
    this.n = s.length();
    this.sm = sm;
  }

  /** Tokens of a native-syntax file or expression, ending with {@link TokenType#EOF}. */
  static List<Token> tokenize(String s, SourceMap sm) {
    Lexer l = new Lexer(s, sm);
    if (l.n > 0 && s.charAt(0) == '\uFEFF') {
      l.i = 1;
    }
    return l.run();
  }

  /**
   * The comments of a native-syntax file: {@code [start, end)} char offsets of each {@code #},
   * {@code //} and {@code /* *\/} comment, found by the same pass that reads the tokens (a {@code
   * #} inside a string or heredoc is no comment).
   */
  static List<int[]> comments(String s, SourceMap sm) {
    Lexer l = new Lexer(s, sm);
    if (l.n > 0 && s.charAt(0) == '\uFEFF') {
      l.i = 1;
    }
    l.run();
    return l.comments;
  }

  /**
   * Tokens of a bare template (a JSON string value): literal text with {@code ${}} and {@code %{}}
   * sequences, no quotes and no backslash escapes, ending with {@link TokenType#EOF}.
   */
  static List<Token> tokenizeTemplate(String s, SourceMap sm) {
    Lexer l = new Lexer(s, sm);
    l.stack.push(new Ctx(Mode.BARE, 0, null, false));
    return l.run();
  }

  private List<Token> run() {
    while (true) {
      Ctx top = stack.peek();
      if (top != null) {
        if (top.mode == Mode.QUOTE) {
          quoted(top);
          continue;
        }
        if (top.mode == Mode.HEREDOC) {
          heredoc(top);
          continue;
        }
        if (top.mode == Mode.BARE) {
          if (i >= n) {
            emit(TokenType.EOF, n, n, null, false);
            return out;
          }
          templateText(top);
          continue;
        }
      }
      if (i >= n) {
        emit(TokenType.EOF, n, n, null, false);
        return out;
      }
      normal(top);
    }
  }

  private void emit(TokenType type, int start, int end, String value, boolean flag) {
    out.add(new Token(type, start, end, s.substring(start, end), value, flag));
  }

  private char at(int k) {
    return k < n ? s.charAt(k) : '\0';
  }

  // ---------------------------------------------------------------- normal mode

  private void normal(Ctx top) {
    char c = s.charAt(i);
    switch (c) {
      case ' ', '\t', '\r', '\f' -> i++;
      case '\n' -> single(TokenType.NEWLINE);
      case '#' -> skipLine();
      case '/' -> slash();
      case '{' -> {
        stack.push(new Ctx(Mode.BRACE, i, null, false));
        single(TokenType.LBRACE);
      }
      case '}' -> closingBrace(top);
      case '~' -> stripMarker(top);
      case '"' -> {
        stack.push(new Ctx(Mode.QUOTE, i, null, false));
        single(TokenType.OQUOTE);
      }
      case '[' -> single(TokenType.LBRACK);
      case ']' -> single(TokenType.RBRACK);
      case '(' -> single(TokenType.LPAREN);
      case ')' -> single(TokenType.RPAREN);
      case ',' -> single(TokenType.COMMA);
      case '?' -> single(TokenType.QUESTION);
      case '+' -> single(TokenType.PLUS);
      case '-' -> single(TokenType.MINUS);
      case '*' -> single(TokenType.STAR);
      case '%' -> single(TokenType.PERCENT);
      case '.' -> {
        if (at(i + 1) == '.' && at(i + 2) == '.') {
          multi(TokenType.ELLIPSIS, 3);
        } else {
          single(TokenType.DOT);
        }
      }
      case ':' -> singleOrPair(':', TokenType.DOUBLE_COLON, TokenType.COLON);
      case '=' -> {
        if (at(i + 1) == '>') {
          multi(TokenType.FAT_ARROW, 2);
        } else {
          singleOrPair('=', TokenType.EQEQ, TokenType.EQUAL);
        }
      }
      case '!' -> singleOrPair('=', TokenType.NOTEQ, TokenType.BANG);
      case '>' -> singleOrPair('=', TokenType.GE, TokenType.GT);
      case '<' -> {
        if (at(i + 1) == '<') {
          heredocOpener();
        } else {
          singleOrPair('=', TokenType.LE, TokenType.LT);
        }
      }
      case '&' -> doubled(TokenType.AND);
      case '|' -> doubled(TokenType.OR);
      default -> numberOrIdent(c);
    }
  }

  /** A line comment, a block comment, or the division operator. */
  private void slash() {
    if (at(i + 1) == '/') {
      skipLine();
    } else if (at(i + 1) == '*') {
      int endAt = s.indexOf("*/", i + 2);
      if (endAt < 0) {
        throw sm.error(i, "unterminated block comment; missing '*/'");
      }
      comments.add(new int[] {i, endAt + 2});
      i = endAt + 2;
    } else {
      single(TokenType.SLASH);
    }
  }

  /** '}' ends an interpolation or directive when one is open, else it closes a brace. */
  private void closingBrace(Ctx top) {
    if (top != null && top.mode == Mode.INTERP) {
      stack.pop();
      single(TokenType.TEMPLATE_SEQ_END);
    } else {
      if (top != null && top.mode == Mode.BRACE) {
        stack.pop();
      }
      single(TokenType.RBRACE);
    }
  }

  /** A strip marker: '~' right before the '}' that ends an interpolation or directive. */
  private void stripMarker(Ctx top) {
    if (at(i + 1) == '}' && top != null && top.mode == Mode.INTERP) {
      stack.pop();
      emit(TokenType.TEMPLATE_SEQ_END, i, i + 2, null, true);
      i += 2;
    } else {
      throw sm.error(i, "unexpected character '~' (a strip marker must come right before '}')");
    }
  }

  /** The two-character operator when {@code second} follows, else the one-character one. */
  private void singleOrPair(char second, TokenType pair, TokenType single) {
    if (at(i + 1) == second) {
      multi(pair, 2);
    } else {
      single(single);
    }
  }

  /** {@code &&} or {@code ||}: the character alone is no operator. */
  private void doubled(TokenType type) {
    char c = s.charAt(i);
    if (at(i + 1) == c) {
      multi(type, 2);
    } else {
      throw sm.error(i, "unexpected character '" + c + "' (did you mean '" + c + c + "'?)");
    }
  }

  private void numberOrIdent(char c) {
    if (c >= '0' && c <= '9') {
      number();
    } else {
      int cp = s.codePointAt(i);
      if (isIdentStart(cp)) {
        ident();
      } else {
        throw sm.error(i, "unexpected character " + describeChar(cp));
      }
    }
  }

  private void single(TokenType type) {
    emit(type, i, i + 1, null, false);
    i++;
  }

  private void multi(TokenType type, int len) {
    emit(type, i, i + len, null, false);
    i += len;
  }

  /** A line comment, up to the end of its line. */
  private void skipLine() {
    int start = i;
    while (i < n && s.charAt(i) != '\n') {
      i++;
    }
    comments.add(new int[] {start, i});
  }

  static boolean isIdentStart(int cp) {
    return cp == '_' || Character.isLetter(cp);
  }

  static boolean isIdentPart(int cp) {
    return cp == '_'
        || cp == '-'
        || Character.isLetterOrDigit(cp)
        || (Character.isUnicodeIdentifierPart(cp) && !Character.isIdentifierIgnorable(cp));
  }

  private static String describeChar(int cp) {
    if (cp >= 0x21 && cp < 0x7f) {
      return "'" + (char) cp + "'";
    }
    String hex = Integer.toHexString(cp).toUpperCase();
    return "U+" + "0000".substring(Math.min(4, hex.length())) + hex;
  }

  private void ident() {
    int start = i;
    i += Character.charCount(s.codePointAt(i));
    while (i < n) {
      int cp = s.codePointAt(i);
      if (!isIdentPart(cp)) {
        break;
      }
      i += Character.charCount(cp);
    }
    emit(TokenType.IDENT, start, i, null, false);
  }

  private void number() {
    int start = i;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
    }
    if (at(i) == '.' && isDigit(at(i + 1))) {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
    }
    if (at(i) == 'e' || at(i) == 'E') {
      int j = i + 1;
      if (at(j) == '+' || at(j) == '-') {
        j++;
      }
      if (isDigit(at(j))) {
        i = j;
        while (i < n && isDigit(s.charAt(i))) {
          i++;
        }
      }
    }
    emit(TokenType.NUMBER, start, i, null, false);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private void heredocOpener() {
    int start = i;
    int j = i + 2;
    boolean flush = false;
    if (at(j) == '-') {
      flush = true;
      j++;
    }
    if (j >= n || !isIdentStart(s.codePointAt(j))) {
      throw sm.error(start, "expected a heredoc marker such as <<EOT after '<<'");
    }
    int idStart = j;
    j += Character.charCount(s.codePointAt(j));
    while (j < n && isIdentPart(s.codePointAt(j))) {
      j += Character.charCount(s.codePointAt(j));
    }
    String delim = s.substring(idStart, j);
    int k = j;
    while (at(k) == ' ' || at(k) == '\t') {
      k++;
    }
    if (at(k) == '\r' && at(k + 1) == '\n') {
      k++;
    }
    if (at(k) != '\n') {
      throw sm.error(
          start,
          "heredoc marker <<" + (flush ? "-" : "") + delim + " must be followed by a newline");
    }
    k++;
    emit(TokenType.OHEREDOC, start, k, delim, flush);
    i = k;
    Ctx ctx = new Ctx(Mode.HEREDOC, start, delim, flush);
    ctx.lineStart = true;
    stack.push(ctx);
  }

  // ---------------------------------------------------------------- template modes

  /** Emits {@code ${} or {@code %{} (with an optional {@code ~}) and enters the interpolation. */
  private void openSequence() {
    int start = i;
    TokenType type = s.charAt(i) == '$' ? TokenType.TEMPLATE_INTERP : TokenType.TEMPLATE_CONTROL;
    i += 2;
    boolean strip = at(i) == '~';
    if (strip) {
      i++;
    }
    emit(type, start, i, null, strip);
    stack.push(new Ctx(Mode.INTERP, start, null, false));
  }

  private void emitLiteral(int start, StringBuilder sb) {
    if (i > start) {
      emit(TokenType.TEMPLATE_LIT, start, i, sb.toString(), false);
    }
  }

  /**
   * Looks for {@code ${}, {@code %{}, {@code $${} or {@code %%{} at {@code i}. Returns 2 when a
   * sequence opens here (nothing consumed; the caller emits pending text and opens it), 1 when an
   * escaped {@code $${}/{@code %%{} was appended to {@code sb} and consumed, and 0 when there is no
   * sequence (nothing consumed).
   */
  private int templateSequence(StringBuilder sb) {
    char c = s.charAt(i);
    if (c != '$' && c != '%') {
      return 0;
    }
    if (at(i + 1) == '{') {
      return 2;
    }
    if (at(i + 1) == c && at(i + 2) == '{') {
      sb.append(c).append('{');
      i += 3;
      return 1;
    }
    return 0;
  }

  /** Text of a bare (JSON) template up to the next sequence or the end. */
  private void templateText(Ctx top) {
    StringBuilder sb = new StringBuilder();
    int start = i;
    while (i < n) {
      int seq = templateSequence(sb);
      if (seq == 2) {
        emitLiteral(start, sb);
        openSequence();
        return;
      }
      if (seq == 0) {
        sb.append(s.charAt(i));
        i++;
      }
    }
    emitLiteral(start, sb);
  }

  private void quoted(Ctx top) {
    StringBuilder sb = new StringBuilder();
    int start = i;
    while (true) {
      if (i >= n) {
        throw sm.error(top.openAt, "unterminated string; missing closing '\"'");
      }
      char c = s.charAt(i);
      if (c == '"') {
        emitLiteral(start, sb);
        emit(TokenType.CQUOTE, i, i + 1, null, false);
        i++;
        stack.pop();
        return;
      }
      if (c == '\n' || (c == '\r' && at(i + 1) == '\n')) {
        throw sm.error(
            top.openAt,
            "unterminated string: a quoted string cannot span lines" + " (use \\n or a heredoc)");
      }
      int seq = templateSequence(sb);
      if (seq == 2) {
        emitLiteral(start, sb);
        openSequence();
        return;
      }
      if (seq == 1) {
        continue;
      }
      if (c == '\\') {
        escape(sb);
      } else {
        sb.append(c);
        i++;
      }
    }
  }

  private void escape(StringBuilder sb) {
    char e = at(i + 1);
    switch (e) {
      case 'n' -> sb.append('\n');
      case 'r' -> sb.append('\r');
      case 't' -> sb.append('\t');
      case '"' -> sb.append('"');
      case '\\' -> sb.append('\\');
      case 'u', 'U' -> {
        int len = e == 'u' ? 4 : 8;
        int cp = 0;
        for (int k = 0; k < len; k++) {
          int d = Character.digit(at(i + 2 + k), 16);
          if (d < 0) {
            throw sm.error(
                i,
                "invalid escape sequence: \\"
                    + e
                    + " must be followed by "
                    + len
                    + " hexadecimal digits");
          }
          cp = cp * 16 + d;
        }
        if (cp < 0 || cp > Character.MAX_CODE_POINT) {
          throw sm.error(i, "invalid escape sequence: code point out of range");
        }
        sb.appendCodePoint(cp);
        i += 2 + len;
        return;
      }
      default -> {
        if (i + 1 >= n || e == '\n' || e == '\r') {
          throw sm.error(i, "invalid escape sequence: '\\' at end of line");
        }
        throw sm.error(
            i,
            "invalid escape sequence '\\"
                + e
                + "' (valid: \\n \\r \\t \\\" \\\\ \\uNNNN \\UNNNNNNNN)");
      }
    }
    i += 2;
  }

  private void heredoc(Ctx top) {
    if (top.lineStart) {
      int j = i;
      while (at(j) == ' ' || at(j) == '\t') {
        j++;
      }
      if (s.startsWith(top.delim, j)) {
        int a = j + top.delim.length();
        int b = a;
        while (at(b) == ' ' || at(b) == '\t' || at(b) == '\r' || at(b) == '\f') {
          b++;
        }
        if (b >= n || s.charAt(b) == '\n') {
          emit(TokenType.CHEREDOC, i, a, null, false);
          i = b;
          stack.pop();
          return;
        }
      }
      top.lineStart = false;
    }
    if (i >= n) {
      throw sm.error(top.openAt, "unterminated heredoc; missing closing marker " + top.delim);
    }
    StringBuilder sb = new StringBuilder();
    int start = i;
    while (i < n) {
      char c = s.charAt(i);
      if (c == '\n') {
        sb.append(c);
        i++;
        emitLiteral(start, sb);
        top.lineStart = true;
        return;
      }
      int seq = templateSequence(sb);
      if (seq == 2) {
        emitLiteral(start, sb);
        openSequence();
        return;
      }
      if (seq == 0) {
        sb.append(c);
        i++;
      }
    }
    emitLiteral(start, sb);
  }
}
