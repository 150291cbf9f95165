package dev.relplan.rules;

import java.util.Locale;

/**
 * The kinds of input a rule can be expressed in. A rule declares the ones in which a workload can
 * show (or avoid) its gap; each such format has failing and passing examples in {@code
 * src/test/resources/rules/<RULE-ID>/<format>/}.
 */
public enum InputFormat {
  /** CloudFormation or SAM templates, with the handler code and repository files they refer to. */
  CLOUDFORMATION("CloudFormation"),
  /** Terraform configurations, with the handler code and repository files they refer to. */
  TERRAFORM("Terraform"),
  /** Kubernetes manifests (YAML or JSON objects), with the repository files they refer to. */
  KUBERNETES("Kubernetes"),
  /** Docker Compose files, with the Dockerfiles their services build. */
  COMPOSE("Docker Compose"),
  /** ECS task definition JSON files registered by deploy pipelines, with the IaC that runs them. */
  ECS("ECS task definitions"),
  /** Serverless Framework services (serverless.yml), with the handler code they refer to. */
  SERVERLESS("Serverless Framework"),
  /** AWS CDK apps in TypeScript, read from their source (constructs and their properties). */
  CDK("AWS CDK"),
  /** AWS CDK apps in Python, read from their source (constructs and their keyword arguments). */
  CDK_PYTHON("AWS CDK (Python)"),
  /** Application code and migrations alone, whatever infrastructure they run on. */
  CODE("Application code");

  public final String title;

  InputFormat(String title) {
    this.title = title;
  }

  /**
   * The name of the format's example folder: {@code cloudformation}, {@code terraform}, {@code
   * code}, {@code cdk-python}.
   */
  public String folder() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
