package dev.relplan.parse.hcl;

import java.util.List;

/** A part of a {@link Expr.TemplateExpr}. */
public sealed interface TemplatePart {
  SourceRange range();

  /** Literal text (escapes decoded, strip markers and heredoc indentation applied). */
  record Literal(String text, SourceRange range) implements TemplatePart {}

  /** {@code ${expr}}; the flags record {@code ${~} and {@code ~}} strip markers. */
  record Interpolation(Expr expr, boolean stripLeft, boolean stripRight, SourceRange range)
      implements TemplatePart {}

  /**
   * {@code %{if condition}...%{else}...%{endif}}; {@code otherwise} is empty when there is no
   * {@code %{else}} branch (see {@code hasElse}).
   */
  record If(
      Expr condition,
      List<TemplatePart> then,
      List<TemplatePart> otherwise,
      boolean hasElse,
      SourceRange range)
      implements TemplatePart {
    public If {
      then = List.copyOf(then);
      otherwise = List.copyOf(otherwise);
    }
  }

  /** {@code %{for keyVar, valueVar in collection}...%{endfor}}; {@code keyVar} may be null. */
  record For(
      String keyVar, String valueVar, Expr collection, List<TemplatePart> body, SourceRange range)
      implements TemplatePart {
    public For {
      body = List.copyOf(body);
    }
  }
}
