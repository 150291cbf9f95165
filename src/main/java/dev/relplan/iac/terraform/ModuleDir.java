package dev.relplan.iac.terraform;

import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.HclFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parsed configuration of one directory: its variables, locals, resources, data sources, module
 * calls and outputs.
 */
final class ModuleDir {
  final Path path;

  /** The directory as shown in evidence ("" for the scanned root). */
  final String display;

  final List<HclFile> files = new ArrayList<>();
  final Map<String, Block> variables = new LinkedHashMap<>();
  final Map<String, Attribute> locals = new LinkedHashMap<>();

  /** Resources by "type.name", in declaration order. */
  final Map<String, Block> resources = new LinkedHashMap<>();

  final Map<String, Block> data = new LinkedHashMap<>();
  final Map<String, Block> modules = new LinkedHashMap<>();
  final Map<String, Attribute> outputs = new LinkedHashMap<>();

  ModuleDir(Path path, String display) {
    this.path = path;
    this.display = display;
  }

  void add(HclFile f) {
    files.add(f);
    for (Block b : f.body().blocks()) {
      switch (b.type()) {
        case "variable" -> {
          if (b.label(0) != null) variables.putIfAbsent(b.label(0), b);
        }
        case "locals" -> {
          for (Attribute a : b.body().attributes()) locals.putIfAbsent(a.name(), a);
        }
        case "resource" -> {
          if (b.label(0) != null && b.label(1) != null)
            resources.putIfAbsent(b.label(0) + "." + b.label(1), b);
        }
        case "data" -> {
          if (b.label(0) != null && b.label(1) != null)
            data.putIfAbsent(b.label(0) + "." + b.label(1), b);
        }
        case "module" -> {
          if (b.label(0) != null) modules.putIfAbsent(b.label(0), b);
        }
        case "output" -> {
          if (b.label(0) != null)
            b.body().attribute("value").ifPresent(v -> outputs.putIfAbsent(b.label(0), v));
        }
        default -> {}
      }
    }
  }

  String name() {
    return display.isEmpty() ? "." : display;
  }
}
