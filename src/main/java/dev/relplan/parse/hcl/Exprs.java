package dev.relplan.parse.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Helpers for walking expression trees. */
public final class Exprs {
  private Exprs() {}

  /** The direct sub-expressions of {@code e}, in source order (including those in templates). */
  public static List<Expr> children(Expr e) {
    List<Expr> out = new ArrayList<>();
    if (e instanceof Expr.TemplateExpr t) {
      addParts(t.parts(), out);
    } else if (e instanceof Expr.ScopeTraversal t) {
      addSteps(t.steps(), out);
    } else if (e instanceof Expr.GetAttr g) {
      out.add(g.object());
    } else if (e instanceof Expr.Index i) {
      out.add(i.collection());
      out.add(i.key());
    } else if (e instanceof Expr.Splat s) {
      out.add(s.target());
      addSteps(s.each(), out);
    } else if (e instanceof Expr.FunctionCall f) {
      out.addAll(f.args());
    } else if (e instanceof Expr.Tuple t) {
      out.addAll(t.items());
    } else if (e instanceof Expr.ObjectCons o) {
      for (Expr.ObjectItem item : o.items()) {
        out.add(item.key());
        out.add(item.value());
      }
    } else if (e instanceof Expr.Conditional c) {
      out.add(c.condition());
      out.add(c.trueResult());
      out.add(c.falseResult());
    } else if (e instanceof Expr.Binary b) {
      out.add(b.left());
      out.add(b.right());
    } else if (e instanceof Expr.Unary u) {
      out.add(u.operand());
    } else if (e instanceof Expr.Parens p) {
      out.add(p.inner());
    } else if (e instanceof Expr.ForTuple f) {
      out.add(f.collection());
      out.add(f.value());
      if (f.condition() != null) {
        out.add(f.condition());
      }
    } else if (e instanceof Expr.ForObject f) {
      out.add(f.collection());
      out.add(f.key());
      out.add(f.value());
      if (f.condition() != null) {
        out.add(f.condition());
      }
    }
    return out;
  }

  private static void addSteps(List<Traverser> steps, List<Expr> out) {
    for (Traverser t : steps) {
      if (t instanceof Traverser.IndexStep i) {
        out.add(i.key());
      }
    }
  }

  private static void addParts(List<TemplatePart> parts, List<Expr> out) {
    for (TemplatePart p : parts) {
      if (p instanceof TemplatePart.Interpolation i) {
        out.add(i.expr());
      } else if (p instanceof TemplatePart.If f) {
        out.add(f.condition());
        addParts(f.then(), out);
        addParts(f.otherwise(), out);
      } else if (p instanceof TemplatePart.For f) {
        out.add(f.collection());
        addParts(f.body(), out);
      }
    }
  }

  /** Visits {@code e} and all its sub-expressions, parents before children. */
  public static void walk(Expr e, Consumer<Expr> visitor) {
    visitor.accept(e);
    for (Expr child : children(e)) {
      walk(child, visitor);
    }
  }

  /**
   * All scope traversals in {@code e} (the variables it refers to, such as {@code var.x} or {@code
   * aws_s3_bucket.b.arn}), in source order. For-expression iteration variables are included as
   * written; callers that care can filter them by name.
   */
  public static List<Expr.ScopeTraversal> traversals(Expr e) {
    List<Expr.ScopeTraversal> out = new ArrayList<>();
    walk(
        e,
        x -> {
          if (x instanceof Expr.ScopeTraversal t) {
            out.add(t);
          }
        });
    return out;
  }
}
