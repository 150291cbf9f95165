package dev.relplan.rules;

import dev.relplan.model.Production;
import dev.relplan.model.Resource;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects what the rules report. A finding whose deciding value is unresolved, or whose resource
 * exists only under an unresolvable condition, becomes Cannot Determine instead of a guess.
 * Findings on resources shown not to be production are rated one impact level lower, with why.
 */
public final class Findings {
  private final List<Finding> findings = new ArrayList<>();
  private final List<Strength> strengths = new ArrayList<>();
  private final List<Undetermined> undetermined = new ArrayList<>();

  /** Each reported finding's deciding values without their locations (see {@link #deciding}). */
  private final Map<Finding, String> decidingValues = new IdentityHashMap<>();

  /** The workload whose infrastructure dialect {@link #writtenIn} holds, computed once per run. */
  private Workload dialectOf;

  private Dialect writtenIn;

  public List<Finding> findings() {
    return findings;
  }

  /**
   * The values that decided {@code finding}, as reported, without where they were written: numbers,
   * text, switches and names in order, other values only by whether they are set (their verdict
   * text states them). Two definitions of one object whose findings have equal deciding values
   * agree; "" for a finding this collector did not report.
   */
  public String deciding(Finding finding) {
    return decidingValues.getOrDefault(finding, "");
  }

  private static String withoutLocations(Value<?>[] deciding) {
    List<String> values = new ArrayList<>();
    for (Value<?> v : deciding) {
      Object value = v.present() ? v.get() : null;
      boolean plain =
          value instanceof Number
              || value instanceof CharSequence
              || value instanceof Boolean
              || value instanceof Enum<?>;
      values.add(plain ? String.valueOf(value) : value == null ? "unset" : "set");
    }
    return String.join("|", values);
  }

  public List<Strength> strengths() {
    return strengths;
  }

  public List<Undetermined> undetermined() {
    return undetermined;
  }

  /** Evidence: the resource declaration, then each deciding value's trace, then the call chain. */
  public static List<Location> evidence(Resource r, Value<?>... deciding) {
    List<Location> out = new ArrayList<>();
    if (r != null) out.add(r.location);
    for (Value<?> v : deciding) for (Location l : v.trace()) if (!out.contains(l)) out.add(l);
    if (r != null) for (Location l : r.callChain) if (!out.contains(l)) out.add(l);
    return out;
  }

  /**
   * A deciding value as a description shows it, naming why a default applies ({@code false
   * (default: the AWS CDK construct's default: …)}), so the reader sees whose default decided the
   * verdict.
   */
  public static String described(Value<?> v) {
    if (v.source() == Value.Source.DEFAULT && v.get() != null && v.note() != null)
      return v.get() + " (default: " + v.note() + ")";
    return String.valueOf(v);
  }

  /** A gap on a resource, at the rule's default impact and likelihood. */
  public void report(
      Rule rule, Resource r, String title, String description, Value<?>... deciding) {
    RuleMeta m = rule.meta();
    report(
        rule,
        r,
        title,
        description,
        m.impact(),
        m.impactReason(),
        m.likelihood(),
        m.likelihoodReason(),
        deciding);
  }

  public void report(
      Rule rule,
      Resource r,
      String title,
      String description,
      Impact impact,
      String impactReason,
      Likelihood likelihood,
      String likelihoodReason,
      Value<?>... deciding) {
    for (Value<?> v : deciding) {
      if (v.unresolved()) {
        cannotDetermine(rule, r, v.note(), evidence(r, deciding));
        return;
      }
    }
    if (r != null && r.exists.unresolved()) {
      cannotDetermine(rule, r, r.exists.note(), evidence(r, r.exists));
      return;
    }
    List<Location> ev = evidence(r, deciding);
    if (r != null) {
      Production.Verdict prod = Production.of(r);
      if (!prod.production() && impact != Impact.MINOR) {
        impact = impact.lower();
        impactReason =
            impactReason + " Rated one level lower: not production (" + prod.reason() + ").";
        for (Location l : prod.evidence()) if (!ev.contains(l)) ev.add(l);
      }
    }
    Finding finding =
        new Finding(
            rule.meta(),
            r == null ? "workload" : r.id,
            title,
            description,
            ev,
            impact,
            impactReason,
            likelihood,
            likelihoodReason,
            r,
            rule.meta().flag(),
            null);
    findings.add(finding);
    decidingValues.put(finding, withoutLocations(deciding));
  }

  /**
   * A gap about something absent from the whole repository; the description says what was searched.
   * Its advice is worded for the one infrastructure dialect the workload is written in, when there
   * is one.
   */
  public void reportAbsence(Rule rule, Workload w, String title, String description) {
    RuleMeta m = rule.meta();
    findings.add(
        new Finding(
            m,
            "workload",
            title,
            description,
            List.of(),
            m.impact(),
            m.impactReason(),
            m.likelihood(),
            m.likelihoodReason(),
            null,
            m.flag(),
            infrastructureDialect(w)));
  }

  private Dialect infrastructureDialect(Workload w) {
    if (w != dialectOf) {
      writtenIn = Dialect.ofInfrastructure(w);
      dialectOf = w;
    }
    return writtenIn;
  }

  public void cannotDetermine(Rule rule, Resource r, String reason, List<Location> evidence) {
    undetermined.add(
        new Undetermined(rule.meta(), r == null ? "workload" : r.id, reason, evidence));
  }

  public void strength(Rule rule, String title, List<Location> evidence) {
    strengths.add(new Strength(rule.meta().domain(), title, evidence, rule.meta().bestPractices()));
  }
}
