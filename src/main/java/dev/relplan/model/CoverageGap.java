package dev.relplan.model;

import dev.relplan.source.Location;

/**
 * Something the scanned IaC refers to whose contents could not be read, so what it creates or does
 * is not assessed: a Terraform module call, a nested stack or a Lambda handler's code.
 *
 * @param kind what could not be read
 * @param subject its name as the report shows it (module address, stack resource, function)
 * @param cause why, in one word the report and the gate can rely on
 * @param reason the reason in words, naming the source, URL or path involved
 * @param location where the reference is declared
 */
public record CoverageGap(Kind kind, String subject, Cause cause, String reason, Location location)
    implements Comparable<CoverageGap> {

  /** What could not be read. */
  public enum Kind {
    MODULE("module"),
    NESTED_STACK("nested stack"),
    HANDLER("handler"),
    /** A part of a file included from elsewhere, e.g. a Serverless Framework ${file(...)}. */
    INCLUDED_FILE("included file");

    /** The singular noun the report counts with. */
    public final String noun;

    Kind(String noun) {
      this.noun = noun;
    }
  }

  /** Why it could not be read. */
  public enum Cause {
    /** A local path that leaves the scanned paths (or names a folder with nothing to read). */
    OUTSIDE_SCANNED_PATHS("outside the scanned paths"),
    /** A registry, git, HTTP or S3 source: relplan never fetches anything. */
    NOT_FETCHED("remote, not fetched"),
    /** The source or path is computed and cannot be known before deployment. */
    UNRESOLVABLE("cannot be resolved"),
    /** Several scanned files fit the reference equally well: none is guessed. */
    AMBIGUOUS("ambiguous");

    /** How the report words the cause in a table cell. */
    public final String words;

    Cause(String words) {
      this.words = words;
    }
  }

  @Override
  public int compareTo(CoverageGap o) {
    int c = location.compareTo(o.location);
    if (c != 0) return c;
    c = kind.compareTo(o.kind);
    return c != 0 ? c : subject.compareTo(o.subject);
  }
}
