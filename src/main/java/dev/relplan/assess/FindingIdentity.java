package dev.relplan.assess;

import dev.relplan.model.Integration;
import dev.relplan.model.Resource;
import dev.relplan.rules.Finding;
import dev.relplan.source.Location;
import dev.relplan.source.ScanRoots;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What identifies a finding across runs: its rule and the resource it is about (type, file relative
 * to its scan root, address), never its position (line, number in the report) nor the other roots
 * scanned with it. {@code --baseline} and SARIF's fingerprints match on it.
 */
public final class FindingIdentity {
  private FindingIdentity() {}

  /** The resource's native type ({@code AWS::RDS::DBInstance}, {@code aws_db_instance}). */
  public static String resourceType(Finding f) {
    return f.subject() == null ? null : f.subject().type;
  }

  /**
   * Where the resource is declared, unique within its root: the template file or module folder
   * (relative to the root) and the logical id or address in it, {@code template.yaml#OrdersTable},
   * {@code envs/prod#module.db.aws_db_instance.main}; the report's subject for repository-level
   * findings.
   */
  public static String address(Finding f, ScanRoots roots) {
    Resource r = f.subject();
    if (r == null) return f.resource();
    return roots.rooted(r.scope).file() + "#" + stableId(r);
  }

  /**
   * The resource's id without the line that code subjects (calls, handlers, migrations) carry in
   * it; a call is named by its function and what it calls.
   */
  static String stableId(Resource r) {
    if (r instanceof Integration call) return call.describe();
    String line = ":" + r.location.line();
    return r.type.startsWith("code:") && r.id.endsWith(line)
        ? r.id.substring(0, r.id.length() - line.length())
        : r.id;
  }

  /**
   * Each finding's fingerprint: a hash of rule, resource type, file and address; findings sharing
   * one (two calls alike in one function) are told apart by their order in the file, {@code -2},
   * {@code -3}.
   */
  public static List<Assessment.NumberedFinding> fingerprinted(
      List<Assessment.NumberedFinding> findings, ScanRoots roots) {
    Map<String, List<Integer>> byIdentity = new HashMap<>();
    List<String> identities = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      String identity = identity(findings.get(i).finding(), roots);
      identities.add(identity);
      byIdentity.computeIfAbsent(identity, k -> new ArrayList<>()).add(i);
    }
    String[] fingerprints = new String[findings.size()];
    byIdentity.forEach(
        (identity, same) -> {
          same.sort(
              (x, y) -> firstLocation(findings.get(x)).compareTo(firstLocation(findings.get(y))));
          String hash = hash(identity);
          for (int n = 0; n < same.size(); n++)
            fingerprints[same.get(n)] = n == 0 ? hash : hash + "-" + (n + 1);
        });
    List<Assessment.NumberedFinding> out = new ArrayList<>();
    for (int i = 0; i < findings.size(); i++) {
      Assessment.NumberedFinding nf = findings.get(i);
      out.add(new Assessment.NumberedFinding(nf.id(), nf.finding(), nf.status(), fingerprints[i]));
    }
    return out;
  }

  private static String identity(Finding f, ScanRoots roots) {
    String type = resourceType(f);
    return String.join(
        "|", f.rule().id(), type == null ? "" : type, file(f, roots), address(f, roots));
  }

  /** The file the resource is declared in, relative to its root; else the first evidence file. */
  private static String file(Finding f, ScanRoots roots) {
    if (f.subject() != null) return roots.rooted(f.subject().location).file();
    return f.evidence().isEmpty() ? "" : roots.rooted(f.evidence().get(0)).file();
  }

  private static Location firstLocation(Assessment.NumberedFinding nf) {
    List<Location> evidence = nf.finding().evidence();
    return evidence.isEmpty() ? new Location("", 0) : evidence.get(0);
  }

  /** 16 hex digits of SHA-256: short enough to read, far from colliding within one report. */
  private static String hash(String identity) {
    byte[] digest = Sha256.digest(identity.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(digest, 0, 8);
  }
}
