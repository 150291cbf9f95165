package dev.relplan.iac.terraform;

import static dev.relplan.iac.terraform.FunctionArgs.bad;
import static dev.relplan.iac.terraform.FunctionArgs.need;
import static dev.relplan.iac.terraform.FunctionArgs.one;
import static dev.relplan.iac.terraform.FunctionArgs.str;
import static java.util.Map.entry;

import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Terraform's encoding functions: JSON both ways and base64. */
final class EncodingFunctions {
  private EncodingFunctions() {}

  static Map<String, HclFunction> table() {
    return Map.ofEntries(
        entry("jsonencode", EncodingFunctions::jsonencode),
        entry("jsondecode", EncodingFunctions::jsondecode),
        entry(
            "base64encode",
            a -> Base64.getEncoder().encodeToString(str(one(a)).getBytes(StandardCharsets.UTF_8))));
  }

  /** JSON text, or the structure itself when it holds values known only after apply. */
  private static Object jsonencode(List<Object> a) {
    need(a, 1, 1);
    Object v = a.get(0);
    return TfValues.notRenderable(v, 0) ? new TfValues.JsonText(v) : TfValues.json(v);
  }

  private static Object jsondecode(List<Object> a) {
    need(a, 1, 1);
    if (a.get(0) instanceof TfValues.JsonText j) return j.structure();
    try {
      return TfValues.fromNode(JsonLoader.load("jsondecode", str(a.get(0))), 0);
    } catch (ParseException e) {
      return bad("jsondecode: invalid JSON");
    }
  }
}
