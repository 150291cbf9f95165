package dev.relplan.generate;

import static dev.relplan.generate.GeneratedCopies.apply;
import static dev.relplan.generate.GeneratedCopies.assess;
import static dev.relplan.generate.GeneratedCopies.copy;
import static dev.relplan.generate.GeneratedCopies.findings;
import static dev.relplan.generate.GeneratedCopies.generate;
import static dev.relplan.generate.GeneratedCopies.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.relplan.assess.Assessment;
import dev.relplan.model.FisExperiment;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate fis: experiment templates that, applied to a copy of an example, parse, reference only
 * resources that exist there, and add no finding.
 */
class FisGeneratorTest {
  static final Path ORDERS = Path.of("examples/orders-platform");
  static final Path TERRAFORM_SHOP = Path.of("examples/terraform-shop");
  static final Path K8S_SHOP = Path.of("examples/k8s-shop");

  @TempDir Path tmp;

  @Test
  void cloudFormationExperimentsReferenceOnlyResourcesOfTheirTemplate() throws Exception {
    Path copy = copy(ORDERS, tmp.resolve("copy"));
    apply(generate(ORDERS, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments).hasSizeGreaterThanOrEqualTo(3);
    for (FisExperiment f : experiments)
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
  }

  @Test
  void cloudFormationExperimentsParseAndAddNoFinding() throws Exception {
    Set<String> before = findings(assess(ORDERS, null));
    Path copy = copy(ORDERS, tmp.resolve("copy"));
    apply(generate(ORDERS, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Assessment after = assess(copy, null);

    assertThat(after.skippedFiles()).isEmpty();
    assertThat(findings(after)).isSubsetOf(before).doesNotContain("REL-RECOVERY-UNTESTED workload");
  }

  @Test
  void experimentsTargetTheTemplatesOwnResources() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    String compute = content(g, "fis/compute.yaml.patch");
    assertThat(compute)
        .contains("+            aws:autoscaling:groupName: !Ref ReportingGroup\n")
        .contains("+            service: !GetAtt OrdersApiService.Name\n")
        .contains("+          Value: !GetAtt LoadBalancer5xxAlarm.Arn\n");
    assertThat(content(g, "fis/data.yaml.patch"))
        .contains("+            - !GetAtt OrdersDatabase.DBInstanceArn\n")
        .contains("+            forceFailover: \"true\"\n");
  }

  @Test
  void templateWithoutAlarmsStopsOnNothingAndSaysSo() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    assertThat(content(g, "fis/data.yaml.patch"))
        .contains("# No CloudWatch alarm is defined in this template")
        .contains("+        - Source: none\n");
  }

  @Test
  void terraformExperimentsReferenceOnlyResourcesOfTheModuleAndAddNoFinding() throws Exception {
    Set<String> before = findings(assess(TERRAFORM_SHOP, null));
    Path copy = copy(TERRAFORM_SHOP, tmp.resolve("copy"));
    Generation g = generate(TERRAFORM_SHOP, null, FisGenerator::generate);
    apply(g, FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    assertThat(content(g, "fis/relplan_fis.tf"))
        .contains("resource_arns  = [aws_lambda_function.quote.arn]");
    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments).isNotEmpty();
    for (FisExperiment f : experiments)
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
    assertThat(findings(assess(copy, null))).isSubsetOf(before);
  }

  @Test
  void azPowerInterruptionCutsTheTemplatesSubnetsOffInTheZoneGivenAsAParameter() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    assertThat(content(g, "fis/network.yaml.patch"))
        .contains("+  RelplanFisAvailabilityZone:\n+    Type: AWS::EC2::AvailabilityZone::Name\n")
        .contains("+          ActionId: aws:network:disrupt-connectivity\n")
        .contains(
            "+            - Path: AvailabilityZone\n"
                + "+              Values:\n"
                + "+                - !Ref RelplanFisAvailabilityZone\n")
        .contains("+        EmptyTargetResolutionMode: skip\n");
  }

