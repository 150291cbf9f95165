package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Production;
import dev.relplan.model.Unknown;
import dev.relplan.parse.javascript.JsNode;

/**
 * Decides a condition that depends on the deployment environment the way a production deployment
 * would, as a production parameter file decides a CloudFormation condition: {@code stage ===
 * 'prod'} is true, {@code env === 'dev'} false, a flag named {@code isProd} true. A condition that
 * names no environment stays undecided.
 */
final class Environments {
  private static final int MAX_DEPTH = 8;

  private Environments() {}

  /**
   * True or false as production would decide the condition, or null when it names no environment.
   */
  static Boolean productionBranch(Expressions x, JsNode condition) {
    return decide(x, condition, 0);
  }

  private static Boolean decide(Expressions x, JsNode n, int depth) {
    if (n == null || depth > MAX_DEPTH) return null;
    n = n.unwrap();
    if (n.is("unary_expression") && n.text().startsWith("!")) {
      Boolean inner = decide(x, n.field("argument"), depth + 1);
      return inner == null ? null : !inner;
    }
    if (n.is("binary_expression")) return comparison(x, n);
    if (n.is("identifier")) {
      JsNode bound = x.file().binding(n.text(), n);
      if (bound != null) {
        Boolean decided = decide(x, bound, depth + 1);
        if (decided != null) return decided;
      }
      return byName(n.text());
    }
    if (n.is("member_expression") && n.field("property") != null)
      return byName(n.field("property").text());
    return null;
  }

  /** {@code stage === 'prod'}: the side that is a literal environment name decides. */
  private static Boolean comparison(Expressions x, JsNode n) {
    String text = n.text();
    boolean equal = text.contains("===") || text.contains("==");
    boolean unequal = text.contains("!==") || text.contains("!=");
    if (!equal && !unequal) return null;
    Evaluated left = x.eval(n.field("left"));
    Evaluated right = x.eval(n.field("right"));
    String literal =
        right.value() instanceof String r && left.value() instanceof Unknown
            ? r
            : left.value() instanceof String l && right.value() instanceof Unknown ? l : null;
    if (literal == null) return null;
    Boolean production = Production.classify(literal);
    if (production == null) return null;
    return unequal ? !production : production;
  }

  /** A flag named for an environment ({@code isProd}, {@code isDevelopment}). */
  static Boolean byName(String name) {
    String words = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    return Production.classify(words);
  }
}
