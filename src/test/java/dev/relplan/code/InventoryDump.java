package dev.relplan.code;

import dev.relplan.discover.Discovery;
import dev.relplan.model.Integration;
import dev.relplan.model.Workload;
import java.nio.file.Path;
import java.util.List;

/** Prints the inventory of a directory (a development aid for writing fixtures). */
final class InventoryDump {
  public static void main(String[] args) throws Exception {
    for (String a : args) {
      Workload w = new Workload();
      CodeScanner code = new CodeScanner();
      code.adapt(new Discovery().discover(List.of(Path.of(a))), w);
      var skipped = code.skipped();
      System.out.println("== " + a + " skipped=" + skipped);
      for (Integration i : w.integrations) {
        System.out.println(
            i.location
                + " ["
                + i.client
                + "] "
                + i.enclosing
                + " target="
                + i.target
                + " client@"
                + i.clientLocation
                + "\n    timeout="
                + i.timeout
                + " / "
                + i.timeout.note()
                + " "
                + i.timeout.trace()
                + "\n    retry="
                + i.retry
                + " disabled="
                + i.retriesDisabled
                + " cb="
                + i.circuitBreaker
                + " fb="
                + i.fallback);
      }
      for (var h : w.healthEndpoints)
        System.out.println(h.location + " health " + h.path + " check=" + h.dependencyCheck);
    }
  }
}
