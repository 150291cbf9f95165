package dev.relplan.code.python;

import dev.relplan.code.HandlerCode;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.parse.python.PyParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.treesitter.TSTree;

/**
 * A Python Lambda handler and its idempotency: Powertools {@code @idempotent} /
 * {@code @idempotent_function}, or a DynamoDB conditional write ({@code ConditionExpression=}).
 */
public final class PythonHandlers {
  private PythonHandlers() {}

  /**
   * The handler function in the file, or null when the file does not parse or has no such
   * module-level function.
   */
  public static HandlerCode find(SourceFile file, String function) {
    TSTree tree = PyParser.tree(file.content());
    if (tree.getRootNode().hasError()) return null;
    PyFile f =
        new PyFile(
            file.display(),
            PyNode.copy(tree.getRootNode(), file.content().getBytes(StandardCharsets.UTF_8)));
    PyNode definition = null;
    for (PyNode def : f.root.all("function_definition")) {
      if (def.ancestor("function_definition") != null || def.ancestor("class_definition") != null)
        continue;
      if (def.field("name") != null && def.field("name").text().equals(function)) definition = def;
    }
    if (definition == null) return null;
    return new HandlerCode(f.at(definition), idempotency(f));
  }

  private static Value<String> idempotency(PyFile f) {
    for (PyNode d : f.root.all("decorator")) {
      if (d.children.isEmpty()) continue;
      PyNode expr = d.children.get(0);
      String q = f.qualify(expr.is("call") ? expr.field("function") : expr);
      if (q != null && q.startsWith("aws_lambda_powertools.utilities.idempotency.idempotent")) {
        return Value.explicit("Powertools @" + PyCalls.shorten(expr.text()), List.of(f.at(d)));
      }
    }
    for (PyNode call : f.root.all("call")) {
      PyNode condition = PyFile.kwargs(call).get("ConditionExpression");
      PyNode fn = call.field("function");
      String method =
          fn != null && fn.is("attribute") && fn.field("attribute") != null
              ? fn.field("attribute").text()
              : "";
      if (condition != null
          && (method.equals("put_item")
              || method.equals("update_item")
              || method.equals("transact_write_items"))) {
        return Value.explicit(
            "conditional write: "
                + method
                + "(ConditionExpression="
                + PyCalls.shorten(condition.text())
                + ")",
            List.of(f.at(condition)));
      }
    }
    return Value.absent();
  }
}
