package dev.relplan.iac.cdk;

import dev.relplan.discover.SourceFile;
import dev.relplan.model.Resource;
import dev.relplan.model.Workload;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A CDK app's synthesised templates ({@code cdk.out/*.template.json}, assessed by the
 * CloudFormation adapter): when they are present the template decides the values, and the source
 * only gives the lines. Each template resource's {@code aws:cdk:path} metadata ({@code
 * OrdersStack/Db/Resource}) names the construct that made it, so the construct's {@code new} line
 * joins the resource's evidence and the construct read from source is not reported a second time.
 */
final class SynthOutput {
  /** The folder holding cdk.out, the app's folder. */
  private final List<String> appRoots = new ArrayList<>();

  /** Construct path without the stack ({@code Db}) → stack id → the template resource's id. */
  private final Map<String, Map<String, TemplateResource>> byConstruct = new HashMap<>();

  private record TemplateResource(String file, String logicalId) {}

  static boolean isTemplate(String name) {
    return (name.startsWith("cdk.out/") || name.contains("/cdk.out/"))
        && name.endsWith(".template.json");
  }

  /** Reads the construct paths of one synthesised template. */
  void add(SourceFile template) {
    String name = template.display();
    String root = name.startsWith("cdk.out/") ? "" : name.substring(0, name.indexOf("/cdk.out/"));
    if (!appRoots.contains(root)) appRoots.add(root);
    if (!(template.document() instanceof MapNode doc)
        || !(doc.get("Resources") instanceof MapNode resources)) return;
    for (MapNode.Entry e : resources.entries()) {
      if (!(e.value() instanceof MapNode resource)
          || !(resource.get("Metadata") instanceof MapNode metadata)
          || !(metadata.get("aws:cdk:path") instanceof ScalarNode path)) continue;
      String[] parts = path.text().split("/");
      if (parts.length < 2) continue;
      int end = parts[parts.length - 1].equals("Resource") ? parts.length - 1 : parts.length;
      String construct = String.join("/", List.of(parts).subList(1, end));
      byConstruct
          .computeIfAbsent(root + "|" + construct, k -> new HashMap<>())
          .put(parts[0], new TemplateResource(name, e.key()));
    }
  }

  /** Whether a source file belongs to an app whose synthesised templates are scanned. */
  boolean synthesised(String sourceFile) {
    for (String root : appRoots)
      if (root.isEmpty() || sourceFile.startsWith(root + "/")) return true;
    return false;
  }

  /**
   * Adds the construct's line of each source resource to the template resource it synthesised to
   * (when exactly one fits, or the stack is named like the class); the source resources themselves
   * are not added. Returns how many were tied.
   */
  int tie(Workload source, Workload workload) {
    int tied = 0;
    for (Resource r : source.resources()) {
      TemplateResource target = target(r);
      if (target == null) continue;
      for (Resource candidate : workload.resources()) {
        if (!candidate.id.equals(target.logicalId())
            || !candidate.location.file().equals(target.file())) continue;
        List<Location> chain = new ArrayList<>(candidate.callChain);
        if (!chain.contains(r.location)) chain.add(r.location);
        candidate.callChain = chain;
        tied++;
        break;
      }
    }
    return tied;
  }

  private TemplateResource target(Resource r) {
    String root = "";
    for (String candidate : appRoots)
      if ((candidate.isEmpty() || r.location.file().startsWith(candidate + "/"))
          && candidate.length() >= root.length()) root = candidate;
    int slash = r.id.indexOf('/');
    String stackClass = slash < 0 ? "" : r.id.substring(0, slash);
    String construct = r.id.substring(slash + 1);
    Map<String, TemplateResource> stacks = byConstruct.get(root + "|" + construct);
    if (stacks == null) return null;
    if (stacks.size() == 1) return stacks.values().iterator().next();
    return stacks.get(stackClass);
  }
}
