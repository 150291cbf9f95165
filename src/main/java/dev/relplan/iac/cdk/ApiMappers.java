package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ApiIntegration;
import dev.relplan.model.ApiStage;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;

/**
 * API Gateway constructs: {@code apigateway.RestApi} and {@code LambdaRestApi} (a deployment stage,
 * by default named prod), {@code apigatewayv2.HttpApi} (the $default stage), and the Lambda
 * integrations their methods and routes are given ({@code LambdaIntegration}, {@code
 * HttpLambdaIntegration}): the integrations are what put a function on the request path, with the
 * integration timeout the function must stay under.
 */
final class ApiMappers {
  private ApiMappers() {}

  /** REST integrations wait 29 seconds unless {@code timeout} says otherwise. */
  static final int REST_TIMEOUT_MILLIS = 29_000;

  /** The HTTP API Lambda integration's documented default, also 29 seconds. */
  static final int HTTP_TIMEOUT_MILLIS = 29_000;

  static void restApi(Construct c, Workload draft) {
    CdkProps p = c.props();
    Value<Boolean> deploy = or(p.bool("deploy"), true, "deploys a stage");
    if (deploy.isFalse()) return; // the app deploys it with its own Deployment and Stage
    Value<String> stageName =
        or(
            p.str("deployOptions.stageName"),
            "prod",
            ConstructMappers.constructDefault(c, "deploys to a stage named prod"));
    String stageId =
        c.id() + "/DeploymentStage" + (stageName.present() ? "." + stageName.get() : "");
    ApiStage s = new ApiStage(c.scope(), stageId, "AWS::ApiGateway::Stage", c.location());
    s.apiKind = "REST";
    s.api = Value.explicit(c.ref(), List.of(c.location()));
    s.stageName = stageName;
    // Method options on the stage apply to every method ("/*/*").
    s.throttleRate = p.number("deployOptions.throttlingRateLimit");
    s.throttleBurst = p.number("deployOptions.throttlingBurstLimit");
    c.add(s, draft);
  }

  /** A REST API whose every request goes to one function (a proxy on the root and {proxy+}). */
  static void lambdaRestApi(Construct c, Workload draft) {
    restApi(c, draft);
    CdkProps p = c.props();
    Value<Object> handler = p.ref("handler");
    if (!(handler.get() instanceof ResourceRef)) return;
    ApiIntegration i =
        new ApiIntegration(
            c.scope(), c.id() + "/Default/ANY", "AWS::ApiGateway::Method", c.location());
    i.apiKind = "REST";
    i.api = Value.explicit(c.ref(), List.of(c.location()));
    i.function = handler;
    i.timeoutMillis =
        timeout(
            p.child("integrationOptions"),
            REST_TIMEOUT_MILLIS,
            ConstructMappers.constructDefault(
                c,
                "gives its Lambda integration a 29-second timeout (IntegrationOptions.timeout)"));
    c.add(i, draft);
  }

  static void httpApi(Construct c, Workload draft) {
    CdkProps p = c.props();
    Value<Boolean> stage = or(p.bool("createDefaultStage"), true, "creates the $default stage");
    if (!stage.isFalse()) {
      ApiStage s =
          new ApiStage(
              c.scope(), c.id() + "/DefaultStage", "AWS::ApiGatewayV2::Stage", c.location());
      s.apiKind = "HTTP";
      s.api = Value.explicit(c.ref(), List.of(c.location()));
      s.stageName =
          Value.defaulted(
              "$default", ConstructMappers.constructDefault(c, "creates the $default stage"));
      c.add(s, draft);
    }
    if (p.has("defaultIntegration")) {
      Value<Object> integration = p.raw("defaultIntegration");
      if (integration.get() instanceof Expressions.Created created)
        httpIntegration(
            p.expressions(), c.ref(), c.id() + "/DefaultRoute", created, c.location(), draft);
    }
  }

  /** An HTTP API stage added by the app, with its throttle. */
  static void httpStage(Construct c, Workload draft) {
    CdkProps p = c.props();
    ApiStage s = new ApiStage(c.scope(), c.id(), "AWS::ApiGatewayV2::Stage", c.location());
    s.apiKind = "HTTP";
    s.api = p.ref("httpApi");
    s.stageName =
        or(
            p.str("stageName"),
            "$default",
            ConstructMappers.constructDefault(c, "is the $default stage unless stageName is set"));
    s.throttleRate = p.number("throttle.rateLimit");
    s.throttleBurst = p.number("throttle.burstLimit");
    c.add(s, draft);
  }

