package dev.relplan.code;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.code.EntryCommands.Resolved;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The program a container command runs, from its words. */
class EntryCommandsTest {
  private static Resolved resolve(String shellForm) {
    return EntryCommands.resolve(EntryCommands.shellWords(shellForm), name -> null);
  }

  @Test
  void pythonWithOptionsRunsItsProgramFile() {
    assertThat(resolve("python -u app/main.py --port 8080").program().paths())
        .containsExactly("app/main.py");
  }

  @Test
  void gunicornRunsTheModuleHoldingTheApplication() {
    assertThat(resolve("gunicorn -b 0.0.0.0:8080 -w 4 shop.web:app").program().paths())
        .containsExactly("shop/web.py", "shop/web/__init__.py");
  }

  @Test
  void aShellCommandUnderExecIsFollowed() {
    assertThat(
            EntryCommands.resolve(List.of("sh", "-c", "exec node dist/main.js"), name -> null)
                .program()
                .paths())
        .containsExactly("dist/main.js");
  }

  @Test
  void severalCommandsAreNotOneProgram() {
    assertThat(resolve("python migrate.py && python app.py").unresolved()).isNotNull();
  }

  @Test
  void aVariableProgramIsNotResolved() {
    assertThat(resolve("python $APP").unresolved()).contains("variable");
  }

  @Test
  void aVariableOptionDoesNotHideTheApplicationModule() {
    assertThat(resolve("gunicorn app:app --bind 0.0.0.0:$PORT").program().paths())
        .containsExactly("app.py", "app/__init__.py");
  }

  @Test
  void javaDashJarIsNotResolved() {
    assertThat(resolve("java -jar app.jar").unresolved()).contains("-jar");
  }

  @Test
  void javaWithAClassPathRunsItsMainClass() {
    assertThat(resolve("java -Xmx1g -cp lib/* com.acme.Main").program().mainClass())
        .isEqualTo("com.acme.Main");
  }
}
