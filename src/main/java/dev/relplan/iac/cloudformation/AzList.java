package dev.relplan.iac.cloudformation;

/**
 * The list returned by Fn::GetAZs: its size is unknown, but distinct indexes are distinct zones.
 */
record AzList() {}
