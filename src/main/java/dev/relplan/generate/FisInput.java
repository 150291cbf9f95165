package dev.relplan.generate;

/**
 * A value of a generated experiment template that only the person deploying it knows: written as a
 * CloudFormation parameter or a Terraform variable, never guessed.
 */
enum FisInput {
  AVAILABILITY_ZONE(
      "RelplanFisAvailabilityZone",
      "relplan_fis_availability_zone",
      "AWS::EC2::AvailabilityZone::Name",
      "The Availability Zone whose power interruption the experiment simulates (e.g. us-east-1a)"),
  EKS_CLUSTER_ARN(
      "EksClusterArn",
      "eks_cluster_arn",
      "String",
      "ARN of the EKS cluster that runs the pods (the manifests do not say which cluster)"),
  KUBERNETES_SERVICE_ACCOUNT(
      "KubernetesServiceAccount",
      "kubernetes_service_account",
      "String",
      "Kubernetes service account FIS uses in the cluster, with the RBAC permissions the FIS user"
          + " guide lists for aws:eks:pod actions");

  final String cloudFormationName;
  final String terraformName;
  final String cloudFormationType;
  final String description;

  FisInput(
      String cloudFormationName,
      String terraformName,
      String cloudFormationType,
      String description) {
    this.cloudFormationName = cloudFormationName;
    this.terraformName = terraformName;
    this.cloudFormationType = cloudFormationType;
    this.description = description;
  }
}
