package dev.relplan.iac.cloudformation;

/** Turns one CloudFormation resource into model objects. */
@FunctionalInterface
interface Mapper {
  void map(ResourceContext c);
}
