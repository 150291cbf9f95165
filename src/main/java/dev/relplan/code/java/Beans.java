package dev.relplan.code.java;

import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Spring {@code @Bean} methods of the whole scanned code base by the simple name of the type they
 * return, so an injected client can be traced to the one method that builds it.
 */
final class Beans {
  record Producer(FileContext ctx, MethodDeclaration method) {}

  private final Map<String, List<Producer>> byType = new HashMap<>();

  void add(FileContext ctx, MethodDeclaration m) {
    String type = m.getType().asString();
    int generic = type.indexOf('<');
    if (generic >= 0) type = type.substring(0, generic);
    type = type.substring(type.lastIndexOf('.') + 1);
    byType.computeIfAbsent(type, k -> new ArrayList<>()).add(new Producer(ctx, m));
  }

  List<Producer> producers(String simpleType) {
    return byType.getOrDefault(simpleType, List.of());
  }
}
