/**
 * Terraform support: evaluates Terraform configurations (and {@code terraform show -json} output)
 * into the format-free workload model, so that every rule applies unchanged.
 *
 * <ul>
 *   <li>{@link TerraformAdapter} finds the module directories, decides which are root modules (not
 *       used as a local module source by another scanned directory), gathers variable values
 *       (defaults, {@code terraform.tfvars}, {@code *.auto.tfvars}, a production-named variable
 *       file, {@code --var-file}, {@code --var}) and walks every module instance, mapping each
 *       resource instance.
 *   <li>{@code ModuleInstance} holds one module instance's inputs and evaluates variables, locals,
 *       outputs and {@code count}/{@code for_each} lazily, once, cycle-safe; {@code Evaluator} and
 *       {@code Functions} evaluate expressions with unknown values for what only the cloud knows,
 *       bounded in depth and work; every result ({@code Evaluated}) carries the locations that
 *       decided it.
 *   <li>{@code Attrs} gives mappers typed, located access to a resource's arguments and nested
 *       (including {@code dynamic}) blocks; one mapper family per area ({@code ComputeMappers},
 *       {@code DataMappers}, {@code NetworkMappers}, {@code MessagingMappers}, {@code
 *       OperationsMappers}, named like CloudFormation's) fills the model with the aws provider's
 *       defaults; resources that configure others (versioning, redrive policies, attachments, event
 *       targets) are applied after all resources exist.
 *   <li>{@code PlanJson} reads plan or state JSON: known values, located in the configuration.
 * </ul>
 */
package dev.relplan.iac.terraform;
