package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The registry's rules follow the layout: class named for the id, package named for the domain. */
class RuleRegistryTest {
  @Test
  void everyRuleClassIsNamedForItsId() {
    for (Rule r : RuleRegistry.all()) {
      assertThat(r.getClass().getSimpleName())
          .as(r.meta().id())
          .isEqualTo(RuleMeta.className(r.meta().id()));
    }
  }

  @Test
  void everyRuleSitsInThePackageOfItsDomain() {
    for (Rule r : RuleRegistry.all()) {
      String domainPackage = r.meta().domain().name().toLowerCase(Locale.ROOT).replace("_", "");
      assertThat(r.getClass().getPackageName())
          .as(r.meta().id())
          .isEqualTo("dev.relplan.rules." + domainPackage);
    }
  }

  @Test
  void dependenciesNameRegisteredRules() {
    Set<String> ids =
        RuleRegistry.all().stream().map(r -> r.meta().id()).collect(Collectors.toSet());
    for (Rule r : RuleRegistry.all()) {
      assertThat(ids).as(r.meta().id() + " depends on").containsAll(r.meta().dependsOn());
    }
  }

  @Test
  void everyClassInADomainPackageIsARegisteredRule() throws IOException {
    Set<String> files;
    try (Stream<Path> walk = Files.walk(Path.of("src/main/java/dev/relplan/rules"), 2)) {
      files =
          walk.filter(
                  p ->
                      p.getNameCount() > 0
                          && p.getParent().getParent().endsWith("rules")
                          && p.toString().endsWith(".java"))
              .map(
                  p ->
                      p.getParent().getFileName()
                          + "."
                          + p.getFileName().toString().replace(".java", ""))
              .collect(Collectors.toCollection(TreeSet::new));
    }
    List<String> registered =
        RuleRegistry.all().stream()
            .map(
                r ->
                    r.getClass().getPackageName().substring("dev.relplan.rules.".length())
                        + "."
                        + r.getClass().getSimpleName())
            .toList();
    assertThat(registered).doesNotHaveDuplicates();
    assertThat(new TreeSet<>(registered)).isEqualTo(files);
  }
}
