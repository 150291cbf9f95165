package dev.relplan.parse.hcl;

import dev.relplan.parse.hcl.Expr.BinaryOp;
import dev.relplan.parse.hcl.Expr.UnaryOp;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser over the tokens of {@link Lexer}. Newlines are significant in bodies and
 * object constructors and ignored inside parentheses, brackets, function arguments, for-expressions
 * and template interpolations (a stack of flags says which applies). Nesting is bounded by {@link
 * HclParser#MAX_NESTING_DEPTH}.
 */
final class Parser {
  static final int MAX_DEPTH = HclParser.MAX_NESTING_DEPTH;

  private final List<Token> toks;
  private final SourceMap sm;
  private final int textLength;
  private int pos;
  private int depth;
  private boolean nl = true;
  private final ArrayDeque<Boolean> nlStack = new ArrayDeque<>();

  private Parser(List<Token> toks, SourceMap sm, int textLength) {
    this.toks = toks;
    this.sm = sm;
    this.textLength = textLength;
  }

  // ---------------------------------------------------------------- entry points

  static Body parseFile(String content, SourceMap sm) {
    int[] last = {0};
    return guard(
        sm,
        last,
        () -> {
          Parser p = new Parser(Lexer.tokenize(content, sm), sm, content.length());
          try {
            return p.fileBody();
          } finally {
            last[0] = p.currentIndex();
          }
        });
  }

  static Expr parseExpression(String text, SourceMap sm) {
    int[] last = {0};
    return guard(
        sm,
        last,
        () -> {
          Parser p = new Parser(Lexer.tokenize(text, sm), sm, text.length());
          try {
            p.nl = false;
            Expr e = p.expression();
            Token t = p.peek();
            if (t.type() != TokenType.EOF) {
              throw p.error(t, "unexpected " + describe(t) + " after expression");
            }
            return e;
          } finally {
            last[0] = p.currentIndex();
          }
        });
  }

  /** Parses a bare template (JSON string); the result's range covers the template text only. */
  static Expr.TemplateExpr parseBareTemplate(String text, SourceMap sm) {
    int[] last = {0};
    return guard(
        sm,
        last,
        () -> {
          Parser p = new Parser(Lexer.tokenizeTemplate(text, sm), sm, text.length());
          try {
            List<TemplatePart> parts = p.templateParts(TokenType.EOF, false, 0);
            return new Expr.TemplateExpr(parts, false, sm.range(0, text.length()));
          } finally {
            last[0] = p.currentIndex();
          }
        });
  }

  private interface Action<T> {
    T run();
  }

  /**
   * Runs a parse, turning anything but a syntax error into a located syntax error so that callers
   * only ever see {@link HclSyntaxException}.
   */
  private static <T> T guard(SourceMap sm, int[] lastIndex, Action<T> body) {
    try {
      return body.run();
    } catch (HclSyntaxException e) {
      throw e;
    } catch (StackOverflowError e) {
      throw sm.error(lastIndex[0], "nesting too deep to parse");
    } catch (RuntimeException e) {
      throw sm.error(lastIndex[0], "internal parser error: " + e);
    }
  }

  private int currentIndex() {
    return toks.get(Math.min(pos, toks.size() - 1)).start();
  }

  // ---------------------------------------------------------------- token access

  private Token peek() {
    return peekAt(0);
  }

  private Token peekAt(int k) {
    int j = pos;
    while (true) {
      Token t = toks.get(j);
      if (t.type() == TokenType.EOF) {
        return t;
      }
      if (nl || t.type() != TokenType.NEWLINE) {
        if (k == 0) {
          return t;
        }
        k--;
      }
      j++;
    }
  }

  private Token next() {
    while (true) {
      Token t = toks.get(pos);
      if (t.type() == TokenType.EOF) {
        return t;
      }
      pos++;
      if (nl || t.type() != TokenType.NEWLINE) {
        return t;
      }
    }
  }

  private boolean at(TokenType type) {
    return peek().type() == type;
  }

  private boolean atKeyword(String word) {
    Token t = peek();
    return t.type() == TokenType.IDENT && t.text().equals(word);
  }

  private Token expect(TokenType type, String context) {
    Token t = peek();
    if (t.type() != type) {
      throw error(t, "expected " + type.description + " " + context + ", found " + describe(t));
    }
    return next();
  }

  private void pushNl(boolean value) {
    nlStack.push(nl);
    nl = value;
  }

  private void popNl() {
    nl = nlStack.pop();
  }

  private void enter(Token at) {
    if (++depth > MAX_DEPTH) {
      throw error(at, "nesting deeper than " + MAX_DEPTH + " levels");
    }
  }

  private void leave() {
    depth--;
  }

  HclSyntaxException error(Token t, String detail) {
    return sm.error(t.start(), detail);
  }

  static String describe(Token t) {
    return switch (t.type()) {
      case IDENT -> "identifier \"" + t.text() + "\"";
      case NUMBER -> "number " + t.text();
      case NEWLINE -> "newline";
      case EOF -> "end of input";
      case OQUOTE -> "string";
      case OHEREDOC -> "heredoc";
      case TEMPLATE_LIT -> "template text";
      default -> "'" + t.text() + "'";
    };
  }

  /** Short printed form of an expression for messages. */
  private static String brief(Expr e) {
    String s = e.source();
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  private SourceRange range(Token a, Token b) {
    return sm.range(a.start(), b.end());
  }

  private SourceRange range(Token a, Expr b) {
    return sm.range(a.start(), a.start()).to(b.range());
  }

  private SourceRange range(Expr a, Token b) {
    return a.range().to(sm.range(b.end(), b.end()));
  }

  // ---------------------------------------------------------------- bodies

  private Body fileBody() {
    List<BodyItem> items = bodyItems(null);
    expect(TokenType.EOF, "at end of file");
    return new Body(items, sm.range(0, textLength));
  }

  /** Items up to EOF ({@code block == null}) or up to the closing brace of {@code block}. */
  private List<BodyItem> bodyItems(Token blockType) {
    List<BodyItem> items = new ArrayList<>();
    while (true) {
      Token t = peek();
      if (t.type() == TokenType.NEWLINE) {
        next();
        continue;
      }
      if (blockType == null && t.type() == TokenType.EOF) {
        return items;
      }
      if (blockType != null && t.type() == TokenType.RBRACE) {
        return items;
      }
      if (blockType != null && t.type() == TokenType.EOF) {
        throw error(
            t,
            "unexpected end of input: missing '}' to close block \""
                + blockType.text()
                + "\" opened at line "
                + sm.line(sm.fileOffset(blockType.start())));
      }
      if (t.type() != TokenType.IDENT) {
        throw error(t, "expected an attribute name or block type, found " + describe(t));
      }
      items.add(bodyItem(false));
    }
  }

  private BodyItem bodyItem(boolean singleLine) {
    Token name = next();
    Token t = peek();
    if (t.type() == TokenType.EQUAL) {
      return attribute(name, singleLine);
    }
    if (singleLine) {
      throw error(
          t,
          "a single-line block may contain only one attribute (name = value);"
              + " put nested blocks on their own lines");
    }
    return block(name);
  }

  /** After the name of an attribute, at its '='. */
  private Attribute attribute(Token name, boolean singleLine) {
    next();
    Expr value = expression();
    Token end = peek();
    boolean ok =
        end.type() == TokenType.NEWLINE
            || end.type() == TokenType.EOF
            || (singleLine && end.type() == TokenType.RBRACE);
    if (!ok) {
      throw error(
          end,
          "expected a newline after the value of attribute \""
              + name.text()
              + "\", found "
              + describe(end));
    }
    return new Attribute(name.text(), value, range(name, value));
  }

  /** After the type of a block: its labels, then its body in braces. */
  private Block block(Token name) {
    List<String> labels = new ArrayList<>();
    Token t;
    while (true) {
      t = peek();
      if (t.type() == TokenType.IDENT) {
        labels.add(next().text());
      } else if (t.type() == TokenType.OQUOTE) {
        labels.add(label());
      } else {
        break;
      }
    }
    if (t.type() != TokenType.LBRACE) {
      if (labels.isEmpty()) {
        throw error(t, "expected '=' or '{' after \"" + name.text() + "\", found " + describe(t));
      }
      throw error(
          t,
          "expected '{' after the labels of block \"" + name.text() + "\", found " + describe(t));
    }
    enter(t);
    Token open = next();
    List<BodyItem> items = blockItems(name);
    Token close = peek();
    if (close.type() != TokenType.RBRACE) {
      throw error(
          close, "expected '}' to close block \"" + name.text() + "\", found " + describe(close));
    }
    next();
    leave();
    Token end = peek();
    if (end.type() != TokenType.NEWLINE && end.type() != TokenType.EOF) {
      throw error(
          end,
          "expected a newline after the closing '}' of block \""
              + name.text()
              + "\", found "
              + describe(end));
    }
    Body body = new Body(items, range(open, close));
    return new Block(name.text(), labels, body, range(name, close));
  }

  /** After the '{' of a block: its items on their own lines, none, or one single-line attribute. */
  private List<BodyItem> blockItems(Token name) {
    Token after = peek();
    if (after.type() == TokenType.NEWLINE) {
      return bodyItems(name);
    } else if (after.type() == TokenType.RBRACE) {
      return List.of();
    } else if (after.type() == TokenType.IDENT) {
      return List.of(bodyItem(true));
    }
    throw error(
        after,
        "expected a newline, an attribute or '}' after '{' of block \""
            + name.text()
            + "\", found "
            + describe(after));
  }

  private String label() {
    Token open = next();
    StringBuilder sb = new StringBuilder();
    while (true) {
      Token t = next();
      switch (t.type()) {
        case TEMPLATE_LIT -> sb.append(t.value());
        case CQUOTE -> {
          return sb.toString();
        }
        case TEMPLATE_INTERP, TEMPLATE_CONTROL ->
            throw error(
                t, "block labels must be literal strings; template sequences are not allowed");
        default -> throw error(open, "unterminated block label");
      }
    }
  }

  // ---------------------------------------------------------------- expressions

  Expr expression() {
    enter(peek());
    Expr e = conditional();
    leave();
    return e;
  }

  private Expr conditional() {
    Expr cond = binary(1);
    if (!at(TokenType.QUESTION)) {
      return cond;
    }
    next();
    Expr a = expression();
    Token colon = peek();
    if (colon.type() != TokenType.COLON) {
      throw error(colon, "expected ':' in conditional expression, found " + describe(colon));
    }
    next();
    Expr b = expression();
    return new Expr.Conditional(cond, a, b, cond.range().to(b.range()));
  }

  private static BinaryOp binaryOp(TokenType t) {
    return switch (t) {
      case OR -> BinaryOp.OR;
      case AND -> BinaryOp.AND;
      case EQEQ -> BinaryOp.EQUAL;
      case NOTEQ -> BinaryOp.NOT_EQUAL;
      case LT -> BinaryOp.LESS;
      case GT -> BinaryOp.GREATER;
      case LE -> BinaryOp.LESS_OR_EQUAL;
      case GE -> BinaryOp.GREATER_OR_EQUAL;
      case PLUS -> BinaryOp.ADD;
      case MINUS -> BinaryOp.SUBTRACT;
      case STAR -> BinaryOp.MULTIPLY;
      case SLASH -> BinaryOp.DIVIDE;
      case PERCENT -> BinaryOp.MODULO;
      default -> null;
    };
  }

  /**
   * Precedence climbing: all binary operators are left-associative. Each operator in a chain makes
   * the tree one level deeper, so it counts against the nesting limit (this keeps every tree
   * shallow enough for recursive consumers such as the printer).
   */
  private Expr binary(int minPrecedence) {
    Expr left = unary();
    int levels = 0;
    while (true) {
      Token opToken = peek();
      BinaryOp op = binaryOp(opToken.type());
      if (op == null || op.precedence() < minPrecedence) {
        depth -= levels;
        return left;
      }
      enter(opToken);
      levels++;
      next();
      Expr right = binary(op.precedence() + 1);
      left = new Expr.Binary(op, left, right, left.range().to(right.range()));
    }
  }

  private Expr unary() {
    Token t = peek();
    if (t.type() == TokenType.MINUS || t.type() == TokenType.BANG) {
      enter(t);
      next();
      Expr operand = unary();
      leave();
      SourceRange r = range(t, operand);
      if (t.type() == TokenType.MINUS && operand instanceof Expr.NumberLit num) {
        return new Expr.NumberLit(num.value().negate(), r);
      }
      UnaryOp op = t.type() == TokenType.MINUS ? UnaryOp.NEGATE : UnaryOp.NOT;
      return new Expr.Unary(op, operand, r);
    }
    return postfix(term());
  }

  private static boolean isLiteralKey(Expr key) {
    return key instanceof Expr.NumberLit
        || key instanceof Expr.BoolLit
        || (key instanceof Expr.TemplateExpr t && !t.heredoc() && t.literalValue().isPresent());
  }

  /**
   * Applies attribute, index and splat operators after a term. While the expression is a scope
   * traversal its steps are collected in {@code steps} (so long chains stay linear and flat) and
   * the record is built when another kind of operator needs it as an operand, or at the end. Every
   * other operator wraps the expression one level deeper and counts against the nesting limit.
   */
  private Expr postfix(Expr e) {
    int levels = 0;
    String root = null;
    List<Traverser> steps = null;
    SourceRange tr = null;
    if (e instanceof Expr.ScopeTraversal st) {
      root = st.root();
      steps = new ArrayList<>(st.steps());
      tr = st.range();
    }
    while (true) {
      Token t = peek();
      boolean splat =
          t.type() == TokenType.DOT && peekAt(1).type() == TokenType.STAR
              || t.type() == TokenType.LBRACK
                  && peekAt(1).type() == TokenType.STAR
                  && peekAt(2).type() == TokenType.RBRACK;
      if (root != null && (splat || t.type() != TokenType.DOT && t.type() != TokenType.LBRACK)) {
        e = new Expr.ScopeTraversal(root, steps, tr);
        root = null;
      }
      boolean wraps =
          splat || t.type() == TokenType.DOT && root == null || t.type() == TokenType.LBRACK;
      if (wraps) {
        // An index on a traversal may still become a flat step; then the level is released.
        enter(t);
        levels++;
      }
      if (splat && t.type() == TokenType.DOT) {
        e = attributeSplat(e);
      } else if (splat) {
        e = fullSplat(e);
      } else if (t.type() == TokenType.DOT) {
        Token dot = next();
        if (root != null) {
          tr = dotSteps(dot, steps, tr);
        } else {
          e = attributeOf(e, dot);
        }
      } else if (t.type() == TokenType.LBRACK) {
        Token open = next();
        Expr key = bracketKey(open);
        Token close = toks.get(pos - 1);
        if (root != null && isLiteralKey(key)) {
          steps.add(new Traverser.IndexStep(key, range(open, close)));
          tr = tr.to(range(close, close));
          leave();
          levels--;
        } else {
          if (root != null) {
            e = new Expr.ScopeTraversal(root, steps, tr);
            root = null;
          }
          e = new Expr.Index(e, key, range(e, close));
        }
      } else {
        depth -= levels;
        return e;
      }
    }
  }

  /** At {@code .*}: the attribute-only splat and the attribute steps after it. */
  private Expr attributeSplat(Expr e) {
    next();
    Token star = next();
    List<Traverser> each = new ArrayList<>();
    SourceRange r = range(e, star);
    while (at(TokenType.DOT)
        && (peekAt(1).type() == TokenType.IDENT || peekAt(1).type() == TokenType.NUMBER)) {
      r = dotSteps(next(), each, r);
    }
    return new Expr.Splat(e, false, each, r);
  }

  /** At {@code [*]}: the full splat and the attribute and index steps after it. */
  private Expr fullSplat(Expr e) {
    next();
    next();
    Token close = next();
    List<Traverser> each = new ArrayList<>();
    SourceRange r = range(e, close);
    while (true) {
      Token s = peek();
      if (s.type() == TokenType.DOT && peekAt(1).type() != TokenType.STAR) {
        r = dotSteps(next(), each, r);
      } else if (s.type() == TokenType.LBRACK
          && !(peekAt(1).type() == TokenType.STAR && peekAt(2).type() == TokenType.RBRACK)) {
        Token open = next();
        Expr key = bracketKey(open);
        SourceRange stepRange = range(open, toks.get(pos - 1));
        each.add(new Traverser.IndexStep(key, stepRange));
        r = r.to(stepRange);
      } else {
        break;
      }
    }
    return new Expr.Splat(e, true, each, r);
  }

  /** After a '.' that follows no traversal: an attribute, or legacy {@code .0} indexes. */
  private Expr attributeOf(Expr e, Token dot) {
    if (peek().type() == TokenType.NUMBER) {
      List<Traverser> legacy = new ArrayList<>();
      SourceRange r = dotSteps(dot, legacy, e.range());
      for (Traverser s : legacy) {
        e = new Expr.Index(e, ((Traverser.IndexStep) s).key(), r);
      }
      return e;
    }
    Token name = expectAttrName(dot);
    return new Expr.GetAttr(e, name.text(), range(e, name));
  }

  /** After '[' : key expression and ']' (consumed). */
  private Expr bracketKey(Token open) {
    pushNl(false);
    Expr key = expression();
    Token close = peek();
    if (close.type() != TokenType.RBRACK) {
      throw error(close, "expected ']' to close index, found " + describe(close));
    }
    next();
    popNl();
    return key;
  }

  private Token expectAttrName(Token dot) {
    Token name = peek();
    if (name.type() != TokenType.IDENT) {
      throw error(name, "expected an attribute name after '.', found " + describe(name));
    }
    return next();
  }

  /**
   * After a consumed '.', reads {@code name} or a legacy numeric index ({@code .0}; {@code .0.1}
   * lexes as one number and yields two steps) into {@code steps}; returns {@code r} extended.
   */
  private SourceRange dotSteps(Token dot, List<Traverser> steps, SourceRange r) {
    Token t = peek();
    if (t.type() == TokenType.NUMBER) {
      next();
      String[] pieces = t.text().split("\\.", -1);
      int off = t.start();
      for (String piece : pieces) {
        if (piece.isEmpty() || !piece.chars().allMatch(c -> c >= '0' && c <= '9')) {
          throw error(t, "expected an attribute name or index after '.', found number " + t.text());
        }
        SourceRange kr = sm.range(off, off + piece.length());
        steps.add(new Traverser.IndexStep(new Expr.NumberLit(new BigDecimal(piece), kr), kr));
        off += piece.length() + 1;
      }
      return r.to(sm.range(t.end(), t.end()));
    }
    Token name = expectAttrName(dot);
    SourceRange sr = range(dot, name);
    steps.add(new Traverser.AttrStep(name.text(), sr));
    return r.to(sr);
  }

  private Expr term() {
    Token t = peek();
    switch (t.type()) {
      case NUMBER -> {
        next();
        try {
          return new Expr.NumberLit(new BigDecimal(t.text()), range(t, t));
        } catch (NumberFormatException | ArithmeticException ex) {
          throw error(t, "invalid number " + t.text());
        }
      }
      case IDENT -> {
        return identTerm();
      }
      case OQUOTE -> {
        return quotedTemplate();
      }
      case OHEREDOC -> {
        return heredocTemplate();
      }
      case LPAREN -> {
        Token open = next();
        pushNl(false);
        Expr inner = expression();
        Token close = peek();
        if (close.type() != TokenType.RPAREN) {
          throw error(
              close,
              "expected ')' to close '(' opened at "
                  + sm.range(open.start(), open.end()).location()
                  + ", found "
                  + describe(close));
        }
        next();
        popNl();
        return new Expr.Parens(inner, range(open, close));
      }
      case LBRACK -> {
        return tupleOrFor();
      }
      case LBRACE -> {
        return objectOrFor();
      }
      default -> throw error(t, "expected an expression, found " + describe(t));
    }
  }

  private Expr identTerm() {
    Token t = next();
    String name = t.text();
    Token after = peek();
    if (after.type() == TokenType.LPAREN) {
      return functionCall(t, name);
    }
    if (after.type() == TokenType.DOUBLE_COLON) {
      StringBuilder full = new StringBuilder(name);
      while (at(TokenType.DOUBLE_COLON)) {
        next();
        Token part = peek();
        if (part.type() != TokenType.IDENT) {
          throw error(part, "expected a function name after '::', found " + describe(part));
        }
        next();
        full.append("::").append(part.text());
      }
      if (!at(TokenType.LPAREN)) {
        throw error(
            peek(), "expected '(' after function name " + full + ", found " + describe(peek()));
      }
      return functionCall(t, full.toString());
    }
    switch (name) {
      case "true":
        return new Expr.BoolLit(true, range(t, t));
      case "false":
        return new Expr.BoolLit(false, range(t, t));
      case "null":
        return new Expr.NullLit(range(t, t));
      default:
        return new Expr.ScopeTraversal(name, List.of(), range(t, t));
    }
  }

  private Expr functionCall(Token nameTok, String name) {
    Token open = next();
    pushNl(false);
    List<Expr> args = new ArrayList<>();
    boolean expand = false;
    while (!at(TokenType.RPAREN)) {
      args.add(expression());
      Token t = peek();
      if (t.type() == TokenType.ELLIPSIS) {
        next();
        expand = true;
        if (at(TokenType.COMMA)) {
          next();
        }
        if (!at(TokenType.RPAREN)) {
          throw error(
              peek(),
              "expected ')' after '...' in call to "
                  + name
                  + " (only the last argument can be expanded), found "
                  + describe(peek()));
        }
        break;
      }
      if (t.type() == TokenType.COMMA) {
        next();
        continue;
      }
      if (t.type() != TokenType.RPAREN) {
        throw error(
            t, "expected ',' or ')' in arguments of " + name + "(...), found " + describe(t));
      }
    }
    Token close = next();
    popNl();
    return new Expr.FunctionCall(name, args, expand, range(nameTok, close));
  }

  private boolean atForKeyword() {
    return atKeyword("for") && peekAt(1).type() == TokenType.IDENT;
  }

  private Expr tupleOrFor() {
    Token open = next();
    pushNl(false);
    if (atForKeyword()) {
      Expr e = forExpr(open, false);
      popNl();
      return e;
    }
    List<Expr> items = new ArrayList<>();
    while (!at(TokenType.RBRACK)) {
      items.add(expression());
      Token t = peek();
      if (t.type() == TokenType.COMMA) {
        next();
        continue;
      }
      if (t.type() != TokenType.RBRACK) {
        throw error(t, "expected ',' or ']' in tuple, found " + describe(t));
      }
    }
    Token close = next();
    popNl();
    return new Expr.Tuple(items, range(open, close));
  }

  private Expr objectOrFor() {
    Token open = next();
    pushNl(true);
    while (at(TokenType.NEWLINE)) {
      next();
    }
    if (atForKeyword()) {
      pushNl(false);
      Expr e = forExpr(open, true);
      popNl();
      popNl();
      return e;
    }
    List<Expr.ObjectItem> items = new ArrayList<>();
    while (true) {
      while (at(TokenType.NEWLINE)) {
        next();
      }
      if (at(TokenType.RBRACE)) {
        break;
      }
      Expr key = expression();
      Token sep = peek();
      if (sep.type() != TokenType.EQUAL && sep.type() != TokenType.COLON) {
        throw error(
            sep, "expected '=' or ':' after object key " + brief(key) + ", found " + describe(sep));
      }
      next();
      Expr value = expression();
      items.add(new Expr.ObjectItem(key, value, key.range().to(value.range())));
      Token t = peek();
      if (t.type() == TokenType.COMMA) {
        next();
      } else if (t.type() != TokenType.NEWLINE && t.type() != TokenType.RBRACE) {
        throw error(
            t,
            "expected ',', a newline or '}' after object item "
                + brief(key)
                + ", found "
                + describe(t));
      }
    }
    Token close = next();
    popNl();
    return new Expr.ObjectCons(items, range(open, close));
  }

  private Expr forExpr(Token open, boolean object) {
    next(); // "for"
    String first = next().text();
    String keyVar = null;
    String valueVar = first;
    if (at(TokenType.COMMA)) {
      next();
      Token second = peek();
      if (second.type() != TokenType.IDENT) {
        throw error(
            second,
            "expected a variable name after ',' in for expression, found " + describe(second));
      }
      next();
      keyVar = first;
      valueVar = second.text();
    }
    if (!atKeyword("in")) {
      throw error(peek(), "expected 'in' in for expression, found " + describe(peek()));
    }
    next();
    Expr coll = expression();
    expect(TokenType.COLON, "after the collection of a for expression");
    Expr key = null;
    boolean grouping = false;
    if (object) {
      key = expression();
      expect(TokenType.FAT_ARROW, "after the key of an object for expression");
    }
    Expr value = expression();
    if (object && at(TokenType.ELLIPSIS)) {
      next();
      grouping = true;
    }
    Expr cond = null;
    if (atKeyword("if")) {
      next();
      cond = expression();
    }
    TokenType closeType = object ? TokenType.RBRACE : TokenType.RBRACK;
    Token close = peek();
    if (close.type() != closeType) {
      throw error(
          close,
          "expected "
              + closeType.description
              + " to close for expression, found "
              + describe(close));
    }
    next();
    SourceRange r = range(open, close);
    return object
        ? new Expr.ForObject(keyVar, valueVar, coll, key, value, grouping, cond, r)
        : new Expr.ForTuple(keyVar, valueVar, coll, value, cond, r);
  }

  // ---------------------------------------------------------------- templates

  private Expr quotedTemplate() {
    Token open = next();
    List<TemplatePart> parts = templateParts(TokenType.CQUOTE, false, open.start());
    Token close = next();
    return new Expr.TemplateExpr(parts, false, range(open, close));
  }

  private Expr heredocTemplate() {
    Token open = next();
    List<TemplatePart> parts = templateParts(TokenType.CHEREDOC, open.flag(), open.start());
    Token close = next();
    return new Expr.TemplateExpr(parts, true, range(open, close));
  }

  private enum PieceKind {
    LIT,
    INTERP,
    IF,
    ELSE,
    ENDIF,
    FOR,
    ENDFOR
  }

  private static final class Piece {
    final PieceKind kind;
    final Token first;
    final Token last;
    String text;
    Expr expr;
    String keyVar;
    String valueVar;
    boolean stripLeft;
    boolean stripRight;

    Piece(PieceKind kind, Token first, Token last) {
      this.kind = kind;
      this.first = first;
      this.last = last;
    }
  }

  /** Reads template pieces up to (not including) {@code end}, then builds the part tree. */
  private List<TemplatePart> templateParts(TokenType end, boolean flush, int openAt) {
    enter(peek());
    List<Piece> pieces = new ArrayList<>();
    while (true) {
      Token t = toks.get(pos);
      if (t.type() == end) {
        break;
      }
      switch (t.type()) {
        case TEMPLATE_LIT -> {
          pos++;
          Piece p = new Piece(PieceKind.LIT, t, t);
          p.text = t.value();
          pieces.add(p);
        }
        case TEMPLATE_INTERP -> {
          pos++;
          pushNl(false);
          Expr e = expression();
          Token close = expectSeqEnd("to close the interpolation");
          popNl();
          Piece p = new Piece(PieceKind.INTERP, t, close);
          p.expr = e;
          p.stripLeft = t.flag();
          p.stripRight = close.flag();
          pieces.add(p);
        }
        case TEMPLATE_CONTROL -> {
          pos++;
          pieces.add(directive(t));
        }
        case EOF -> throw sm.error(openAt, "unterminated template");
        default -> throw error(t, "unexpected " + describe(t) + " in template");
      }
    }
    // Same order as Terraform: strip markers act on the neighbouring literal token only (for
    // heredocs that is the text of one line), then <<- indentation is removed.
    applyStripMarkers(pieces);
    if (flush) {
      flushIndent(pieces);
    }
    int[] idx = {0};
    List<TemplatePart> parts = buildParts(pieces, idx, Set.of());
    leave();
    return parts;
  }

  private Token expectSeqEnd(String context) {
    Token close = peek();
    if (close.type() != TokenType.TEMPLATE_SEQ_END) {
      throw error(close, "expected '}' " + context + ", found " + describe(close));
    }
    return next();
  }

  private Piece directive(Token open) {
    pushNl(false);
    Token kw = peek();
    if (kw.type() != TokenType.IDENT) {
      throw error(kw, "expected if, else, endif, for or endfor after '%{', found " + describe(kw));
    }
    next();
    Piece p;
    switch (kw.text()) {
      case "if" -> {
        Expr cond = expression();
        p = new Piece(PieceKind.IF, open, expectSeqEnd("to close %{if ...}"));
        p.expr = cond;
      }
      case "else" -> p = new Piece(PieceKind.ELSE, open, expectSeqEnd("after %{else"));
      case "endif" -> p = new Piece(PieceKind.ENDIF, open, expectSeqEnd("after %{endif"));
      case "endfor" -> p = new Piece(PieceKind.ENDFOR, open, expectSeqEnd("after %{endfor"));
      case "for" -> p = forDirective(open);
      default ->
          throw error(
              kw,
              "unknown template directive \""
                  + kw.text()
                  + "\"; expected if, else, endif, for or endfor");
    }
    popNl();
    p.stripLeft = open.flag();
    p.stripRight = p.last.flag();
    return p;
  }

  /** After {@code %{for}: its variables, the collection and the closing '}'. */
  private Piece forDirective(Token open) {
    Token first = peek();
    if (first.type() != TokenType.IDENT) {
      throw error(first, "expected a variable name after %{for, found " + describe(first));
    }
    next();
    String keyVar = null;
    String valueVar = first.text();
    if (at(TokenType.COMMA)) {
      next();
      Token second = peek();
      if (second.type() != TokenType.IDENT) {
        throw error(
            second, "expected a variable name after ',' in %{for, found " + describe(second));
      }
      next();
      keyVar = first.text();
      valueVar = second.text();
    }
    if (!atKeyword("in")) {
      throw error(peek(), "expected 'in' in %{for ...}, found " + describe(peek()));
    }
    next();
    Expr coll = expression();
    Piece p = new Piece(PieceKind.FOR, open, expectSeqEnd("to close %{for ...}"));
    p.keyVar = keyVar;
    p.valueVar = valueVar;
    p.expr = coll;
    return p;
  }

  /**
   * {@code <<-} heredocs: finds the smallest indentation among lines that start with literal text
   * (lines holding only whitespace are ignored; a line starting with an interpolation or directive,
   * or whose indentation was removed by a {@code ~} strip marker, counts as indentation 0) and
   * removes that many leading characters from each such line.
   */
  private static void flushIndent(List<Piece> pieces) {
    int min = Integer.MAX_VALUE;
    List<Piece> adjust = new ArrayList<>();
    boolean lineStart = true;
    for (Piece p : pieces) {
      if (lineStart) {
        if (p.kind == PieceKind.LIT) {
          String text = p.text;
          int ws = 0;
          while (ws < text.length()
              && Character.isWhitespace(text.charAt(ws))
              && text.charAt(ws) != '\n') {
            ws++;
          }
          boolean blank = ws == text.length() - 1 && text.endsWith("\n") || text.equals("\n");
          if (!blank) {
            min = Math.min(min, text.codePointCount(0, ws));
            adjust.add(p);
          }
        } else {
          min = 0;
        }
      }
      lineStart = p.kind == PieceKind.LIT && p.text.endsWith("\n");
    }
    if (min == Integer.MAX_VALUE || min == 0) {
      return;
    }
    for (Piece p : adjust) {
      p.text = p.text.substring(p.text.offsetByCodePoints(0, min));
    }
  }

  private static void applyStripMarkers(List<Piece> pieces) {
    for (int k = 0; k < pieces.size(); k++) {
      Piece p = pieces.get(k);
      if (p.kind == PieceKind.LIT) {
        continue;
      }
      if (p.stripLeft && k > 0 && pieces.get(k - 1).kind == PieceKind.LIT) {
        Piece lit = pieces.get(k - 1);
        int e = lit.text.length();
        while (e > 0 && Character.isWhitespace(lit.text.charAt(e - 1))) {
          e--;
        }
        lit.text = lit.text.substring(0, e);
      }
      if (p.stripRight && k + 1 < pieces.size() && pieces.get(k + 1).kind == PieceKind.LIT) {
        Piece lit = pieces.get(k + 1);
        int b = 0;
        while (b < lit.text.length() && Character.isWhitespace(lit.text.charAt(b))) {
          b++;
        }
        lit.text = lit.text.substring(b);
      }
    }
  }

  private List<TemplatePart> buildParts(List<Piece> pieces, int[] idx, Set<PieceKind> stopAt) {
    List<TemplatePart> parts = new ArrayList<>();
    while (idx[0] < pieces.size()) {
      Piece p = pieces.get(idx[0]);
      switch (p.kind) {
        case LIT -> {
          TemplatePart.Literal literal = literalRun(pieces, idx);
          if (literal != null) {
            parts.add(literal);
          }
        }
        case INTERP -> {
          idx[0]++;
          parts.add(
              new TemplatePart.Interpolation(
                  p.expr, p.stripLeft, p.stripRight, range(p.first, p.last)));
        }
        case IF -> parts.add(ifPart(p, pieces, idx));
        case FOR -> parts.add(forPart(p, pieces, idx));
        default -> {
          if (stopAt.contains(p.kind)) {
            return parts;
          }
          String word = p.kind.name().toLowerCase();
          throw error(
              p.first,
              "unexpected %{"
                  + word
                  + "} without a matching "
                  + (p.kind == PieceKind.ENDFOR ? "%{for}" : "%{if}"));
        }
      }
    }
    return parts;
  }

  /** Merges a run of literal pieces (heredocs have one per line); null when it is empty. */
  private TemplatePart.Literal literalRun(List<Piece> pieces, int[] idx) {
    StringBuilder text = new StringBuilder();
    Piece first = pieces.get(idx[0]);
    Piece last = first;
    while (idx[0] < pieces.size() && pieces.get(idx[0]).kind == PieceKind.LIT) {
      last = pieces.get(idx[0]++);
      text.append(last.text);
    }
    return text.length() > 0
        ? new TemplatePart.Literal(text.toString(), range(first.first, last.last))
        : null;
  }

  /** From {@code %{if}} at {@code idx} through its {@code %{endif}}. */
  private TemplatePart.If ifPart(Piece p, List<Piece> pieces, int[] idx) {
    enter(p.first);
    idx[0]++;
    List<TemplatePart> then = buildParts(pieces, idx, Set.of(PieceKind.ELSE, PieceKind.ENDIF));
    List<TemplatePart> otherwise = List.of();
    boolean hasElse = false;
    if (idx[0] < pieces.size() && pieces.get(idx[0]).kind == PieceKind.ELSE) {
      hasElse = true;
      idx[0]++;
      otherwise = buildParts(pieces, idx, Set.of(PieceKind.ENDIF));
    }
    if (idx[0] >= pieces.size() || pieces.get(idx[0]).kind != PieceKind.ENDIF) {
      throw error(p.first, "%{if} without a matching %{endif}");
    }
    Piece end = pieces.get(idx[0]++);
    TemplatePart.If part =
        new TemplatePart.If(p.expr, then, otherwise, hasElse, range(p.first, end.last));
    leave();
    return part;
  }

  /** From {@code %{for}} at {@code idx} through its {@code %{endfor}}. */
  private TemplatePart.For forPart(Piece p, List<Piece> pieces, int[] idx) {
    enter(p.first);
    idx[0]++;
    List<TemplatePart> body = buildParts(pieces, idx, Set.of(PieceKind.ENDFOR));
    if (idx[0] >= pieces.size() || pieces.get(idx[0]).kind != PieceKind.ENDFOR) {
      throw error(p.first, "%{for} without a matching %{endfor}");
    }
    Piece end = pieces.get(idx[0]++);
    TemplatePart.For part =
        new TemplatePart.For(p.keyVar, p.valueVar, p.expr, body, range(p.first, end.last));
    leave();
    return part;
  }
}
