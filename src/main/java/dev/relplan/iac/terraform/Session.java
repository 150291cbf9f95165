package dev.relplan.iac.terraform;

import dev.relplan.model.CoverageGap;
import dev.relplan.model.CoverageGap.Cause;
import dev.relplan.model.Value;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.source.Location;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What all module instances of one scan share: the parsed directories, the evaluator and the notes.
 */
final class Session {
  static final int MAX_MODULE_DEPTH = 16;

  /**
   * Module instances for a whole scan: a module calling itself twice cannot blow up exponentially.
   */
  static final int MAX_MODULE_INSTANCES = 2000;

  int moduleInstances;
  static final Set<String> META_ARGUMENTS =
      Set.of("source", "version", "count", "for_each", "providers", "depends_on");

  /** A module source resolved to a scanned directory, or why not. */
  record Resolved(ModuleDir dir, String reason) {}

  final Evaluator evaluator = new Evaluator();
  final Map<Path, ModuleDir> dirs;
  final Set<String> notes = new LinkedHashSet<>();

  /**
   * The Region of each aws provider configuration of the root being evaluated ("aws", "aws.dr").
   */
  Map<String, Value<String>> providerRegions = Map.of();

  /**
   * Region and provider of resources whose Region matters to others (backup vaults), by model key.
   */
  final Map<String, String[]> providerOf = new java.util.HashMap<>();

  final Map<String, Value<String>> regionOf = new java.util.HashMap<>();

  /** Module calls whose source could not be read, once each (a module is resolved per use). */
  final Set<CoverageGap> coverageGaps = new LinkedHashSet<>();

  Session(Map<Path, ModuleDir> dirs) {
    this.dirs = dirs;
  }

  /** The literal source of a module call, or null when it is missing or computed. */
  static String source(Block call) {
    Attribute a = call.body().attribute("source").orElse(null);
    if (a != null && a.value() instanceof Expr.TemplateExpr t) return t.literalValue().orElse(null);
    return null;
  }

  static boolean isLocal(String source) {
    // A NUL character names no file on any system (and Path rejects it): not a local module.
    return source != null
        && source.indexOf('\0') < 0
        && (source.startsWith("./")
            || source.startsWith("../")
            || source.equals(".")
            || source.equals(".."));
  }

  Resolved resolveModule(ModuleInstance caller, Block call) {
    String src = source(call);
    String name = caller.prefix + "module." + call.label(0);
    Location at = new Location(call.range().file(), call.range().line());
    if (src == null)
      return unresolved(name, Cause.UNRESOLVABLE, "its source is not a literal string", at);
    if (!isLocal(src)) {
      return unresolved(
          name,
          Cause.NOT_FETCHED,
          "remote module source " + src + " is not fetched; what it creates cannot be determined",
          at);
    }
    Path target = caller.dir.path.resolve(src).normalize();
    ModuleDir d = dirs.get(target);
    if (d == null) {
      return unresolved(
          name,
          Cause.OUTSIDE_SCANNED_PATHS,
          "local module source "
              + src
              + " is outside the scanned paths or has no .tf files; not followed",
          at);
    }
    return new Resolved(d, null);
  }

  private Resolved unresolved(String name, Cause cause, String reason, Location at) {
    coverageGaps.add(new CoverageGap(CoverageGap.Kind.MODULE, name, cause, reason, at));
    return new Resolved(null, reason);
  }
}
