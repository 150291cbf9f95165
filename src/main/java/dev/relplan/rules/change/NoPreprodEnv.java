package dev.relplan.rules.change;

import dev.relplan.model.*;
import dev.relplan.model.Production;
import dev.relplan.rules.*;
import java.util.*;

/** Nothing shows a pre-production environment built from the same definitions as production. */
public final class NoPreprodEnv extends BaseRule {
  public NoPreprodEnv() {
    super(
        RuleMeta.builder("REL-NO-PREPROD-ENV")
            .flag("CM-NO-PREPROD-ENV")
            .domain(Domain.CHANGE)
            .title("No pre-production environment mirrors production")
            .bestPractices("REL08-BP02", "REL08-BP03", "REL12-BP03")
            .impact(
                Impact.SEVERE,
                "Changes meet production topology, data volume and configuration for the first time in production.")
            .likelihood(
                Likelihood.MEDIUM, "Configuration and topology differences regularly hide defects.")
            .tier(Tier.STRATEGIC)
            .effort("Weeks: parameterize the templates per environment and deploy staging first")
            .services("CloudFormation", "CodePipeline")
            .remediation(
                "Deploy the same templates to a staging environment (an Environment parameter with per-environment parameter files, or separate stacks/accounts) and promote changes through it before production.")
            .advice(
                Fix.in(
                        Dialect.CDK,
                        "Instantiate the app's stacks a second time for a staging environment, in its own account or Region, with the same constructs and production-like properties, and promote each change through it (a CDK Pipelines stage per environment does both).",
                        """
                // bin/app.ts
                const app = new cdk.App();
                new OrdersStack(app, 'Orders-Staging', {
                  env: { account: '111111111111', region: 'eu-west-1' },
                  stage: 'staging',
                });
                new OrdersStack(app, 'Orders-Prod', {
                  env: { account: '222222222222', region: 'eu-west-1' },
                  stage: 'prod',
                });
                """)
                    .forRepositoryGap()
                    .effort(
                        "Weeks: a staging stack instance, its account, and promotion through it")
                    .involving("CloudFormation"),
                Fix.in(
                        Dialect.SERVERLESS,
                        "Deploy the same serverless.yml to a staging stage before production: the stage's own values under params (staging, prod), and a pipeline that runs serverless deploy --stage staging, tests it, then serverless deploy --stage prod.",
                        """
                params:
                  staging:
                    alertsEmail: team-staging@example.com
                  prod:
                    alertsEmail: team@example.com
                # CI: serverless deploy --stage staging, test, then serverless deploy --stage prod
                """)
                    .forRepositoryGap()
                    .effort(
                        "Days: a staging stage with its params and a pipeline promoting through it")
                    .involving("CloudFormation", "Lambda"),
                Fix.in(
                        Dialect.KUBERNETES,
                        "Render the same manifests for a staging environment (a Kustomize overlays/staging beside overlays/production, or a values-staging.yaml for the chart), deploy it to its own namespace or cluster, and promote each change through it before production (e.g. an Argo CD or Flux application per environment).",
                        """
                # overlays/staging/kustomization.yaml
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                namespace: shop-staging
                resources:
                  - ../../base
                """)
                    .forRepositoryGap()
                    .effort(
                        "Weeks: a staging overlay or values file, its own namespace or cluster, and promotion through it")
                    .involving("EKS"))
            .formats(
                InputFormat.CLOUDFORMATION,
                InputFormat.TERRAFORM,
                InputFormat.KUBERNETES,
                InputFormat.SERVERLESS,
                InputFormat.CDK)
            .build());
  }

  @Override
  public void check(Workload w, Context ctx, Findings out) {
    List<Workload.EnvironmentEvidence> preprod =
        w.environments.stream()
            .filter(e -> Boolean.FALSE.equals(Production.classify(e.environment())))
            .toList();
    if (!preprod.isEmpty()) {
      Set<String> names = new TreeSet<>();
      preprod.forEach(e -> names.add(e.environment()));
      out.strength(
          this,
          "Pre-production environment(s) " + names + " are deployed from the same definitions",
          preprod.stream()
              .map(Workload.EnvironmentEvidence::location)
              .distinct()
              .sorted()
              .limit(6)
              .toList());
      return;
    }
    if (w.resources().isEmpty()) return;
    out.reportAbsence(
        this,
        w,
        "No pre-production environment found",
        "Searched template parameters named like Environment/Stage (allowed values), parameter files, samconfig.toml environments, serverless.yml params stages, AWS CDK stack and stage instances an app's entry point makes per stage, and the stages CI jobs, package.json scripts and Makefiles deploy with serverless deploy --stage for a non-production environment (staging, test, qa, dev, uat...): "
            + (w.environments.isEmpty()
                ? "none found."
                : "only "
                    + w.environments.stream()
                        .map(Workload.EnvironmentEvidence::environment)
                        .distinct()
                        .sorted()
                        .toList()
                    + " found."));
  }
}
