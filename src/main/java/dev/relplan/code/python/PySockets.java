package dev.relplan.code.python;

import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.parse.python.PyFile;
import dev.relplan.parse.python.PyNode;
import java.util.List;

/**
 * Raw TCP connections of the standard library: {@code socket.create_connection(address, timeout)}
 * and {@code socket.socket(...).connect(address)}. A socket's timeout is the global default (none)
 * unless given to create_connection or set with {@code settimeout} before connecting; a timeout set
 * after connecting leaves the connection attempt unbounded. docs/client-defaults.md cites the
 * Python documentation.
 */
final class PySockets {
  private static final String NO_RETRY =
      "a socket does not retry: a failed call raises to its caller";

  private final PyFile f;
  private final PyCalls calls;

  PySockets(PyFile f, PyCalls calls) {
    this.f = f;
    this.calls = calls;
  }

  /** {@code socket.create_connection((host, port), timeout=None, source_address=None)}. */
  Integration createConnection(PyNode call) {
    Integration i = calls.integration(call, Integration.Kind.TCP, "socket.create_connection", null);
    i.target = address(PyCalls.argument(call, "address", 0));
    PyNode timeout = PyCalls.argument(call, "timeout", 1);
    PyNode later = timeout == null ? settimeout(call, false, holder(call)) : null;
    if (later != null) return unboundedConnect(i, later, "create_connection is given no timeout");
    return calls.socketTimeout(i, call, timeout);
  }

  /**
   * {@code s.connect(address)} on a {@code socket.socket(...)}: the last {@code s.settimeout(t)} or
   * {@code s.setblocking(...)} before it in the same function decides; null for a socket that is
   * not TCP (AF_UNIX, SOCK_DGRAM).
   */
  Integration connect(PyNode call, PyNode created) {
    for (PyNode a : PyFile.positional(created)) {
      String q = f.qualify(a);
      String name = q != null ? q : a.text();
      if (name.endsWith("AF_UNIX") || name.endsWith("SOCK_DGRAM") || name.endsWith("SOCK_RAW"))
        return null;
    }
    for (PyNode a : PyFile.kwargs(created).values()) {
      if (a.text().endsWith("AF_UNIX") || a.text().endsWith("SOCK_DGRAM")) return null;
    }
    Integration i = calls.integration(call, Integration.Kind.TCP, "socket.socket", created);
    List<PyNode> args = PyFile.positional(call);
    i.target = address(args.isEmpty() ? null : args.get(0));
    PyNode before = settimeout(call, true, receiver(call));
    if (before == null) {
      PyNode later = settimeout(call, false, receiver(call));
      if (later != null)
        return unboundedConnect(i, later, "no timeout is set on the socket before connect");
      return calls.socketTimeout(i, call, null);
    }
    String method = before.field("function").field("attribute").text();
    List<PyNode> given = PyFile.positional(before);
    PyNode value = given.isEmpty() ? null : given.get(0);
    if (method.equals("setblocking")) {
      if (value != null && value.is("false")) {
        i.timeout =
            Value.unresolved(
                "a non-blocking socket: how long the code waits for it is decided by the loop"
                    + " that polls it, which is not followed",
                List.of(f.at(before)));
        i.attemptSeconds = i.timeout.map(t -> 0.0);
        return i;
      }
      i.timeout =
          PyCalls.none(
              "setblocking(True) makes the socket block with no timeout: it can wait forever",
              List.of(f.at(before)));
      i.attemptSeconds = Value.explicit(Double.POSITIVE_INFINITY, List.of(f.at(before)));
      i.attempts = Value.defaulted(1, NO_RETRY);
      return i;
    }
    return value == null
        ? calls.socketTimeout(i, call, null)
        : calls.socketTimeout(i, before, value);
  }

  /** The name the call's result is held in ({@code conn = ...}, {@code with ... as conn}). */
  private static String holder(PyNode call) {
    PyNode holder = call.parent;
    if (holder != null && holder.is("assignment") && holder.field("left") != null)
      return holder.field("left").text();
    if (holder != null && holder.is("as_pattern") && holder.field("alias") != null)
      return holder.field("alias").text();
    return null;
  }

  /** The name a method is called on ({@code s} of {@code s.connect(...)}), or null. */
  private static String receiver(PyNode call) {
    PyNode fn = call.field("function");
    PyNode object = fn == null ? null : fn.field("object");
    return object != null && object.is("identifier") ? object.text() : null;
  }

  /**
   * The last {@code settimeout}/{@code setblocking} call on the socket's name in the same function
   * before {@code call}, or the first after it; null when there is none.
   */
  private PyNode settimeout(PyNode call, boolean before, String name) {
    if (name == null) return null;
    PyNode scope = call.ancestor("function_definition");
    PyNode found = null;
    for (PyNode c : (scope != null ? scope : f.root).all("call")) {
      if (before ? c.start >= call.start : c.start <= call.end) continue;
      PyNode fn = c.field("function");
      if (fn == null || !fn.is("attribute") || fn.field("attribute") == null) continue;
      String method = fn.field("attribute").text();
      if (!method.equals("settimeout") && !method.equals("setblocking")) continue;
      PyNode object = fn.field("object");
      if (object != null && object.text().equals(name)) {
        found = c;
        if (!before) break;
      }
    }
    return found;
  }

  /** A socket whose connection attempt is not bounded, with the line that bounds what follows. */
  private Integration unboundedConnect(Integration i, PyNode setLater, String why) {
    i.timeout =
        PyCalls.none(
            "connecting can wait forever: "
                + why
                + ", and the socket default is none ("
                + PyCalls.shorten(setLater.text())
                + " bounds only what follows it)",
            List.of(f.at(setLater)));
    i.attemptSeconds = Value.explicit(Double.POSITIVE_INFINITY, List.of(f.at(setLater)));
    i.attempts = Value.defaulted(1, NO_RETRY);
    return i;
  }

  /** {@code ("host", port)} written literally: tcp://host:port. */
  private Value<String> address(PyNode address) {
    PyNode tuple = address;
    if (tuple != null && tuple.is("identifier")) tuple = f.binding(tuple.text(), tuple);
    if (tuple == null || !tuple.is("tuple") || tuple.children.size() < 2) return Value.absent();
    String host = tuple.children.get(0).stringValue();
    PyNode port = tuple.children.get(1);
    if (host == null || host.isEmpty()) return Value.absent();
    return Value.explicit(
        "tcp://" + host + (port.is("integer") ? ":" + port.text() : ""), List.of());
  }
}
