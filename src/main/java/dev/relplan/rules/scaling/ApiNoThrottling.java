package dev.relplan.rules.scaling;

import dev.relplan.model.*;
import dev.relplan.rules.*;
import java.util.*;

/** API stages that accept any request rate up to the account limit. */
public final class ApiNoThrottling extends BaseRule {
  public ApiNoThrottling() {
    super(
        RuleMeta.builder("REL-API-NO-THROTTLING")
            .flag("SC-NO-THROTTLING")
            .domain(Domain.SCALING)
            .title("API has no throttling for overload")
            .bestPractices("REL05-BP02", "REL05-BP04")
            .impact(
                Impact.SEVERE,
                "A traffic spike or abusive client passes straight to the backends, which overload and fail for every caller.")
            .likelihood(
                Likelihood.MEDIUM,
                "Traffic spikes, retries and misbehaving clients are ordinary events.")
            .tier(Tier.QUICK_WIN)
            .effort("Hours: stage throttling and usage plans sized from load tests")
            .services("API Gateway")
            .remediation(
                "Set stage-level throttling (MethodSettings ThrottlingRateLimit/ThrottlingBurstLimit on /*/*, or DefaultRouteSettings for HTTP APIs) and per-client usage plans, sized from load tests.")
            .advice(
                Fix.in(
                        Dialect.SERVERLESS,
                        "Set stage-wide throttling on the framework's HTTP API stage: DefaultRouteSettings ThrottlingRateLimit and ThrottlingBurstLimit on HttpApiStage through resources.extensions, sized from load tests.",
                        """
                resources:
                  extensions:
                    HttpApiStage:
                      Properties:
                        DefaultRouteSettings:
                          ThrottlingRateLimit: 200
                          ThrottlingBurstLimit: 400
                """)
                    .on("AWS::ApiGatewayV2::Stage"),
                Fix.in(
                    Dialect.SERVERLESS,
                    "Throttle the REST API in serverless.yml: provider.apiGateway.usagePlan throttle rateLimit and burstLimit (with apiKeys for per-client plans), sized from load tests.",
                    """
                provider:
                  name: aws
                  apiGateway:
                    usagePlan:
                      throttle:
                        rateLimit: 200
                        burstLimit: 400
                """),
                Fix.in(
                        Dialect.SAM,
                        "Set stage-wide throttling on the HTTP API: DefaultRouteSettings ThrottlingRateLimit and ThrottlingBurstLimit, sized from load tests.",
                        """
                HttpApi:
                  Type: AWS::Serverless::HttpApi
                  Properties:
                    DefaultRouteSettings:
                      ThrottlingRateLimit: 200
                      ThrottlingBurstLimit: 400
                """)
                    .on("AWS::Serverless::HttpApi"),
                Fix.in(
                        Dialect.SAM,
                        "Set stage-wide throttling on the API: MethodSettings for ResourcePath /* and HttpMethod * with ThrottlingRateLimit and ThrottlingBurstLimit, and a usage plan per client, sized from load tests.",
                        """
                Api:
                  Type: AWS::Serverless::Api
                  Properties:
                    MethodSettings:
                      - ResourcePath: "/*"
                        HttpMethod: "*"
                        ThrottlingRateLimit: 200
                        ThrottlingBurstLimit: 400
                """)
                    .on("AWS::Serverless::Api"),
                Fix.in(
                        Dialect.CLOUDFORMATION,
                        "Set stage-wide throttling on the HTTP API stage: DefaultRouteSettings ThrottlingRateLimit and ThrottlingBurstLimit, sized from load tests.",
                        """
                Stage:
                  Type: AWS::ApiGatewayV2::Stage
                  Properties:
                    DefaultRouteSettings:
                      ThrottlingRateLimit: 200
                      ThrottlingBurstLimit: 400
                """)
                    .on("AWS::ApiGatewayV2::Stage"),
                Fix.in(
                    Dialect.CLOUDFORMATION,
                    "Set stage-wide throttling: MethodSettings for ResourcePath /* and HttpMethod * with ThrottlingRateLimit and ThrottlingBurstLimit, and an AWS::ApiGateway::UsagePlan per client, sized from load tests.",
                    """
                Stage:
                  Type: AWS::ApiGateway::Stage
                  Properties:
                    MethodSettings:
                      - ResourcePath: "/*"
                        HttpMethod: "*"
                        ThrottlingRateLimit: 200
                        ThrottlingBurstLimit: 400
                """),
                Fix.in(
                        Dialect.TERRAFORM,
                        "Set stage-wide throttling on the HTTP API stage: default_route_settings with throttling_rate_limit and throttling_burst_limit, sized from load tests.",
                        """
                resource "aws_apigatewayv2_stage" "prod" {
                  # ...
                  default_route_settings {
                    throttling_rate_limit  = 200
                    throttling_burst_limit = 400
                  }
                }
                """)
                    .on("aws_apigatewayv2_stage"),
                Fix.in(
                    Dialect.TERRAFORM,
                    "Set stage-wide throttling with an aws_api_gateway_method_settings for method_path \"*/*\" (settings throttling_rate_limit and throttling_burst_limit), and an aws_api_gateway_usage_plan per client, sized from load tests.",
                    """
                resource "aws_api_gateway_method_settings" "all" {
                  rest_api_id = aws_api_gateway_rest_api.api.id
                  stage_name  = aws_api_gateway_stage.prod.stage_name
                  method_path = "*/*"
                  settings {
                    throttling_rate_limit  = 200
                    throttling_burst_limit = 400
                  }
                }
                """),
                Fix.in(
                        Dialect.CDK,
                        "Set throttlingRateLimit and throttlingBurstLimit in the RestApi's deployOptions (they apply to every method of the stage), or throttle clients with a usage plan (api.addUsagePlan), sized from load tests.",
                        """
                new apigateway.RestApi(this, 'Api', {
                  deployOptions: { throttlingRateLimit: 100, throttlingBurstLimit: 200 },
                });
                """)
                    .on("AWS::ApiGateway::Stage"),
                Fix.in(
                        Dialect.CDK,
                        "The HttpApi's default stage takes no throttle: set createDefaultStage: false and add an HttpStage with throttle rateLimit and burstLimit, sized from load tests.",
                        """
                const api = new apigwv2.HttpApi(this, 'Api', { createDefaultStage: false });
                new apigwv2.HttpStage(this, 'Live', {
                  httpApi: api,
                  autoDeploy: true,
                  throttle: { rateLimit: 100, burstLimit: 200 },
                });
                """)
                    .on("AWS::ApiGatewayV2::Stage"))
            .formats(InputFormat.CLOUDFORMATION, InputFormat.TERRAFORM, InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    for (ApiStage s : w.all(ApiStage.class)) {
      boolean usagePlan =
          w.all(UsagePlan.class).stream()
              .anyMatch(
                  u ->
                      u.throttleRate.present()
                          && u.apis.present()
                          && u.apis.get().stream()
                              .anyMatch(
                                  a ->
                                      a instanceof ResourceRef r
                                          && s.api.get() instanceof ResourceRef sr
                                          && r.key().equals(sr.key())));
      if (s.throttleRate.present() || s.throttleBurst.present() || usagePlan) {
        out.strength(
            this,
            "API stage " + s.id + " is throttled",
            Findings.evidence(s, s.throttleRate, s.throttleBurst));
      } else if (s.throttleRate.unresolved() || s.throttleBurst.unresolved()) {
        out.report(this, s, "", "", s.throttleRate.unresolved() ? s.throttleRate : s.throttleBurst);
      } else {
        out.report(
            this,
            s,
            "API stage " + s.id + " has no throttling",
            (s.apiKind.equals("HTTP") ? "HTTP API" : "REST API")
                + " stage "
                + s.id
                + " sets no stage-level rate or burst limit and no usage plan throttles it: only the account-wide Regional limit applies.");
      }
    }
  }
}
