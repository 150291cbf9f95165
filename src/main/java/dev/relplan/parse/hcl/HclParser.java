package dev.relplan.parse.hcl;

import java.util.Objects;

/**
 * Parser for the HCL2 native syntax ({@code .tf}, {@code .tfvars}, {@code .hcl}).
 *
 * <p>Hand-written lexer and recursive-descent parser; the result is an immutable AST of blocks,
 * attributes and unevaluated expressions, each with its file, line and column. The only exception
 * thrown for any input text is {@link HclSyntaxException} (null arguments throw {@link
 * NullPointerException}). Nesting of blocks, expressions and template directives is limited to
 * {@value #MAX_NESTING_DEPTH} levels; the caller is responsible for bounding input size.
 */
public final class HclParser {
  /**
   * Maximum nesting of blocks, expressions and template directives. Each operator of a chain
   * ({@code a + b + c}) and each attribute, index or splat applied to something other than a
   * variable reference adds a level too, so this also bounds the depth of every returned tree.
   * References such as {@code var.a.b[0].c} are flat and do not add levels per step.
   */
  public static final int MAX_NESTING_DEPTH = 256;

  private HclParser() {}

  /**
   * Parses a whole file.
   *
   * @param displayPath path used in positions and error messages (e.g. {@code infra/main.tf})
   * @param content the file content
   */
  public static HclFile parse(String displayPath, String content) throws HclSyntaxException {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(content, "content");
    SourceMap sm = new SourceMap(displayPath, content);
    return new HclFile(displayPath, Parser.parseFile(content, sm), content);
  }

  /**
   * Parses a file in the syntax its name implies: {@link HclJsonParser} for names ending in {@code
   * .json} ({@code .tf.json}, {@code .tfvars.json}), the native syntax otherwise.
   */
  public static HclFile parseBySuffix(String displayPath, String content)
      throws HclSyntaxException {
    Objects.requireNonNull(displayPath, "displayPath");
    return displayPath.endsWith(".json")
        ? HclJsonParser.parse(displayPath, content)
        : parse(displayPath, content);
  }

  /**
   * Parses a single expression (newlines are insignificant), e.g. {@code var.multi_az ? 1 : 0}.
   * Positions are relative to {@code expression} as if it were a file of its own.
   */
  public static Expr parseExpression(String displayPath, String expression)
      throws HclSyntaxException {
    Objects.requireNonNull(displayPath, "displayPath");
    Objects.requireNonNull(expression, "expression");
    return Parser.parseExpression(expression, new SourceMap(displayPath, expression));
  }
}
