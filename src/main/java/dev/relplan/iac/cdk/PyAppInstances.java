package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Unknown;
import dev.relplan.model.Workload;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack classes a Python CDK app's entry point instantiates ({@code DataStack(app, "Data-prod",
 * stage="prod")}) and the keyword arguments each is given, so that a stack's {@code __init__}
 * parameter reads as the app sets it; the production instance decides when there are several, as
 * {@link AppInstances} does for TypeScript. Values are evaluated in the entry's module before any
 * stack is read, and keep no syntax tree.
 */
final class PyAppInstances {
  /** No entry point: a constructor's parameters stay unknown, as given by the caller. */
  static final PyAppInstances NONE = new PyAppInstances(Map.of());

  private final Map<AppInstances.StackClass, AppInstances.Decided> chosen;

  private PyAppInstances(Map<AppInstances.StackClass, AppInstances.Decided> chosen) {
    this.chosen = chosen;
  }

  /**
   * Reads the entry modules: every call of a class of the app's modules ({@code modules}, by the
   * path discovery shows, parsed; null when a module cannot be parsed), the one that decides each
   * class's values (noted when there are several), and the stages they name as the workload's
   * environments.
   */
  static PyAppInstances read(
      List<PyFile> entries, Map<String, PyFile> modules, List<String> notes, Workload workload) {
    Members members = new Members(modules);
    Map<AppInstances.StackClass, List<AppInstances.Instantiation>> byClass = new LinkedHashMap<>();
    for (PyFile py : entries) {
      PyExpressions x = new PyExpressions(py, new IdentityHashMap<>(), new ArrayList<>());
      for (PyNode call : py.calls()) {
        if (call.ancestor("class_definition") != null) continue; // made by a class, not the app
        AppInstances.StackClass target = classOf(py, call.field("function"), modules);
        if (target != null)
          byClass
              .computeIfAbsent(target, k -> new ArrayList<>())
              .add(instantiation(x, target, call, members));
      }
    }
    Map<AppInstances.StackClass, AppInstances.Decided> chosen = new LinkedHashMap<>();
    byClass.forEach(
        (target, list) -> {
          // A class made once is the app's one deployment, whatever its id names.
          if (list.size() > 1)
            for (AppInstances.Instantiation i : list)
              i.environment().ifPresent(workload.environments::add);
          chosen.put(target, StageChoice.decide(target, list, notes, true));
        });
    return new PyAppInstances(chosen);
  }

  /**
   * The class of an app module a call makes ({@code DataStack} imported {@code from
   * stacks.data_stack}, or declared in the entry itself), else null: the construct library's
   * classes and functions are not the app's.
   */
  private static AppInstances.StackClass classOf(
      PyFile entry, PyNode callee, Map<String, PyFile> modules) {
    if (callee == null || !callee.is("identifier")) return null;
    String qualified = entry.qualify(callee);
    if (qualified == null)
      return declares(entry, callee.text())
          ? new AppInstances.StackClass(entry.file, callee.text())
          : null;
    int dot = qualified.lastIndexOf('.');
    if (dot < 0) return null;
    String module = qualified.substring(0, dot);
    while (module.startsWith(".")) module = module.substring(1); // relative to the entry's folder
    String folder =
        entry.file.contains("/") ? entry.file.substring(0, entry.file.lastIndexOf('/') + 1) : "";
    String base = folder + module.replace('.', '/');
    String file =
        modules.containsKey(base + ".py")
            ? base + ".py"
            : modules.containsKey(base + "/__init__.py") ? base + "/__init__.py" : null;
    return file == null ? null : new AppInstances.StackClass(file, qualified.substring(dot + 1));
  }

  /**
   * Members of the stack instances the entry makes ({@code ledger=data.ledger}, where {@code data =
   * DataStack(app, ...)}): the construct the class stores on {@code self}, as a reference to its
   * resource, so another stack's parameter refers to it like a construct of its own module.
   */
  private static final class Members {
    private final Map<String, PyFile> modules;
    private final Map<String, PyExpressions> parsed = new HashMap<>();

    Members(Map<String, PyFile> modules) {
      this.modules = modules;
    }

