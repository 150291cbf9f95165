package dev.relplan.iac.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class EvaluatedTest {
  private static final Location A = new Location("a.tf", 1);
  private static final Location B = new Location("a.tf", 2);
  private static final Location C = new Location("a.tf", 3);

  private static List<Location> lines(int from, int count) {
    List<Location> out = new ArrayList<>();
    for (int i = from; i < from + count; i++) out.add(new Location("big.tf", i));
    return out;
  }

  @Test
  void combineKeepsEachLocationOnceInFirstSeenOrder() {
    Evaluated x = new Evaluated("x", List.of(A, B), Set.of());
    Evaluated y = new Evaluated("y", List.of(B, C, A), Set.of());
    assertThat(Evaluated.combine("xy", Arrays.asList(x, null, y)).trace()).containsExactly(A, B, C);
  }

  @Test
  void tracedFirstPutsTheNewLocationsBeforeTheOldOnes() {
    Evaluated x = new Evaluated("x", List.of(A, B, C), Set.of());
    assertThat(x.tracedFirst(List.of(C)).trace()).containsExactly(C, A, B);
  }

  /**
   * A contains check per location would take minutes on these traces; the timeout guards a hang.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void combiningLongTracesCompletes() {
    Evaluated x = new Evaluated("x", lines(0, 200_000), Set.of());
    Evaluated y = new Evaluated("y", lines(100_000, 200_000), Set.of());
    assertThat(Evaluated.combine("xy", x, y).trace()).hasSize(300_000);
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void tracingALongTraceFirstCompletes() {
    Evaluated x = new Evaluated("x", lines(0, 300_000), Set.of());
    assertThat(x.tracedFirst(lines(299_999, 2)).trace()).hasSize(300_001);
  }
}
