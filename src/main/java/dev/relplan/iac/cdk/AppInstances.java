package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The stack classes a CDK app's entry point instantiates ({@code new DataStack(app,
 * 'Orders-Data-prod', { stage: 'prod' })}) and the arguments each is given, so that a stack reads
 * {@code props.stage} as the app sets it. Values are evaluated in the entry's file before any stack
 * is read (on one thread), into {@link Given} objects that need no file to be read.
 */
final class AppInstances {
  /** No entry point: a constructor's parameters stay unknown, as given by the caller. */
  static final AppInstances NONE = new AppInstances(Map.of(), Map.of());

  /** A class of a file: where stack instances are made from. */
  record StackClass(String file, String name) {}

  /**
   * The arguments of the instantiation that decides a class's values, or why none does (then {@code
   * undecided} answers for every parameter).
   */
  record Decided(List<Evaluated> arguments, Evaluated undecided) {}

  /** What decides each class's values. */
  private final Map<StackClass, Decided> chosen;

  /** In the entry being read: each {@code new} of a stack class, and the parsed files. */
  private final Map<JsNode, StackClass> made;

  private final Map<String, StackFile.Parsed> files = new LinkedHashMap<>();

  private AppInstances(Map<StackClass, Decided> chosen, Map<JsNode, StackClass> made) {
    this.chosen = chosen;
    this.made = made;
  }

  /**
   * Reads the entry points: every instantiation of a class declared in a parsed file, the one that
   * decides each class's values (noted when there are several), and the stages they name as the
   * workload's environments.
   */
  static AppInstances read(
      List<StackFile.Parsed> entries,
      List<StackFile.Parsed> parsed,
      List<String> notes,
      Workload workload) {
    AppInstances instances = new AppInstances(new LinkedHashMap<>(), new IdentityHashMap<>());
    for (StackFile.Parsed p : parsed) instances.files.put(p.file(), p);
    List<Maker> makers = new ArrayList<>();
    for (StackFile.Parsed entry : entries) makers.add(new Maker(entry, null));
    // The entry makes stacks (or stages); each class given its values makes the next level: a
    // stage's stacks, a stack's own constructs.
    for (int level = 0; level < MAX_LEVELS && !makers.isEmpty(); level++) {
      Map<StackClass, List<Instantiation>> byClass = instances.instantiations(makers, notes);
      List<Maker> next = new ArrayList<>();
      byClass.forEach(
          (target, list) -> {
            if (instances.chosen.containsKey(target)) return; // decided at a level above
            // Only what the app itself makes (not a construct class a stack makes) names stages,
            // and only a class it makes more than once: one stack named "demo" or "load-test" is
            // the app's one deployment, not a pre-production copy of another.
            boolean byApp = list.stream().allMatch(Instantiation::byApp);
            if (byApp && list.size() > 1)
              for (Instantiation i : list) i.environment().ifPresent(workload.environments::add);
            instances.chosen.put(target, StageChoice.decide(target, list, notes, byApp));
            StackFile.Parsed declaring = instances.files.get(target.file());
            next.add(new Maker(declaring, classBody(declaring.js(), target.name())));
          });
      makers = next;
    }
    instances.made.clear();
    instances.files.clear(); // the stacks are read from other threads: nothing of a file is kept
    return instances;
  }

  /** How many levels of classes making classes are followed from the entry point. */
  private static final int MAX_LEVELS = 4;

  /** A file, or one class of it, whose {@code new}s of the app's own classes are read. */
  private record Maker(StackFile.Parsed file, JsNode classBody) {}

