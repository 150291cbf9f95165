package dev.relplan.iac.cdk;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import dev.relplan.parse.python.PyParser;
import dev.relplan.parse.treesitter.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * One Python module of a CDK app read into the model, as {@link StackFile} reads a TypeScript one:
 * every {@code rds.DatabaseInstance(self, "Id", …)} of a modelled construct becomes a resource
 * (found first, so constructs can refer to each other in any order), its keyword arguments are read
 * by the shared mappers, then the event sources added to its functions ({@code
 * fn.add_event_source(SqsEventSource(queue, batch_size=10))}).
 */
final class PyStackFile {
  private PyStackFile() {}

  /**
   * A module parsed for reading, once for both the app's entry points and its own read: its tree,
   * or the reason it cannot be read (a syntax error).
   */
  static Object parse(String file, String content) {
    TSNode root = PyParser.tree(content).getRootNode();
    if (root.hasError())
      return "Python syntax error" + SyntaxNode.errorLine(root) + "; its constructs are not read";
    return new PyFile(file, PyNode.copy(root, content.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * Reads a parsed module into the draft; values the app's entry point passes to a stack class's
   * {@code __init__} come from {@code instances}.
   */
  static void read(
      PyFile py, String appRoot, Workload draft, List<String> notes, PyAppInstances instances) {
    String scope = StackFile.scope(py.file);
    Map<PyNode, ResourceRef> refs = new IdentityHashMap<>();
    Map<PyNode, String> declared = new IdentityHashMap<>();
    List<PyNode> order = new ArrayList<>();
    PyExpressions x = new PyExpressions(py, refs, notes, instances);
    findConstructs(x, refs, declared, order);
    for (PyNode call : order) {
      String name = declared.get(call);
      Construct c =
          new Construct(
              name,
              refs.get(call).id(),
              scope,
              call,
              py.at(call),
              PyProps.of(x, call, py.at(call)),
              appRoot,
              Construct.PYTHON_LIBRARY);
      ConstructMappers.of(name).mapper().accept(c, draft);
    }
    readEventSources(x, scope, draft);
  }

  /**
   * The module's modelled constructs, with their resource refs, names and source order: found
   * before any property is evaluated, so that constructs can refer to each other in any order.
   */
  static void findConstructs(
      PyExpressions x,
      Map<PyNode, ResourceRef> refs,
      Map<PyNode, String> declared,
      List<PyNode> order) {
    PyFile py = x.file();
    String scope = StackFile.scope(py.file);
    Set<String> ids = new HashSet<>();
    for (PyNode call : py.calls()) {
      String name = CdkNames.canonical(py.qualify(call.field("function")));
      if (!ConstructMappers.readsPython(name)) continue;
      refs.put(call, new ResourceRef(scope, uniqueId(x, call, ids), null));
      declared.put(call, name);
      order.add(call);
    }
  }

  /**
   * The construct's id within its stack class ({@code OrdersStack/Db}), as its construct path names
   * it (a constant followed to its text); the line is added when a module declares the same id
   * twice.
   */
  private static String uniqueId(PyExpressions x, PyNode call, Set<String> taken) {
    PyNode given = PyExpressions.argument(call, 1, "id", "construct_id");
    Object value = given == null ? null : x.eval(given).value();
    String constructId =
        given == null
            ? "construct@" + call.line
            : value instanceof String constant ? constant : writtenId(given);
    PyNode cls = call.ancestor("class_definition");
    PyNode className = cls == null ? null : cls.field("name");
    String id = className == null ? constructId : className.text() + "/" + constructId;
    if (!taken.add(id)) {
      id = id + "@" + call.line;
      taken.add(id);
    }
    return id;
  }

  /**
   * An id computed by a formatted string, as written between its quotes ({@code {PREFIX}Table}).
   */
  private static String writtenId(PyNode given) {
    if (!given.is("string")) return given.text();
    StringBuilder written = new StringBuilder();
    for (PyNode part : given.children)
      if (part.is("string_content") || part.is("interpolation")) written.append(part.text());
    return written.toString();
  }

  /** Every {@code add_event_source} call of the module whose function is a declared construct. */
  private static void readEventSources(PyExpressions x, String scope, Workload draft) {
    for (PyNode call : x.file().calls()) {
      PyNode callee = call.field("function");
      if (callee == null
          || !callee.is("attribute")
          || callee.field("attribute") == null
          || !callee.field("attribute").text().equals("add_event_source")) continue;
      List<PyNode> args = PyExpressions.positional(call);
      if (args.isEmpty()) continue;
      Evaluated function = x.eval(callee.field("object"));
      Evaluated source = x.eval(args.get(0));
      if (!(function.value() instanceof ResourceRef fn)
          || !(source.value() instanceof PyExpressions.Keywords created)
          || created.name() == null) continue;
      String className = created.name().substring(created.name().lastIndexOf('.') + 1);
      String kind = EventSources.KINDS.get(className);
      if (kind == null) continue;
      PyNode sourceArg = PyExpressions.argument(created.node(), 0, "queue", "stream", "table");
      CdkProps props = PyProps.of(x, created.node(), x.at(created.node()));
      EventSources.add(
          new EventSources.Declared(
              fn,
              kind,
              className,
              x.eval(sourceArg),
              PyExpressions.excerpt(created.node()),
              x.at(created.node()),
              props,
              kind.equals("SQS") ? null : failureDestination(x, props.ref("onFailure")),
              x.at(call),
              Construct.PYTHON_LIBRARY),
          scope,
          draft);
    }
  }

  /** {@code on_failure=SqsDlq(queue)} (or SnsDlq, S3OnFailureDestination): its target. */
  private static Value<Object> failureDestination(PyExpressions x, Value<Object> onFailure) {
    if (!(onFailure.get() instanceof PyExpressions.Keywords created) || created.name() == null)
      return onFailure;
    List<PyNode> args = PyExpressions.positional(created.node());
    Evaluated target = args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0));
    if (target.value() instanceof ResourceRef r)
      return Value.explicit(new ResourceRef(r.scope(), r.id(), null), onFailure.trace());
    return Value.unresolved(
        "the failure destination " + PyExpressions.excerpt(created.node()) + " is not followed",
        onFailure.trace());
  }
}
