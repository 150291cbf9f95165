package dev.relplan.parse.hcl;

/**
 * One step of a {@link Expr.ScopeTraversal} or of the per-element steps of a {@link Expr.Splat}.
 */
public sealed interface Traverser {
  SourceRange range();

  /** {@code .name}. */
  record AttrStep(String name, SourceRange range) implements Traverser {}

  /**
   * {@code [key]}, or the legacy {@code .0} form. In a scope traversal the key is always a literal
   * (number, string or bool); in splat steps it may be any expression.
   */
  record IndexStep(Expr key, SourceRange range) implements Traverser {}
}