  @Test
  void azPowerInterruptionStopsTheGroupsInstancesInTheZoneAndStartsThemAfterIt() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    assertThat(content(g, "fis/compute.yaml.patch"))
        .contains("+          ActionId: aws:ec2:stop-instances\n")
        .contains("+            startInstancesAfterDuration: \"PT30M\"\n")
        .contains(
            "+            - Path: Placement.AvailabilityZone\n"
                + "+              Values:\n"
                + "+                - !Ref RelplanFisAvailabilityZone\n");
  }

  @Test
  void templateWithNothingInAZoneGetsNoAzPowerInterruption() throws Exception {
    Generation g = generate(ORDERS, null, FisGenerator::generate);

    assertThat(content(g, "fis/app.yaml.patch"))
        .doesNotContain("RelplanFisAvailabilityZone")
        .doesNotContain("azpower");
  }

  @Test
  void terraformAzPowerInterruptionTakesTheZoneAsAVariableForEveryZonalAction() throws Exception {
    Path module = zonalModule();

    String tf = content(generate(module, null, FisGenerator::generate), "fis/relplan_fis.tf");

    assertThat(tf)
        .contains("variable \"relplan_fis_availability_zone\" {")
        .contains("action_id = \"aws:ec2:asg-insufficient-instance-capacity-error\"")
        .contains(
            "key   = \"availabilityZoneIdentifiers\"\n"
                + "      value = var.relplan_fis_availability_zone")
        .contains("resource_arns  = [aws_autoscaling_group.web.arn]")
        .contains("action_id = \"aws:elasticache:replicationgroup-interrupt-az-power\"")
        .contains("availabilityZoneIdentifier = var.relplan_fis_availability_zone")
        .contains("resource_arns  = [aws_subnet.a.arn, aws_subnet.b.arn]");
  }

  @Test
  void terraformZoneAndNodeGroupExperimentsReferenceOnlyTheModulesResourcesAndAddNoFinding()
      throws Exception {
    Path module = zonalModule();
    Set<String> before = findings(assess(module, null));
    Path copy = copy(module, tmp.resolve("copy"));
    apply(generate(module, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments.stream().flatMap(f -> f.actionIds.stream()))
        .contains("aws:eks:terminate-nodegroup-instances", "aws:ec2:stop-instances");
    for (FisExperiment f : experiments)
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
    assertThat(findings(assess(copy, null))).isSubsetOf(before);
  }

  @Test
  void eksNodeGroupInstancesAreTerminatedThroughTheNodeGroupsArn() throws Exception {
    Path stack = Files.createDirectories(tmp.resolve("eks"));
    Files.writeString(
        stack.resolve("cluster.yaml"),
        """
        Resources:
          Cluster:
            Type: AWS::EKS::Cluster
            Properties:
              RoleArn: arn:aws:iam::123456789012:role/eks
              ResourcesVpcConfig:
                SubnetIds: [subnet-1, subnet-2]
          Workers:
            Type: AWS::EKS::Nodegroup
            Properties:
              ClusterName: !Ref Cluster
              NodeRole: arn:aws:iam::123456789012:role/workers
              Subnets: [subnet-1, subnet-2]
              ScalingConfig: {MinSize: 2, MaxSize: 4, DesiredSize: 2}
        """);

    String patch = content(generate(stack, null, FisGenerator::generate), "fis/cluster.yaml.patch");

    assertThat(patch)
        .contains("+          ActionId: aws:eks:terminate-nodegroup-instances\n")
        .contains("+            instanceTerminationPercentage: \"25\"\n")
        .contains("+          ResourceType: aws:eks:nodegroup\n")
        .contains("+            - !GetAtt Workers.Arn\n")
        .contains("AWSFaultInjectionSimulatorEKSAccess");
  }

  @Test
  void kubernetesWorkloadsGetPodDeletionSelectingTheirOwnPodsInAStandaloneTemplate()
      throws Exception {
    Generation g = generate(K8S_SHOP, null, FisGenerator::generate);

    assertThat(content(g, KubernetesFis.FILE))
        .contains("  EksClusterArn:\n    Type: String\n")
        .contains("  KubernetesServiceAccount:\n    Type: String\n")
        .contains(
            "          ResourceType: aws:eks:pod\n"
                + "          Parameters:\n"
                + "            clusterIdentifier: !Ref EksClusterArn\n"
                + "            namespace: \"shop\"\n"
                + "            selectorType: \"deploymentName\"\n"
                + "            selectorValue: \"web\"\n")
        .contains("            kubernetesServiceAccount: !Ref KubernetesServiceAccount\n");
    assertThat(content(g, "fis/README.md")).contains("standalone CloudFormation template");
  }

  @Test
  void kubernetesPodDeletionTemplateParsesReferencesItsOwnRoleAndAddsNoFinding() throws Exception {
    Set<String> before = findings(assess(K8S_SHOP, null));
    Path copy = copy(K8S_SHOP, tmp.resolve("copy"));
    apply(generate(K8S_SHOP, null, FisGenerator::generate), FisGenerator.FOLDER, copy);

    Workload w = model(copy);

    List<FisExperiment> experiments = w.all(FisExperiment.class);
    assertThat(experiments).hasSize(3);
    for (FisExperiment f : experiments) {
      assertThat(f.actionIds).containsExactly("aws:eks:pod-delete");
      for (ResourceRef ref : f.references)
        assertThat(w.get(ref.key())).as("%s references %s", f.id, ref.key()).isNotNull();
    }
    assertThat(findings(assess(copy, null))).isSubsetOf(before);
  }

  @Test
  void patchedTemplatesAndThePodDeletionTemplatePassCfnLint() throws Exception {
    assumeTrue(cfnLintInstalled(), "cfn-lint is not on the PATH");
    Path orders = copy(ORDERS, tmp.resolve("orders"));
    apply(generate(ORDERS, null, FisGenerator::generate), FisGenerator.FOLDER, orders);
    Path pods = copy(K8S_SHOP, tmp.resolve("pods"));
    apply(generate(K8S_SHOP, null, FisGenerator::generate), FisGenerator.FOLDER, pods);

    for (Path template :
        List.of(
            orders.resolve("compute.yaml"),
            orders.resolve("data.yaml"),
            orders.resolve("network.yaml"),
            orders.resolve("app.yaml"),
            pods.resolve("kubernetes-pod-delete.yaml"))) {
      Process lint =
          new ProcessBuilder("cfn-lint", template.toString()).redirectErrorStream(true).start();
      String out = new String(lint.getInputStream().readAllBytes());
      assertThat(lint.waitFor()).as("cfn-lint %s: %s", template, out).isZero();
    }
  }

  private static boolean cfnLintInstalled() {
    try {
      return new ProcessBuilder("cfn-lint", "--version").start().waitFor() == 0;
    } catch (Exception e) {
      return false;
    }
  }

  /** A root module with two subnets, an Auto Scaling group, a cache and an EKS node group. */
  private Path zonalModule() throws Exception {
    Path module = Files.createDirectories(tmp.resolve("zonal"));
    Files.writeString(
        module.resolve("main.tf"),
        """
        resource "aws_subnet" "a" {
          vpc_id            = "vpc-123"
          cidr_block        = "10.0.1.0/24"
          availability_zone = "us-east-1a"
        }

        resource "aws_subnet" "b" {
          vpc_id            = "vpc-123"
          cidr_block        = "10.0.2.0/24"
          availability_zone = "us-east-1b"
        }

        resource "aws_autoscaling_group" "web" {
          name                = "web"
          min_size            = 2
          max_size            = 4
          vpc_zone_identifier = [aws_subnet.a.id, aws_subnet.b.id]
          health_check_type   = "ELB"
        }

        resource "aws_elasticache_replication_group" "sessions" {
          replication_group_id       = "sessions"
          description                = "sessions"
          engine                     = "redis"
          node_type                  = "cache.t4g.small"
          num_cache_clusters         = 2
          automatic_failover_enabled = true
          multi_az_enabled           = true
        }

        resource "aws_eks_node_group" "workers" {
          cluster_name    = "platform"
          node_group_name = "workers"
          node_role_arn   = "arn:aws:iam::123456789012:role/workers"
          subnet_ids      = [aws_subnet.a.id, aws_subnet.b.id]
          scaling_config {
            desired_size = 3
            max_size     = 6
            min_size     = 3
          }
        }
        """);
    return module;
  }

  private static String content(Generation g, String path) {
    return g.files().stream()
        .filter(f -> f.path().equals(path))
        .findFirst()
        .orElseThrow(() -> new AssertionError(path + " not generated: " + g.files()))
        .content();
  }
}
