package dev.relplan.iac.cdk;

import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.treesitter.SyntaxNode;
import dev.relplan.source.Location;

/**
 * One {@code new X(scope, 'Id', props)} of a construct relplan models: its canonical name ({@code
 * aws_rds.DatabaseInstance}), the resource id it gets (the stack class and the construct id, as in
 * the construct path), the call that makes it (a TypeScript {@code new} or a Python call), where it
 * is written, its properties, the folder of its app (where cdk.json is; relative asset paths start
 * there), and the library as the app's language names it ({@code aws-cdk-lib} in TypeScript, {@code
 * aws_cdk} in Python, {@code software.amazon.awscdk} in Java).
 */
record Construct(
    String name,
    String id,
    String scope,
    SyntaxNode<?> node,
    Location location,
    CdkProps props,
    String appRoot,
    String library) {

  static final String TYPESCRIPT_LIBRARY = "aws-cdk-lib";
  static final String PYTHON_LIBRARY = "aws_cdk";
  static final String JAVA_LIBRARY = "software.amazon.awscdk";

  /**
   * The fully qualified API name the reports show as the type written ({@code
   * aws_cdk.aws_rds.DatabaseInstance} in Python, {@code
   * software.amazon.awscdk.services.rds.DatabaseInstance} in Java), which also chooses the advice's
   * language.
   */
  String declaredType() {
    return declaredType(library, name);
  }

  /** A canonical name as the library of the app's language writes it. */
  static String declaredType(String library, String name) {
    return library.equals(JAVA_LIBRARY) ? CdkNames.javaName(name) : library + "." + name;
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
