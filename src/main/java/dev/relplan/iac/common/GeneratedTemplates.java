package dev.relplan.iac.common;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import java.util.Set;

/**
 * Evaluates CloudFormation that another format carries or generates (the Serverless Framework's
 * {@code resources} section), so that format needs no evaluator of its own and never reaches into
 * the CloudFormation adapter: the pipeline hands it the CloudFormation adapter as this interface.
 */
public interface GeneratedTemplates {
  /**
   * Tag of a scalar the generating format could not resolve (a value it never reads, such as an
   * environment variable); its text is the reason, and CloudFormation evaluates it as unknown.
   */
  String UNKNOWN_TAG = "!relplan/unknown";

  /**
   * Adds the resources of {@code template} (Resources, Outputs, Conditions, Mappings, its nodes
   * located in {@code file}) to the workload, in the scope named by the file; {@code generatedIds}
   * are the logical ids the other format generates itself, so Ref and Fn::GetAtt to them resolve.
   */
  void adaptGenerated(
      SourceFile file, MapNode template, Set<String> generatedIds, Workload workload);
}
