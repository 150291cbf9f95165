package dev.relplan.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.EventHandler;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.Function;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.resilience.CodeEventHandlerNoIdempotency;
import dev.relplan.source.Location;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Tens of thousands of queue consumers: the idempotency rule looked for each handler's event source
 * mapping by resolving every mapping of the workload again, quadratic in the model's size (50 s of
 * a 100k-file repository's run).
 */
class ManyEventHandlersTest {
  /** Milliseconds when linear; the timeout guards a regression to minutes. */
  @Test
  @Timeout(value = 120, unit = TimeUnit.SECONDS)
  void idempotencyRuleOnFortyThousandConsumersCompletes() {
    Workload w = new Workload();
    int consumers = 40_000;
    for (int i = 0; i < consumers; i++) {
      Location fn = new Location("t.yaml", 3 * i + 1);
      Location mapping = new Location("t.yaml", 3 * i + 2);
      Function f = new Function("t", "Consumer" + i, "AWS::Lambda::Function", fn);
      w.add(f);
      EventSourceMapping m =
          new EventSourceMapping("t", "Mapping" + i, "AWS::Lambda::EventSourceMapping", mapping);
      m.function = Value.explicit(f.ref(), List.of(mapping));
      w.add(m);
      w.eventHandlers.add(
          new EventHandler(
              "src/consumer" + i + ".py",
              "handler",
              "Consumer" + i,
              "SQS",
              new Location("src/consumer" + i + ".py", 1),
              fn,
              mapping));
    }
    Findings out = new Findings();
    new CodeEventHandlerNoIdempotency().check(w, Context.defaults(), out);
    assertThat(out.findings()).hasSize(consumers);
    assertThat(out.findings().get(0).description())
        .contains("does not report partial batch failures");
  }
}
