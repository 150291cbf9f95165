/**
 * HCL2 parsing for Terraform files, without evaluation.
 *
 * <h2>Entry points</h2>
 *
 * <ul>
 *   <li>{@link HclParser#parse(String, String)} for the native syntax ({@code .tf}, {@code
 *       .tfvars}).
 *   <li>{@link HclJsonParser#parse(String, String)} for the JSON syntax ({@code .tf.json}, {@code
 *       .tfvars.json}); see its documentation for how JSON maps onto blocks and attributes and
 *       where that mapping is approximate.
 *   <li>{@link HclParser#parseExpression(String, String)} for a single expression.
 * </ul>
 *
 * <p>Both return an immutable tree: {@link HclFile} → {@link Body} → {@link Attribute}s and {@link
 * Block}s, with unevaluated {@link Expr} values. Every node has a {@link SourceRange} (file,
 * 1-based line and column, end position, offsets). {@link HclFile#text(SourceRange)} returns the
 * original text of any node; {@link Expr#source()} re-prints an expression on one line; {@link
 * Exprs} walks expressions and lists references.
 *
 * <h2>Errors</h2>
 *
 * <p>Syntax errors throw {@link HclSyntaxException} (unchecked) with the path, line, column and a
 * message; parsing stops at the first error. No other exception escapes for any input text: nesting
 * is limited to {@link HclParser#MAX_NESTING_DEPTH} levels, a stack overflow on a very small thread
 * stack is reported as a located syntax error, and an unexpected internal failure would be reported
 * as a syntax error whose detail starts with {@code "internal parser error"}.
 *
 * <h2>Deliberate differences from Terraform's parser</h2>
 *
 * <ul>
 *   <li>Duplicate attributes in one body are kept, not rejected.
 *   <li>Columns count Unicode code points; Terraform counts grapheme clusters.
 *   <li>Trailing spaces or tabs after a heredoc opener ({@code <<EOT }) are accepted.
 * </ul>
 */
package dev.relplan.parse.hcl;
