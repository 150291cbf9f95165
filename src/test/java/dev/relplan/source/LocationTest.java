package dev.relplan.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocationTest {
  /** The components of Location, as a plain record with the generated methods. */
  private record Generated(String root, String file, int line) {}

  @Test
  void hashCodeIsTheOneTheGeneratedRecordMethodGives() {
    for (Location l :
        new Location[] {
          new Location("stacks/app.yaml", 12),
          new Location("root-a", "main.tf", 0),
          new Location(null, "", -7)
        }) {
      assertThat(l.hashCode()).isEqualTo(new Generated(l.root(), l.file(), l.line()).hashCode());
    }
  }

  @Test
  void locationsAreEqualOnlyWhenRootFileAndLineAllAre() {
    Location at = new Location("root", "a.yaml", 3);
    assertThat(at).isEqualTo(new Location("root", "a.yaml", 3));
    assertThat(at).isNotEqualTo(new Location(null, "a.yaml", 3));
    assertThat(at).isNotEqualTo(new Location("root", "b.yaml", 3));
    assertThat(at).isNotEqualTo(new Location("root", "a.yaml", 4));
    assertThat(new Location("a.yaml", 3)).isEqualTo(new Location(null, "a.yaml", 3));
  }
}
