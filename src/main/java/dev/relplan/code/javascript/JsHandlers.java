package dev.relplan.code.javascript;

import dev.relplan.code.HandlerCode;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;
import java.util.Set;

/**
 * A Node.js Lambda handler ({@code exports.handler = ...}, {@code module.exports.handler = ...},
 * {@code export const handler = ...}, {@code export async function handler}) and its idempotency:
 * Powertools for AWS Lambda (TypeScript) {@code makeIdempotent}, {@code @idempotent} or the Middy
 * middleware, or a DynamoDB conditional write ({@code ConditionExpression}).
 */
public final class JsHandlers {
  private static final Set<String> CONDITIONAL_COMMANDS =
      Set.of(
          "PutItemCommand",
          "UpdateItemCommand",
          "PutCommand",
          "UpdateCommand",
          "TransactWriteItemsCommand",
          "TransactWriteCommand",
          "DeleteItemCommand",
          "DeleteCommand");
  private static final Set<String> CONDITIONAL_METHODS =
      Set.of(
          "put",
          "update",
          "putItem",
          "updateItem",
          "transactWrite",
          "transactWriteItems",
          "delete",
          "deleteItem");

  private JsHandlers() {}

  /**
   * The exported handler in the file, or null when the file does not parse or exports no such
   * function.
   */
  public static HandlerCode find(SourceFile file, String function) {
    JsFile f = JavaScriptCodeScanner.parse(file);
    if (f == null) return null;
    JsNode definition = null;
    for (JsNode export : f.root.all("export_statement")) {
      JsNode declaration = export.field("declaration");
      if (declaration == null) continue;
      if (declaration.field("name") != null && declaration.field("name").text().equals(function))
        definition = declaration;
      for (JsNode d : declaration.children) {
        if (d.is("variable_declarator")
            && d.field("name") != null
            && d.field("name").text().equals(function)) definition = d;
      }
    }
    for (JsNode export : f.root.all("export_clause")) {
      // export { main as handler }: the local declaration of the exported name
      for (JsNode spec : export.children) {
        JsNode name = spec.field("name");
        JsNode alias = spec.field("alias");
        if (name == null || !(alias != null ? alias : name).text().equals(function)) continue;
        definition = localDeclaration(f, name.text());
        if (definition == null) definition = spec;
      }
    }
    for (JsNode a : f.root.all("assignment_expression")) {
      JsNode left = a.field("left");
      if (left == null) continue;
      String target = left.text().replaceAll("\\s+", "");
      if (target.equals("exports." + function) || target.equals("module.exports." + function))
        definition = a;
    }
    if (definition == null) return null;
    return new HandlerCode(f.at(definition), idempotency(f));
  }

  /** A module-level function declaration or variable declarator of that name, or null. */
  private static JsNode localDeclaration(JsFile f, String name) {
    for (JsNode d : f.root.all("function_declaration")) {
      if (d.function() == null && d.field("name") != null && d.field("name").text().equals(name))
        return d;
    }
    for (JsNode d : f.root.all("variable_declarator")) {
      if (d.function() == null && d.field("name") != null && d.field("name").text().equals(name))
        return d;
    }
    return null;
  }

  private static Value<String> idempotency(JsFile f) {
    for (JsNode c : f.calls()) {
      String q = f.qualify(c.field("function"));
      if (q != null
          && (q.startsWith("@aws-lambda-powertools/idempotency.")
              || q.startsWith("@aws-lambda-powertools/idempotency/"))) {
        String name = q.substring(q.lastIndexOf('.') + 1);
        if (name.equals("makeIdempotent")
            || name.equals("makeHandlerIdempotent")
            || name.equals("idempotent")) {
          return Value.explicit("Powertools " + JsCalls.shorten(c.text()), List.of(f.at(c)));
        }
      }
    }
    for (JsNode n : f.news()) {
      JsNode ctor = n.field("constructor");
      if (ctor == null || !CONDITIONAL_COMMANDS.contains(ctor.text())) continue;
      List<JsNode> args = JsFile.arguments(n);
      JsNode condition = args.isEmpty() ? null : f.options(args.get(0)).get("ConditionExpression");
      if (condition != null) {
        return Value.explicit(
            "conditional write: "
                + ctor.text()
                + "(ConditionExpression: "
                + JsCalls.shorten(condition.text())
                + ")",
            List.of(f.at(condition)));
      }
    }
    for (JsNode c : f.calls()) {
      JsNode fn = c.field("function");
      if (fn == null
          || !fn.is("member_expression")
          || fn.field("property") == null
          || !CONDITIONAL_METHODS.contains(fn.field("property").text())) continue;
      List<JsNode> args = JsFile.arguments(c);
      JsNode condition = args.isEmpty() ? null : f.options(args.get(0)).get("ConditionExpression");
      if (condition != null) {
        return Value.explicit(
            "conditional write: "
                + fn.field("property").text()
                + "(ConditionExpression: "
                + JsCalls.shorten(condition.text())
                + ")",
            List.of(f.at(condition)));
      }
    }
    return Value.absent();
  }
}
