package dev.relplan.parse.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An unevaluated HCL expression. Every node carries the {@link SourceRange} it was parsed from.
 * Optional components (for-expression key variables and conditions) are {@code null} when absent.
 *
 * <p>{@link #source()} re-prints the expression in canonical HCL form (see {@link HclPrinter}); for
 * the exact original text use {@link HclFile#text(SourceRange)}.
 */
public sealed interface Expr {
  SourceRange range();

  /** Canonical HCL text of this expression, e.g. {@code var.multi_az ? 1 : 0}. */
  default String source() {
    return HclPrinter.print(this);
  }

  /** A number literal. A minus sign directly before a number literal is folded into it. */
  record NumberLit(BigDecimal value, SourceRange range) implements Expr {
    public NumberLit {
      Objects.requireNonNull(value, "value");
    }
  }

  /** {@code true} or {@code false}. */
  record BoolLit(boolean value, SourceRange range) implements Expr {}

  /** {@code null}. */
  record NullLit(SourceRange range) implements Expr {}

  /**
   * A template: a quoted string ({@code heredoc == false}) or a heredoc. Escapes are decoded in the
   * literal parts, {@code ~} strip markers have been applied to the neighbouring literals, and
   * {@code <<-} heredocs have had their common indentation removed. Adjacent literal parts are
   * merged.
   */
  record TemplateExpr(List<TemplatePart> parts, boolean heredoc, SourceRange range)
      implements Expr {
    public TemplateExpr {
      parts = List.copyOf(parts);
    }

    /** The string value when the template has no interpolations or directives. */
    public Optional<String> literalValue() {
      StringBuilder sb = new StringBuilder();
      for (TemplatePart p : parts) {
        if (!(p instanceof TemplatePart.Literal l)) {
          return Optional.empty();
        }
        sb.append(l.text());
      }
      return Optional.of(sb.toString());
    }

    /**
     * The wrapped expression when the template is exactly one interpolation, like {@code
     * "${var.x}"} (HCL evaluates such a template to the expression's own value).
     */
    public Optional<Expr> singleInterpolation() {
      if (parts.size() == 1 && parts.get(0) instanceof TemplatePart.Interpolation i) {
        return Optional.of(i.expr());
      }
      return Optional.empty();
    }
  }

  /**
   * A reference to a variable root such as {@code var}, {@code local}, {@code module}, {@code
   * each}, {@code count} or a resource type, followed by attribute steps and literal index steps:
   * {@code aws_s3_bucket.b.arn}, {@code var.subnets[0]}, {@code each.value["name"]}. A bare
   * identifier is a traversal with no steps. An index with a non-literal key ends the traversal and
   * becomes an {@link Index} around it.
   */
  record ScopeTraversal(String root, List<Traverser> steps, SourceRange range) implements Expr {
    public ScopeTraversal {
      Objects.requireNonNull(root, "root");
      steps = List.copyOf(steps);
    }

    /** The traversal as text, e.g. {@code var.subnets[0].id}. */
    public String path() {
      return HclPrinter.print(this);
    }

    /** The names of the leading attribute steps after the root ({@code ["b", "arn"]}). */
    public List<String> attributeNames() {
      List<String> out = new java.util.ArrayList<>();
      for (Traverser t : steps) {
        if (!(t instanceof Traverser.AttrStep a)) {
          break;
        }
        out.add(a.name());
      }
      return out;
    }
  }

  /** Attribute access on an arbitrary expression: {@code func(x).name}. */
  record GetAttr(Expr object, String name, SourceRange range) implements Expr {}

  /** Index on an arbitrary expression or with a non-literal key: {@code var.m[local.k]}. */
  record Index(Expr collection, Expr key, SourceRange range) implements Expr {}

  /**
   * A splat. {@code full} is true for {@code [*]} and false for the attribute-only {@code .*}.
   * {@code each} are the steps applied to every element ({@code .id} in {@code
   * aws_instance.x[*].id}); their index keys may be any expression.
   */
  record Splat(Expr target, boolean full, List<Traverser> each, SourceRange range) implements Expr {
    public Splat {
      each = List.copyOf(each);
    }
  }

  /**
   * A function call. {@code name} may be namespaced ({@code provider::aws::arn_parse}). {@code
   * expandFinal} is true when the last argument is followed by {@code ...}.
   */
  record FunctionCall(String name, List<Expr> args, boolean expandFinal, SourceRange range)
      implements Expr {
    public FunctionCall {
      args = List.copyOf(args);
    }
  }

  /** A tuple constructor {@code [a, b]}. */
  record Tuple(List<Expr> items, SourceRange range) implements Expr {
    public Tuple {
      items = List.copyOf(items);
    }
  }

  /** An object constructor {@code {k = v, "k2": v2, (expr) = v3}}. */
  record ObjectCons(List<ObjectItem> items, SourceRange range) implements Expr {
    public ObjectCons {
      items = List.copyOf(items);
    }

    /** The value of the first item whose key is the literal {@code key}. */
    public Optional<Expr> get(String key) {
      for (ObjectItem item : items) {
        if (item.literalKey().filter(key::equals).isPresent()) {
          return Optional.of(item.value());
        }
      }
      return Optional.empty();
    }
  }

  /**
   * One item of an object constructor. A bare identifier key is kept as a {@link ScopeTraversal}
   * without steps (HCL treats it as the literal name); a parenthesized key is a {@link Parens}.
   */
  record ObjectItem(Expr key, Expr value, SourceRange range) {
    /** The key as a string when it is a bare identifier, a literal string or a number. */
    public Optional<String> literalKey() {
      if (key instanceof ScopeTraversal t && t.steps().isEmpty()) {
        return Optional.of(t.root());
      }
      if (key instanceof TemplateExpr t) {
        return t.literalValue();
      }
      if (key instanceof NumberLit n) {
        return Optional.of(n.value().toPlainString());
      }
      if (key instanceof BoolLit b) {
        return Optional.of(Boolean.toString(b.value()));
      }
      return Optional.empty();
    }
  }

  /** {@code condition ? trueResult : falseResult}. */
  record Conditional(Expr condition, Expr trueResult, Expr falseResult, SourceRange range)
      implements Expr {}

  /** A binary operation. */
  record Binary(BinaryOp op, Expr left, Expr right, SourceRange range) implements Expr {}

  /** {@code !x} or {@code -x}. */
  record Unary(UnaryOp op, Expr operand, SourceRange range) implements Expr {}

  /** A parenthesized expression, kept so that printing and positions stay faithful. */
  record Parens(Expr inner, SourceRange range) implements Expr {}

  /** {@code [for keyVar, valueVar in collection : value if condition]}. */
  record ForTuple(
      String keyVar,
      String valueVar,
      Expr collection,
      Expr value,
      Expr condition,
      SourceRange range)
      implements Expr {}

  /**
   * {@code {for keyVar, valueVar in collection : key => value if condition}}; {@code grouping} is
   * true when the value is followed by {@code ...}.
   */
  record ForObject(
      String keyVar,
      String valueVar,
      Expr collection,
      Expr key,
      Expr value,
      boolean grouping,
      Expr condition,
      SourceRange range)
      implements Expr {}

  /** Binary operators with HCL precedence (higher binds tighter). */
  enum BinaryOp {
    OR("||", 1),
    AND("&&", 2),
    EQUAL("==", 3),
    NOT_EQUAL("!=", 3),
    LESS("<", 4),
    GREATER(">", 4),
    LESS_OR_EQUAL("<=", 4),
    GREATER_OR_EQUAL(">=", 4),
    ADD("+", 5),
    SUBTRACT("-", 5),
    MULTIPLY("*", 6),
    DIVIDE("/", 6),
    MODULO("%", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
      this.symbol = symbol;
      this.precedence = precedence;
    }

    public String symbol() {
      return symbol;
    }

    public int precedence() {
      return precedence;
    }
  }

  /** Unary operators. */
  enum UnaryOp {
    NOT("!"),
    NEGATE("-");

    private final String symbol;

    UnaryOp(String symbol) {
      this.symbol = symbol;
    }

    public String symbol() {
      return symbol;
    }
  }
}
