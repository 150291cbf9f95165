package dev.relplan.code.python;

import static dev.relplan.code.python.PyCalls.none;
import static dev.relplan.code.python.PyCalls.shorten;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;
import java.util.Set;

/**
 * gRPC calls in Python (grpcio, also {@code grpc.aio}): a stub made from a channel ({@code
 * demo_pb2_grpc.XStub(grpc.insecure_channel(addr))}) and each call of a method on it, {@code
 * stub.M(req, timeout=…)} (also {@code .future(…)} and {@code .with_call(…)}). The call's deadline
 * is its {@code timeout} argument; gRPC sets none by default (docs/client-defaults.md, "gRPC").
 */
final class PyGrpc {
  static final String CLIENT = "gRPC (Python)";
  private static final Set<String> CHANNELS =
      Set.of(
          "grpc.insecure_channel",
          "grpc.secure_channel",
          "grpc.aio.insecure_channel",
          "grpc.aio.secure_channel");
  private static final Set<String> CALL_FORMS = Set.of("future", "with_call");

  private final PyFile f;

  PyGrpc(PyFile f) {
    this.f = f;
  }

  /** Whether a module is generated gRPC code ({@code demo_pb2_grpc}): its stubs are clients. */
  static boolean generatedModule(String name) {
    return name != null && name.length() > "_pb2_grpc".length() && name.endsWith("_pb2_grpc");
  }

  /** The integration a call of a stub method is, or null. */
  Integration analyse(PyNode call) {
    PyNode fn = call.field("function");
    if (fn == null || !fn.is("attribute") || fn.field("attribute") == null) return null;
    PyNode method = fn.field("attribute");
    PyNode receiver = fn.field("object");
    if (CALL_FORMS.contains(method.text()) && receiver.is("attribute")) {
      method = receiver.field("attribute");
      receiver = receiver.field("object");
    }
    if (method == null || receiver == null) return null;
    PyNode stub = f.origin(receiver);
    String service = stub == null ? null : stubService(stub);
    if (service == null) return null;
    Integration i =
        new Integration(
            f.file, PyCalls.enclosing(call), Integration.Kind.RPC, CLIENT, "python", f.at(method));
    i.clientLocation = f.at(stub);
    List<PyNode> stubArgs = PyFile.positional(stub);
    PyNode channel = stubArgs.isEmpty() ? null : f.origin(stubArgs.get(0));
    String address = channel == null ? null : address(channel);
    i.target =
        Value.explicit(
            service + "/" + method.text() + (address == null ? "" : " at " + address), List.of());
    i.timeout = timeout(call);
    return i;
  }

  /** The service a stub constructor call reaches, or null when the call makes no stub. */
  private String stubService(PyNode stub) {
    PyNode fn = stub.field("function");
    if (fn == null) return null;
    String name = fn.is("attribute") ? fn.field("attribute").text() : fn.text();
    if (!name.endsWith("Stub") || name.length() == "Stub".length()) return null;
    List<PyNode> args = PyFile.positional(stub);
    if (args.size() != 1) return null;
    String q = f.qualify(fn);
    String module = q == null || q.indexOf('.') < 0 ? "" : q.substring(0, q.lastIndexOf('.'));
    PyNode channel = f.origin(args.get(0));
    boolean fromChannel = channel != null && isChannel(channel);
    boolean generated = generatedModule(module.substring(module.lastIndexOf('.') + 1));
    return fromChannel || generated ? name.substring(0, name.length() - "Stub".length()) : null;
  }

  /** Whether a value is made by one of grpc's channel functions. */
  private boolean isChannel(PyNode made) {
    String maker = f.qualify(made.field("function")); // null: not a call of an imported name
    return maker != null && CHANNELS.contains(maker);
  }

  /** The channel's target when written literally. */
  private String address(PyNode channel) {
    if (!isChannel(channel)) return null;
    List<PyNode> args = PyFile.positional(channel);
    return args.isEmpty() ? null : args.get(0).stringValue();
  }

  /** {@code timeout=} (or the second positional argument): seconds, None, or an expression. */
  private Value<String> timeout(PyNode call) {
    PyNode t = PyFile.kwargs(call).get("timeout");
    List<PyNode> positional =
        PyFile.positional(call).stream()
            .filter(a -> !a.is("dictionary_splat") && !a.is("list_splat"))
            .toList();
    if (t == null && positional.size() > 1) t = positional.get(1);
    PyNode splat = dictionarySplat(call);
    if (t == null && splat != null)
      return Value.unresolved(
          "the keyword arguments " + shorten(splat.text()) + " may pass a timeout",
          List.of(f.at(splat)));
    if (t == null)
      return none(
          "gRPC sets no deadline by default (\"By default, gRPC does not set a deadline\"), and"
              + " the call passes no timeout",
          List.of());
    if (t.is("none"))
      return none("timeout=None: gRPC sets no deadline by default", List.of(f.at(t)));
    String text =
        t.is("integer") || t.is("float") ? t.text() + " s" : "set from " + shorten(t.text());
    return Value.explicit(text + " (timeout=)", List.of(f.at(t)));
  }

  private static PyNode dictionarySplat(PyNode call) {
    PyNode args = call.field("arguments");
    if (args == null) return null;
    for (PyNode a : args.children) if (a.is("dictionary_splat")) return a;
    return null;
  }
}