    /** The construct the argument names, or null when it is not a member of a stack instance. */
    Evaluated of(PyFile entry, PyNode argument) {
      if (!argument.is("attribute")
          || argument.field("object") == null
          || !argument.field("object").is("identifier")
          || argument.field("attribute") == null) return null;
      PyNode made = entry.binding(argument.field("object").text(), argument);
      if (made == null || !made.is("call")) return null;
      AppInstances.StackClass target = classOf(entry, made.field("function"), modules);
      PyExpressions module = target == null ? null : module(target.file());
      PyNode cls = module == null ? null : classNamed(module.file(), target.name());
      PyNode body = cls == null ? null : cls.field("body");
      PyNode stored =
          body == null ? null : module.file().selfBinding(argument.field("attribute").text(), body);
      if (stored == null) return null;
      Evaluated construct = module.eval(stored);
      if (!(construct.value() instanceof ResourceRef)) return null;
      return construct.tracedFirst(List.of(module.at(stored)));
    }

    /** The module's expressions with its constructs found, or null when it cannot be parsed. */
    private PyExpressions module(String file) {
      return parsed.computeIfAbsent(
          file,
          f -> {
            PyFile py = modules.get(f);
            if (py == null) return null;
            Map<PyNode, ResourceRef> refs = new IdentityHashMap<>();
            PyExpressions x = new PyExpressions(py, refs, new ArrayList<>());
            PyStackFile.findConstructs(x, refs, new IdentityHashMap<>(), new ArrayList<>());
            return x;
          });
    }
  }

  private static PyNode classNamed(PyFile py, String className) {
    for (PyNode cls : py.root.all("class_definition")) {
      PyNode name = cls.field("name");
      if (name != null && name.text().equals(className)) return cls;
    }
    return null;
  }

  private static boolean declares(PyFile py, String className) {
    for (PyNode cls : py.root.all("class_definition")) {
      PyNode name = cls.field("name");
      if (name != null && name.text().equals(className)) return true;
    }
    return false;
  }

  /**
   * One call of a stack class, its keyword arguments evaluated in the entry, shaped as a TypeScript
   * instantiation's {@code (scope, id, props)} so the same choice of production applies.
   */
  private static AppInstances.Instantiation instantiation(
      PyExpressions x, AppInstances.StackClass target, PyNode call, Members members) {
    PyNode idNode = PyExpressions.argument(call, 1, "id", "construct_id");
    Evaluated id = idNode == null ? Evaluated.of(null) : x.eval(idNode);
    Map<String, Evaluated> keywords = new LinkedHashMap<>();
    List<PyNode> positional = PyExpressions.positional(call);
    for (int i = 2; i < positional.size(); i++) // after scope and id: by position
    keywords.put(
          POSITION + i,
          given(x.eval(positional.get(i))).tracedFirst(List.of(x.at(positional.get(i)))));
    PyFile.kwargs(call)
        .forEach(
            (name, value) -> {
              PyNode line = value.parent != null ? value.parent : value;
              Evaluated member = members.of(x.file(), value);
              Evaluated e = member != null ? member : given(x.eval(value));
              keywords.put(name, e.tracedFirst(List.of(x.at(line))));
            });
    Evaluated props = Evaluated.of(new Given(keywords, null));
    List<Evaluated> arguments = List.of(Evaluated.of(null), id, props);
    return new AppInstances.Instantiation(target, x.at(call), id, arguments, true);
  }

  /**
   * A value that needs no syntax tree of the entry: a dictionary or struct it builds, alone or in a
   * list, is not followed.
   */
  private static Evaluated given(Evaluated e) {
    if (e.value() instanceof PyExpressions.Keywords k) return e.with(notFollowed(k));
    if (e.value() instanceof List<?> items) {
      List<Object> out = new ArrayList<>();
      for (Object item : items)
        out.add(item instanceof PyExpressions.Keywords k ? notFollowed(k) : item);
      return e.with(out);
    }
    return e;
  }

  private static Unknown notFollowed(PyExpressions.Keywords built) {
    return new Unknown(
        "an object built in the app's entry point ("
            + PyExpressions.excerpt(built.node())
            + ") is not followed");
  }

  /** The key under which a positional argument of a stack call is kept ({@code #2}: the third). */
  static final String POSITION = "#";

  /** Whether the app's entry point instantiates the class, so its arguments are known. */
  boolean instantiates(String file, String className) {
    return chosen.containsKey(new AppInstances.StackClass(file, className));
  }

  /**
   * The value the app passes as a stack class's keyword argument (or positional one, keyed by
   * {@link #POSITION}); null when the app does not instantiate the class or does not pass it.
   */
  Evaluated keyword(String file, String className, String parameter) {
    AppInstances.Decided decided = chosen.get(new AppInstances.StackClass(file, className));
    if (decided == null) return null;
    if (decided.undecided() != null) return decided.undecided();
    if (!(decided.arguments().get(2).value() instanceof Given props)) return null;
    return props.members().get(parameter);
  }
}
