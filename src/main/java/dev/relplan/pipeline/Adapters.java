package dev.relplan.pipeline;

import dev.relplan.adapt.Adapter;
import dev.relplan.code.CodeScanner;
import dev.relplan.iac.cdk.CdkAdapter;
import dev.relplan.iac.cicd.DeploymentEnvironments;
import dev.relplan.iac.cloudformation.CloudFormationAdapter;
import dev.relplan.iac.cloudformation.ParameterFile;
import dev.relplan.iac.compose.ComposeAdapter;
import dev.relplan.iac.ecs.TaskDefinitionAdapter;
import dev.relplan.iac.kubernetes.KubernetesAdapter;
import dev.relplan.iac.serverless.ServerlessAdapter;
import dev.relplan.iac.terraform.TerraformAdapter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every input format relplan reads, registered once: a new format is a package implementing {@link
 * Adapter} and one line in {@link #all}. The list lives here, above the adapters, so that the
 * contract in {@code dev.relplan.adapt} names no format.
 */
public final class Adapters {
  private Adapters() {}

  /**
   * New adapters for one run, given the request's options of their format. The order is the order
   * in which they fill the workload and in which their notes are listed.
   */
  public static List<Adapter> all(Pipeline.Request request) {
    CloudFormationAdapter cloudFormation = new CloudFormationAdapter(request.parameters());
    return List.of(
        cloudFormation,
        new TerraformAdapter(request.varFiles(), request.vars()),
        new ServerlessAdapter(cloudFormation),
        new KubernetesAdapter(request.helmValues(), request.kustomizeRoot()),
        new ComposeAdapter(),
        new TaskDefinitionAdapter(),
        new CdkAdapter(),
        new DeploymentEnvironments(),
        new CodeScanner());
  }

  /**
   * What the report says about the input files given (by option or by the environment chosen in
   * relplan.yaml), after every adapter's own notes.
   */
  static List<String> optionNotes(Pipeline.Request request) {
    List<String> notes = new ArrayList<>();
    for (Path p : request.varFiles()) notes.add("Terraform variable values from " + p);
    for (Path p : request.helmValues()) notes.add("Helm values from " + p);
    if (request.kustomizeRoot() != null)
      notes.add("Kustomize root asked for with --kustomize-root: " + request.kustomizeRoot());
    for (ParameterFile p : request.parameters()) notes.add("parameter values from " + p.display());
    return notes;
  }
}
