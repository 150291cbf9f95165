package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import java.util.List;
import java.util.Locale;

/**
 * The methods and routes an app adds to its APIs: {@code api.root.addResource('orders')
 * .addMethod('POST', new LambdaIntegration(fn))} on a REST API and {@code httpApi.addRoutes({path,
 * methods, integration: new HttpLambdaIntegration('Id', fn)})} on an HTTP API. Each Lambda
 * integration becomes the integration the construct synthesises, named by its construct path
 * ({@code ApiStack/OrdersApi/Default/orders/POST}) where the resource chain can be followed.
 */
final class ApiRoutes {
  private static final int MAX_DEPTH = 16;

  private ApiRoutes() {}

  /** A REST API resource: the API and its path below the root ("" for the root). */
  private record ApiPath(ResourceRef api, String path) {}

  static void read(Expressions x, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      if (m.method().equals("addMethod")) addMethod(x, m.call(), m.receiver(), draft);
      else if (m.method().equals("addRoutes")) addRoutes(x, m.call(), m.receiver(), draft);
    }
  }

  private static void addMethod(Expressions x, JsNode call, JsNode receiver, Workload draft) {
    List<JsNode> args = JsFile.arguments(call);
    if (args.size() < 2) return;
    if (!(x.eval(args.get(1)).value() instanceof Expressions.Created integration)) return;
    ApiPath at = resourcePath(x, receiver, 0);
    if (at == null) return; // not a method of an API declared in this file
    String verb =
        x.eval(args.get(0)).value() instanceof String s ? s.toUpperCase(Locale.ROOT) : "METHOD";
    String id = at.api().id() + "/Default" + at.path() + "/" + verb;
    ApiMappers.restIntegration(x, at.api(), id, integration, x.at(call), draft);
  }

  private static void addRoutes(Expressions x, JsNode call, JsNode receiver, Workload draft) {
    List<JsNode> args = JsFile.arguments(call);
    if (args.isEmpty() || !(x.eval(receiver).value() instanceof ResourceRef api)) return;
    CdkProps route = CdkProps.of(x, args.get(0), x.at(call));
    if (!(route.raw("integration").get() instanceof Expressions.Created integration)) return;
    String path = route.str("path").orElse("?");
    ResourceRef bare = new ResourceRef(api.scope(), api.id(), null);
    ApiMappers.httpIntegration(
        x, bare, api.id() + "/Route:" + path, integration, x.at(call), draft);
  }

  /**
   * The API and resource path a REST method is added to: {@code api.root}, followed through {@code
   * addResource}, {@code resourceForPath}, {@code addProxy} and the names they are bound to; null
   * when the chain does not start at an API construct of the file.
   */
  private static ApiPath resourcePath(Expressions x, JsNode n, int depth) {
    if (n == null || depth > MAX_DEPTH) return null;
    n = n.unwrap();
    if (n.is("identifier")) {
      JsNode bound = x.file().binding(n.text(), n);
      return bound == null ? null : resourcePath(x, bound, depth + 1);
    }
    if (n.is("member_expression") && n.field("property") != null) {
      String property = n.field("property").text();
      JsNode object = n.field("object");
      if (object.unwrap().is("this")) {
        JsNode bound = x.file().thisBinding(property, n);
        return bound == null ? null : resourcePath(x, bound, depth + 1);
      }
      if (!property.equals("root")) return null;
      Evaluated api = x.eval(object);
      return api.value() instanceof ResourceRef r
          ? new ApiPath(new ResourceRef(r.scope(), r.id(), null), "")
          : null;
    }
    if (n.is("call_expression")
        && n.field("function") != null
        && n.field("function").is("member_expression")) {
      JsNode fn = n.field("function");
      ApiPath owner = resourcePath(x, fn.field("object"), depth + 1);
      if (owner == null || fn.field("property") == null) return null;
      List<JsNode> args = JsFile.arguments(n);
      Object part = args.isEmpty() ? null : x.eval(args.get(0)).value();
      String segment = part instanceof String s ? s : "?";
      return switch (fn.field("property").text()) {
        case "addResource", "resourceForPath" ->
            new ApiPath(owner.api(), owner.path() + "/" + stripLeadingSlashes(segment));
        case "addProxy" -> new ApiPath(owner.api(), owner.path() + "/{proxy+}");
        default -> null;
      };
    }
    return null;
  }

  private static String stripLeadingSlashes(String segment) {
    int from = 0;
    while (from < segment.length() && segment.charAt(from) == '/') from++;
    return segment.substring(from);
  }
}
