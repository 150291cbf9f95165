package dev.relplan.portfolio;

import dev.relplan.parse.JsonLoader;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.Node;
import dev.relplan.parse.ParseException;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.SeqNode;
import dev.relplan.source.InputError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a JSON report relplan wrote ({@code relplan assess --format json}, schemaVersion 1) with
 * the project's {@link JsonLoader}, checking only the fields the portfolio uses. Anything else is
 * an {@link InputError} naming the file and what is wrong with it.
 */
public final class ReportReader {
  private ReportReader() {}

  public static WorkloadReport read(Path path) {
    String file = path.toString();
    String content;
    try {
      content = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InputError("cannot read report '" + file + "' (" + e.getMessage() + ")");
    }
    Node root;
    try {
      root = JsonLoader.load(file, content);
    } catch (ParseException e) {
      throw notAReport(file, e.getMessage());
    }
    return new Fields(file).report(root);
  }

  private static InputError notAReport(String file, String problem) {
    return new InputError(
        "'"
            + file
            + "' is not a relplan JSON report ("
            + problem
            + "): pass reports written by relplan assess --format json");
  }

  /** The checked reading of one report's tree; every problem names the file and the field. */
  private record Fields(String file) {
    WorkloadReport report(Node root) {
      MapNode report = map(root, "the document");
      // The portfolio's own JSON, written into the reports' folder, is the likely stray file.
      if (report.get("kind") instanceof ScalarNode k && "relplan-portfolio".equals(k.text()))
        throw problem("it is a relplan portfolio; leave portfolio output out of the reports given");
      if (!"relplan".equals(text(map(report.get("tool"), "tool"), "name", "tool.name")))
        throw problem("tool.name is not relplan");
      if (!"1".equals(text(report, "schemaVersion", "schemaVersion")))
        throw problem("schemaVersion is not 1");
      MapNode workload = map(report.get("workload"), "workload");
      MapNode summary = map(report.get("summary"), "summary");
      return new WorkloadReport(
          file,
          text(workload, "name", "workload.name"),
          date(optionalText(report, "date", "date")),
          optionalText(workload, "tier", "workload.tier"),
          optionalNumber(workload, "availabilityTarget", "workload.availabilityTarget"),
          new WorkloadReport.RiskCounts(
              integer(summary, "critical", "summary.critical"),
              integer(summary, "high", "summary.high"),
              integer(summary, "medium", "summary.medium"),
              integer(summary, "low", "summary.low")),
          integer(summary, "cannotDetermine", "summary.cannotDetermine"),
          integer(summary, "maturity", "summary.maturity"),
          scores(seq(report.get("scorecard"), "scorecard")),
          findings(seq(report.get("findings"), "findings")),
          undeterminedRules(seq(report.get("cannotDetermine"), "cannotDetermine")));
    }

    private List<WorkloadReport.DomainScore> scores(SeqNode rows) {
      List<WorkloadReport.DomainScore> out = new ArrayList<>();
      for (Node item : rows.items()) {
        MapNode row = map(item, "a scorecard row");
        out.add(
            new WorkloadReport.DomainScore(
                text(row, "domain", "scorecard[].domain"),
                integer(row, "score", "scorecard[].score")));
      }
      return out;
    }

    private List<WorkloadReport.Finding> findings(SeqNode items) {
      List<WorkloadReport.Finding> out = new ArrayList<>();
      for (Node item : items.items()) {
        MapNode f = map(item, "a finding");
        SeqNode evidence = seq(f.get("evidence"), "findings[].evidence");
        MapNode first =
            evidence.items().isEmpty() ? null : map(evidence.items().get(0), "evidence");
        out.add(
            new WorkloadReport.Finding(
                text(f, "id", "findings[].id"),
                text(f, "fingerprint", "findings[].fingerprint"),
                text(f, "rule", "findings[].rule"),
                text(f, "title", "findings[].title"),
                text(f, "risk", "findings[].risk"),
                text(f, "resource", "findings[].resource"),
                first == null ? null : optionalText(first, "root", "evidence[].root"),
                first == null ? null : text(first, "file", "evidence[].file"),
                first == null ? 0 : integer(first, "line", "evidence[].line")));
      }
      return out;
    }

    private List<String> undeterminedRules(SeqNode items) {
      List<String> out = new ArrayList<>();
      for (Node item : items.items())
        out.add(text(map(item, "a cannotDetermine item"), "rule", "cannotDetermine[].rule"));
      return out;
    }

    /** The date as written, checked: reports of one workload are ordered by it as text. */
    private String date(String date) {
      if (date == null) return null;
      try {
        if (LocalDate.parse(date).toString().equals(date)) return date;
      } catch (DateTimeParseException e) {
        // named below
      }
      throw problem("date '" + date + "' is not YYYY-MM-DD");
    }

    private MapNode map(Node node, String what) {
      if (node instanceof MapNode m) return m;
      if (node == null) throw problem(what + " is missing");
      throw problem(what + " is not an object");
    }

    private SeqNode seq(Node node, String what) {
      if (node instanceof SeqNode s) return s;
      if (node == null) throw problem(what + " is missing");
      throw problem(what + " is not an array");
    }

    private String text(MapNode m, String key, String what) {
      String value = optionalText(m, key, what);
      if (value == null) throw problem(what + " is missing");
      return value;
    }

    private String optionalText(MapNode m, String key, String what) {
      Node node = m.get(key);
      if (node == null || node instanceof ScalarNode s && s.isNull()) return null;
      if (node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.STRING) return s.text();
      throw problem(what + " is not a string");
    }

    private String optionalNumber(MapNode m, String key, String what) {
      Node node = m.get(key);
      if (node == null || node instanceof ScalarNode s && s.isNull()) return null;
      if (node instanceof ScalarNode s && s.kind() == ScalarNode.Kind.NUMBER) return s.text();
      throw problem(what + " is not a number");
    }

    private int integer(MapNode m, String key, String what) {
      String number = optionalNumber(m, key, what);
      if (number == null) throw problem(what + " is missing");
      try {
        return Integer.parseInt(number);
      } catch (NumberFormatException e) {
        throw problem(what + " is not a whole number");
      }
    }

    private InputError problem(String what) {
      return notAReport(file, what);
    }
  }
}
