package dev.relplan.adapt;

import dev.relplan.discover.Discovery;
import dev.relplan.discover.SourceFile;
import dev.relplan.model.Workload;
import dev.relplan.source.SkippedFile;
import java.util.List;

/**
 * One input format (CloudFormation, Terraform, CI/CD definitions, application code, …) turned into
 * the format-free workload model. The pipeline runs every registered adapter, in the order of the
 * list, on one workload:
 *
 * <ol>
 *   <li>{@link #asksFor}: file names discovery reads for this adapter although it knows no format
 *       for them;
 *   <li>{@link #adapt}: each adapter in turn, given only the discovered files it {@link #claims};
 *   <li>the model's {@code Linker} derives relationships once for every format;
 *   <li>{@link #link}: each adapter in turn, for ties that need those derived relationships;
 *   <li>{@link #notes} and {@link #skipped}: what the report says about the inputs, in adapter
 *       order.
 * </ol>
 *
 * <p>An adapter is made for one run (it may keep state between these steps). Format-specific
 * options of the request (CloudFormation {@code --parameters}, Terraform {@code --var-file}) are
 * given to its constructor where the list of adapters is built.
 */
public interface Adapter {
  /** Whether this adapter reads the discovered file; several adapters may claim the same file. */
  boolean claims(SourceFile file);

  /**
   * Adds what the claimed files declare to the workload. {@code claimed} is the discovery result
   * holding only the files this adapter claims, in discovery order.
   */
  void adapt(Discovery.Result claimed, Workload workload);

  /**
   * After every adapter has adapted and the model's links are derived; by default nothing to tie.
   */
  default void link(Discovery.Result claimed, Workload workload) {}

  /** Notes on how the inputs were read, for the report; asked for after {@link #link}. */
  default List<String> notes() {
    return List.of();
  }

  /** Claimed files (or parts of them) that could not be analysed, with the reason. */
  default List<SkippedFile> skipped() {
    return List.of();
  }

  /**
   * A file name (lower case, without folder) that discovery passes over unless an adapter asks for
   * it, e.g. a new format's own extension; such a file is read as text of kind {@code OTHER}.
   * Discovery classifies the names it knows (YAML, JSON, HCL, code, …) by content either way.
   */
  default boolean asksFor(String fileName) {
    return false;
  }

  /**
   * Whether its {@link #adapt} step reads nothing of the workload (only its own files), so that it
   * may run beside the other adapters, into a draft of its own; what it adds then comes after what
   * the others add, whatever its place in the list.
   */
  default boolean adaptsApart() {
    return false;
  }

  /**
   * Whether the source files it claims are infrastructure written in a programming language (an AWS
   * CDK app's stacks): such a file is not application code, so no adapter that {@link
   * #readsApplicationCode reads application code} is given it (and it is parsed once, not twice).
   */
  default boolean readsInfrastructureCode() {
    return false;
  }

  /**
   * Whether it reads application code (outbound calls, handlers); it is not given the files that an
   * adapter {@link #readsInfrastructureCode reads as infrastructure}.
   */
  default boolean readsApplicationCode() {
    return false;
  }
}
