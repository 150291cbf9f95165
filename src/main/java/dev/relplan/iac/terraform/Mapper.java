package dev.relplan.iac.terraform;

/** Turns one Terraform resource instance into model objects. */
@FunctionalInterface
interface Mapper {
  void map(ResourceContext r);
}
