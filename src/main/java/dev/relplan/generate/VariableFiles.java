package dev.relplan.generate;

import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import dev.relplan.source.Location;
import java.util.List;

/**
 * A Terraform value given by a variable changed where it is given: the literal in the .tfvars file
 * the model traced it to (the file the assessment read for the environment), not where it is used.
 */
final class VariableFiles {
  /** The edit of the variable file, and the line the README lists. */
  record Given(FixOutcome.Edit edit, String described) {}

  private VariableFiles() {}

  /**
   * The edit setting {@code var.NAME} of {@code use} to {@code value} in the .tfvars file of the
   * trace, or null when the use is not a plain variable or the file does not give it a literal.
   */
  static Given set(FixTarget t, Expr use, List<Location> trace, String value)
      throws YamlTemplate.NotEditable {
    if (!(use instanceof Expr.ScopeTraversal v)
        || !v.root().equals("var")
        || v.attributeNames().size() != 1
        || v.steps().size() != 1) return null;
    String variable = v.attributeNames().get(0);
    for (Location given : trace) {
      if (!given.file().endsWith(".tfvars")) continue;
      HclFile tfvars = TerraformFixes.read(given.file(), t.file(given.file()).text);
      Attribute a = tfvars.body().attribute(variable).orElse(null);
      boolean literal =
          a != null
              && (a.value() instanceof Expr.NumberLit
                  || a.value() instanceof Expr.BoolLit
                  || FailureQueues.literal(a.value()) != null);
      if (literal && a.range().line() == given.line() && a.range().endLine() == given.line())
        return edit(t, tfvars, a, variable, value, given);
    }
    return null;
  }

  private static Given edit(
      FixTarget t, HclFile tfvars, Attribute a, String variable, String value, Location given) {
    String line = AttributeEdits.line(tfvars, a.range().line());
    String head = line.substring(0, line.indexOf('=', line.indexOf(variable) + variable.length()));
    return new Given(
        new FixOutcome.Edit(
            given.file(),
            new UnifiedDiff.Insertion(a.range().line() - 1, List.of(head + "= " + value), 1)),
        variable + " = " + value + " in " + t.texts.relative(given.file()));
  }
}
