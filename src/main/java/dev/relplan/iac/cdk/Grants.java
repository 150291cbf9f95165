package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Function;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;

/**
 * {@code table.grantReadWriteData(fn)}: the function is given access to the construct, which the
 * synthesised IAM policy names, so the function depends on it as on a resource its properties name.
 * The construct may be the stack's own or one passed in from another stack.
 */
final class Grants {
  private Grants() {}

  static void read(Expressions x, Workload draft) {
    for (Expressions.MethodCall c : x.methodCalls()) {
      if (!c.method().startsWith("grant")) continue;
      List<JsNode> args = JsFile.arguments(c.call());
      if (args.isEmpty()) continue;
      Evaluated granted = x.eval(c.receiver());
      Evaluated grantee = x.eval(args.get(0));
      if (granted.value() instanceof ResourceRef target
          && grantee.value() instanceof ResourceRef fn
          && draft.resolve(new ResourceRef(fn.scope(), fn.id(), null)) instanceof Function f)
        f.references.add(new ResourceRef(target.scope(), target.id(), null));
    }
  }
}
