package dev.relplan.iac.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Value;
import dev.relplan.source.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A list gathered from several located parts keeps every part's lines. */
class LocatedListTest {
  private static final Location TARGET_GROUPS = new Location("template.yaml", 7);
  private static final Location LOAD_BALANCERS = new Location("template.yaml", 9);

  @Test
  void partsThatAreSetAreJoinedWithTheirLines() {
    Value<List<Object>> joined =
        new LocatedList()
            .addAll(Value.explicit(List.of("tg-a", "tg-b"), List.of(TARGET_GROUPS)))
            .addAll(Value.absent())
            .add(Value.explicit("classic-lb", List.of(LOAD_BALANCERS)))
            .value();
    assertThat(joined.get()).containsExactly("tg-a", "tg-b", "classic-lb");
    assertThat(joined.trace()).containsExactly(TARGET_GROUPS, LOAD_BALANCERS);
  }

  @Test
  void noPartSetIsAbsent() {
    assertThat(
            new LocatedList()
                .add(Value.unresolved("unknown", List.of(TARGET_GROUPS)))
                .value()
                .present())
        .isFalse();
  }

  @Test
  void anAttachmentAppendsAtItsOwnLine() {
    Location attachment = new Location("main.tf", 20);
    Value<List<Object>> targets =
        LocatedList.appended(
            Value.explicit(List.of("i-1"), List.of(TARGET_GROUPS)), "i-2", attachment);
    assertThat(targets.get()).containsExactly("i-1", "i-2");
    assertThat(targets.trace()).containsExactly(TARGET_GROUPS, attachment);
  }
}
