package dev.relplan.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Locations split into their scan root and the file relative to it. */
class ScanRootsTest {
  @Test
  void aloneTheFileIsRelativeToTheRootAndTheRootIsNamed() {
    ScanRoots roots = ScanRoots.of(List.of("infra/"));
    assertThat(roots.rooted(new Location("modules/db.tf", 3)))
        .isEqualTo(new Location("infra", "modules/db.tf", 3));
  }

  @Test
  void withSeveralRootsTheRootsNameIsSplitOffTheFile() {
    ScanRoots roots = ScanRoots.of(List.of("infra/", "services/orders/"));
    assertThat(roots.rooted(new Location("services/orders/app.py", 9)))
        .isEqualTo(new Location("services/orders", "app.py", 9));
  }

  @Test
  void aRootInsideAnotherRootsFolderClaimsItsOwnFiles() {
    ScanRoots roots = ScanRoots.of(List.of("repo/", "repo/infra/"));
    assertThat(roots.rooted(new Location("repo/infra/main.tf", 1)).root()).isEqualTo("repo/infra");
  }

  @Test
  void theCurrentDirectoryIsNamedDot() {
    assertThat(ScanRoots.of(List.of("")).rooted(new Location("main.tf", 1)).root()).isEqualTo(".");
  }

  @Test
  void aFileGivenAsPathIsItsOwnRootWhetherAloneOrNot() {
    Location alone = ScanRoots.of(List.of("infra/main.tf")).rooted(new Location("main.tf", 4));
    Location withOthers =
        ScanRoots.of(List.of("infra/main.tf", "app/")).rooted(new Location("infra/main.tf", 4));
    assertThat(withOthers).isEqualTo(alone).isEqualTo(new Location("infra/main.tf", "main.tf", 4));
  }

  @Test
  void theRootFolderItselfIsDotWhenSeveralRootsAreGiven() {
    ScanRoots roots = ScanRoots.of(List.of("infra/", "app/"));
    assertThat(roots.rooted("infra")).isEqualTo(new Location("infra", ".", 0));
  }

  @Test
  void plansForPeopleNameTheRootOnlyWhenSeveralWereGiven() {
    Location at = new Location("infra/main.tf", 12);
    assertThat(ScanRoots.of(List.of("infra/", "app/")).shown(at)).isEqualTo("infra: main.tf:12");
    assertThat(ScanRoots.of(List.of("infra/")).shown(new Location("main.tf", 12)))
        .isEqualTo("main.tf:12");
  }
}
