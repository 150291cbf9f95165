package dev.relplan.iac.cdk;

import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;

/**
 * One {@code new X(scope, 'Id', props)} of a construct relplan models: its canonical name ({@code
 * aws_rds.DatabaseInstance}), the resource id it gets (the stack class and the construct id, as in
 * the construct path), where it is written, its properties, and the folder of its app (where
 * cdk.json is; relative asset paths start there).
 */
record Construct(
    String name,
    String id,
    String scope,
    JsNode node,
    Location location,
    CdkProps props,
    String appRoot) {

  /** The fully qualified API name the reports show as the type written. */
  String declaredType() {
    return "aws-cdk-lib." + name;
  }

  ResourceRef ref() {
    return new ResourceRef(scope, id, null);
  }

  /** Adds a resource of this construct to the draft, with the type it is written as. */
  <R extends Resource> R add(R resource, Workload draft) {
    resource.declaredType = declaredType();
    resource.references.addAll(props.allRefs());
    draft.add(resource);
    return resource;
  }
}