  /** Every {@code new} of a parsed file's class within the makers, by the class it makes. */
  private Map<StackClass, List<Instantiation>> instantiations(
      List<Maker> makers, List<String> notes) {
    Map<StackClass, List<Instantiation>> byClass = new LinkedHashMap<>();
    for (Maker maker : makers) {
      StackFile.Parsed in = maker.file();
      Expressions x = new Expressions(in.js(), in.refs(), notes, this);
      for (JsNode created : in.js().news()) {
        if (maker.classBody() != null && !created.hasAncestor(maker.classBody())) continue;
        StackClass target = classOf(in, created.field("constructor"));
        if (target == null) continue;
        made.put(created, target);
        byClass
            .computeIfAbsent(target, k -> new ArrayList<>())
            .add(Instantiation.of(x, target, created));
      }
    }
    return byClass;
  }

  /**
   * The value the app passes as a stack class's {@code index}-th constructor argument, or null when
   * the app's entry point does not instantiate the class.
   */
  Evaluated argument(String file, String className, int index) {
    Decided decided = chosen.get(new StackClass(file, className));
    if (decided == null) return null;
    if (decided.undecided() != null) return decided.undecided();
    List<Evaluated> arguments = decided.arguments();
    return index < arguments.size() ? arguments.get(index) : Evaluated.of(null);
  }

  /**
   * A member of a stack instance the entry makes ({@code data.ordersTable}): the construct the
   * stack class stores in that field, as a reference to its resource; null when not a stack
   * instance of a parsed file.
   */
  Evaluated member(JsNode created, String property) {
    StackClass target = made.get(created);
    StackFile.Parsed p = target == null ? null : files.get(target.file());
    JsNode body = p == null ? null : classBody(p.js(), target.name());
    if (body == null || body.children.isEmpty()) return null;
    JsNode bound = p.js().thisBinding(property, body.children.get(0));
    if (bound == null) return null;
    Evaluated value = new Expressions(p.js(), p.refs(), new ArrayList<>(), NONE).eval(bound);
    if (!(value.value() instanceof ResourceRef)) return null;
    return value.tracedFirst(List.of(p.js().at(bound)));
  }

  /** The class a {@code new} makes when a parsed file declares it, else null. */
  private StackClass classOf(StackFile.Parsed entry, JsNode constructor) {
    if (constructor == null || !constructor.unwrap().is("identifier")) return null;
    String name = constructor.unwrap().text();
    String file = entry.file();
    String qualified = entry.js().qualify(constructor);
    if (qualified != null) {
      int dot = qualified.lastIndexOf('.');
      if (dot < 0 || !qualified.startsWith(".")) return null; // a library's class
      file = ModulePaths.resolve(entry.file(), qualified.substring(0, dot), files.keySet());
      name = qualified.substring(dot + 1);
    }
    StackFile.Parsed declaring = file == null ? null : files.get(file);
    return declaring != null && classBody(declaring.js(), name) != null
        ? new StackClass(file, name)
        : null;
  }

  /** The body of the class a file declares under that name, or null. */
  static JsNode classBody(JsFile js, String name) {
    for (JsNode cls : js.root.all("class_declaration")) {
      JsNode id = cls.field("name");
      if (id != null && id.text().equals(name)) return cls.field("body");
    }
    return null;
  }

  /**
   * One {@code new StackClass(scope, id, props)}, evaluated in its file; {@code byApp} when the app
   * makes it (in the entry, outside any class), not a class of the app.
   */
  record Instantiation(
      StackClass target, Location at, Evaluated id, List<Evaluated> arguments, boolean byApp) {
    static Instantiation of(Expressions x, StackClass target, JsNode created) {
      List<Evaluated> arguments = new ArrayList<>();
      for (JsNode argument : JsFile.arguments(created))
        arguments.add(Given.of(x, x.eval(argument), 0));
      Evaluated id = arguments.size() > 1 ? arguments.get(1) : Evaluated.of(null);
      boolean byApp = created.ancestor("class_body") == null;
      return new Instantiation(target, x.at(created), id, arguments, byApp);
    }

    Optional<Workload.EnvironmentEvidence> environment() {
      String stage = StageChoice.stage(this);
      return stage == null
          ? Optional.empty()
          : Optional.of(new Workload.EnvironmentEvidence(stage, "AWS CDK stack instance", at));
    }
  }
}
