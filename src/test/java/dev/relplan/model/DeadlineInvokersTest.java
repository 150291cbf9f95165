package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The functions' deadlines come from one index of the workload's invokers. Large enough that
 * reading every integration once per function (the quadratic path this replaced) would take
 * minutes; asserted only as completing with the right answer (timing belongs in bench/).
 */
class DeadlineInvokersTest {
  private static final int FUNCTIONS = 20_000;

  @Test
  void eachFunctionsDeadlineIsItsOwnIntegrationsTimeoutAmongTwentyThousand() {
    Workload w = new Workload();
    List<Function> functions = new ArrayList<>();
    for (int n = 0; n < FUNCTIONS; n++) {
      Function f = new Function("t", "Fn" + n, "AWS::Lambda::Function", new Location("t.yaml", n));
      f.timeoutSeconds = Value.explicit(60, List.of());
      w.add(f);
      functions.add(f);
      ApiIntegration i =
          new ApiIntegration("t", "Api" + n, "AWS::ApiGateway::Method", new Location("t.yaml", n));
      i.function = Value.explicit(f.ref(), List.of());
      i.timeoutMillis = Value.explicit(1000 + n % 20_000, List.of());
      w.add(i);
    }
    Deadline.Invokers invokers = new Deadline.Invokers(w);

    List<Deadline> deadlines = new ArrayList<>();
    for (Function f : functions) deadlines.add(Deadline.of(f, w, invokers));

    assertThat(deadlines.get(7).tightest().seconds().get()).isEqualTo(1.007);
    assertThat(deadlines.get(7).tightest().what()).isEqualTo("the REST API integration timeout");
    assertThat(deadlines.get(FUNCTIONS - 1).tightest().seconds().get()).isEqualTo(20.999);
  }

  @Test
  void aFunctionNoIntegrationInvokesIsBoundByItsOwnTimeout() {
    Workload w = new Workload();
    Function f = new Function("t", "Lonely", "AWS::Lambda::Function", new Location("t.yaml", 1));
    f.timeoutSeconds = Value.explicit(15, List.of());
    w.add(f);

    Deadline d = Deadline.of(f, w, new Deadline.Invokers(w));

    assertThat(d.tightest().what()).isEqualTo("the function's own timeout");
    assertThat(d.tightest().seconds().get()).isEqualTo(15.0);
  }
}