  /**
   * An integration's timeout in milliseconds from its options' {@code timeout} Duration, else the
   * construct's default.
   */
  static Value<Integer> timeout(CdkProps options, int fallback, String why) {
    Value<Object> raw = options.raw("timeout");
    if (raw.present() && raw.get() instanceof Expressions.Duration d)
      return Value.explicit(d.seconds().multiply(BigDecimal.valueOf(1000)).intValue(), raw.trace());
    if (raw.present())
      return Value.unresolved("expected a Duration, found " + raw.get(), raw.trace());
    return or(raw.map(o -> (Integer) null), fallback, why);
  }

  /**
   * A Lambda integration construct: its class, which argument is the function, what it synthesises
   * and its default timeout.
   */
  private record Integration(
      String construct,
      int functionArgument,
      String type,
      String declaredType,
      String apiKind,
      int timeoutMillis) {}

  private static final Integration HTTP_LAMBDA =
      new Integration(
          "HttpLambdaIntegration",
          1,
          "AWS::ApiGatewayV2::Integration",
          "aws-cdk-lib.aws_apigatewayv2_integrations.HttpLambdaIntegration",
          "HTTP",
          HTTP_TIMEOUT_MILLIS);

  private static final Integration REST_LAMBDA =
      new Integration(
          "LambdaIntegration",
          0,
          "AWS::ApiGateway::Method",
          "aws-cdk-lib.aws_apigateway.LambdaIntegration",
          "REST",
          REST_TIMEOUT_MILLIS);

  /**
   * {@code new HttpLambdaIntegration('Id', fn, {timeout})} given to an HTTP API's route: an
   * integration of the function, when the function is a construct of the file.
   */
  static void httpIntegration(
      Expressions x,
      ResourceRef api,
      String id,
      Expressions.Created created,
      Location at,
      Workload draft) {
    integration(HTTP_LAMBDA, x, api, id, created, at, draft);
  }

  /** {@code new LambdaIntegration(fn, {timeout})} given to a REST API method. */
  static void restIntegration(
      Expressions x,
      ResourceRef api,
      String id,
      Expressions.Created created,
      Location at,
      Workload draft) {
    integration(REST_LAMBDA, x, api, id, created, at, draft);
  }

  private static void integration(
      Integration kind,
      Expressions x,
      ResourceRef api,
      String id,
      Expressions.Created created,
      Location at,
      Workload draft) {
    if (!isLambdaIntegration(created.name(), kind.construct())) return;
    List<JsNode> args = JsFile.arguments(created.node());
    if (args.size() <= kind.functionArgument()) return;
    Evaluated fn = x.eval(args.get(kind.functionArgument()));
    if (!(fn.value() instanceof ResourceRef function)) return;
    ApiIntegration i = new ApiIntegration(api.scope(), id, kind.type(), at);
    i.declaredType = kind.declaredType();
    i.apiKind = kind.apiKind();
    i.api = Value.explicit(api, List.of(at));
    i.function = Value.explicit(function, List.of(x.at(created.node())));
    int optionsArgument = kind.functionArgument() + 1;
    CdkProps options =
        CdkProps.of(
            x,
            args.size() > optionsArgument ? args.get(optionsArgument) : null,
            x.at(created.node()));
    i.timeoutMillis =
        timeout(
            options,
            kind.timeoutMillis(),
            "the AWS CDK integration "
                + kind.construct()
                + " times out after 29 seconds unless timeout is set");
    add(i, function, api, draft);
  }

  private static void add(ApiIntegration i, ResourceRef function, ResourceRef api, Workload draft) {
    i.references.addAll(Set.of(function, api));
    if (draft.get(i.key()) == null) draft.add(i);
  }

  /** Whether a created object is the construct library's Lambda integration of that class. */
  private static boolean isLambdaIntegration(String name, String className) {
    return name != null && name.endsWith("." + className) && name.startsWith("aws_apigateway");
  }
}
