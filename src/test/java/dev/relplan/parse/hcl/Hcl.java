package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Small helpers shared by the HCL tests. */
final class Hcl {
  private Hcl() {}

  static HclFile parse(String content) {
    return HclParser.parse("t.tf", content);
  }

  static Expr expr(String source) {
    return HclParser.parseExpression("t.tf", source);
  }

  /** The value of the only attribute of a one-line file {@code a = <source>}. */
  static Expr attrValue(String source) {
    return parse("a = " + source + "\n").body().attribute("a").orElseThrow().value();
  }

  static HclSyntaxException error(String content) {
    HclSyntaxException e =
        catchThrowableOfType(HclSyntaxException.class, () -> HclParser.parse("t.tf", content));
    assertThat(e).as("expected a syntax error for %s", content).isNotNull();
    return e;
  }

  static String resource(String name) {
    try (InputStream in = Hcl.class.getResourceAsStream("/hcl/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Fully parenthesized rendering of operators, to make precedence visible in assertions. */
  static String shape(Expr e) {
    if (e instanceof Expr.Binary b) {
      return "(" + shape(b.left()) + " " + b.op().symbol() + " " + shape(b.right()) + ")";
    }
    if (e instanceof Expr.Unary u) {
      return "(" + u.op().symbol() + shape(u.operand()) + ")";
    }
    if (e instanceof Expr.Conditional c) {
      return "("
          + shape(c.condition())
          + " ? "
          + shape(c.trueResult())
          + " : "
          + shape(c.falseResult())
          + ")";
    }
    if (e instanceof Expr.Parens p) {
      return "[" + shape(p.inner()) + "]";
    }
    return e.source();
  }
}
