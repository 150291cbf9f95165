package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Production;
import dev.relplan.model.Unknown;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which instantiation of a stack class decides its values when the app makes several: the one
 * naming production, in a property that carries the environment ({@code stage: 'prod'}) or in its
 * stack id ({@code 'Orders-prod'}), as a production parameter file decides a template's values.
 */
final class StageChoice {
  private StageChoice() {}

  /**
   * The arguments that decide the class's values; one unknown when no single instance does (noted
   * when asked: a stack the entry makes, not a construct class a stack makes several of).
   */
  static AppInstances.Decided decide(
      AppInstances.StackClass target,
      List<AppInstances.Instantiation> made,
      List<String> notes,
      boolean noteUndecided) {
    if (made.size() == 1) return new AppInstances.Decided(made.get(0).arguments(), null);
    List<AppInstances.Instantiation> production =
        made.stream().filter(i -> Boolean.TRUE.equals(classify(stage(i)))).toList();
    String where = made.stream().map(i -> i.at().toString()).collect(Collectors.joining(", "));
    String counted = target.name() + " is instantiated " + made.size() + " times (" + where + ")";
    if (production.size() == 1) {
      AppInstances.Instantiation chosen = production.get(0);
      notes.add(
          "AWS CDK: "
              + counted
              + "; the values of the production instance ("
              + chosen.at()
              + ", stage '"
              + stage(chosen)
              + "') are used");
      return new AppInstances.Decided(chosen.arguments(), null);
    }
    String reason =
        counted
            + (production.isEmpty()
                ? " and none is named for production"
                : " and " + production.size() + " are named for production")
            + ": the values it is given are not chosen";
    if (noteUndecided) notes.add("AWS CDK: " + reason);
    return new AppInstances.Decided(
        List.of(), new Evaluated(new Unknown(reason), List.of(made.get(0).at()), Set.of()));
  }

  private static Boolean classify(String stage) {
    return stage == null ? null : Production.classify(stage);
  }

  /**
   * The environment an instantiation names: a property carrying the environment ({@code stage},
   * {@code env}, {@code environment}) whose value is an environment's name, else the word of its
   * stack id that is one; null when it names none.
   */
  static String stage(AppInstances.Instantiation i) {
    if (i.arguments().size() > 2 && i.arguments().get(2).value() instanceof Given props)
      for (Map.Entry<String, Evaluated> member : props.members().entrySet())
        if (Production.carriesEnvironment(member.getKey())
            && member.getValue().value() instanceof String s
            && Production.classify(s) != null) return s;
    if (!(i.id().value() instanceof String id)) return null;
    for (String word : id.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
      if (Production.classify(word) != null) return word;
    return null;
  }
}
