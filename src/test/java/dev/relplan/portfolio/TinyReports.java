package dev.relplan.portfolio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small JSON reports shaped as relplan writes them, holding only what a test sets. */
final class TinyReports {
  private TinyReports() {}

  /** A finding: its fingerprint, rule and risk; its id and evidence follow from them. */
  record F(String id, String fingerprint, String rule, String risk, boolean located) {
    F(String id, String fingerprint, String rule, String risk) {
      this(id, fingerprint, rule, risk, true);
    }
  }

  /** A Cannot Determine item of this rule. */
  record Undetermined(String rule) {}

  static String json(String workload, String date, String target, String tier, Object... items) {
    List<String> findings = new ArrayList<>();
    List<String> undetermined = new ArrayList<>();
    int[] counts = new int[4];
    for (Object item : items) {
      if (item instanceof F f) {
        findings.add(
            "{\"id\":\"%s\",\"fingerprint\":\"%s\",\"rule\":\"%s\",\"title\":\"t\",\"risk\":\"%s\",\"resource\":\"r\",\"evidence\":[%s]}"
                .formatted(
                    f.id(),
                    f.fingerprint(),
                    f.rule(),
                    f.risk(),
                    f.located()
                        ? "{\"root\":\".\",\"file\":\"main.tf\",\"line\":3,\"snippet\":\"x\"}"
                        : ""));
        counts[List.of("Critical", "High", "Medium", "Low").indexOf(f.risk())]++;
      } else if (item instanceof Undetermined u) {
        undetermined.add(
            "{\"rule\":\"%s\",\"resource\":\"r\",\"reason\":\"x\",\"evidence\":[]}"
                .formatted(u.rule()));
      }
    }
    return """
        {"schemaVersion":"1","tool":{"name":"relplan","version":"0.1.0"},%s
         "workload":{"name":"%s","tier":%s,"availabilityTarget":%s},
         "summary":{"critical":%d,"high":%d,"medium":%d,"low":%d,"cannotDetermine":%d,"maturity":2},
         "scorecard":[{"domain":"Fault Tolerance","score":2}],
         "findings":[%s],
         "cannotDetermine":[%s]}
        """
        .formatted(
            date == null ? "" : "\"date\":\"" + date + "\",",
            workload,
            tier == null ? "null" : "\"" + tier + "\"",
            target == null ? "null" : target,
            counts[0],
            counts[1],
            counts[2],
            counts[3],
            undetermined.size(),
            String.join(",", findings),
            String.join(",", undetermined));
  }

  static WorkloadReport read(Path dir, String name, String json) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, json);
    return ReportReader.read(file);
  }
}
