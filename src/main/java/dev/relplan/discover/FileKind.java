package dev.relplan.discover;

/** What a scanned file was recognised as. */
public enum FileKind {
  CLOUDFORMATION,
  CLOUDFORMATION_PARAMETERS,
  SAMCONFIG,
  TERRAFORM,
  SOURCE_CODE,
  /** SQL scripts and Liquibase XML changelogs: candidate schema migrations. */
  MIGRATION,
  /** Documentation or scripts that count as evidence only by their name (runbooks, load tests). */
  EVIDENCE,
  OTHER
}
