package dev.relplan.iac.terraform;

/** Turns one Terraform resource instance into model objects. */
@FunctionalInterface
interface TfMapper {
  void map(TfResource r);
}
