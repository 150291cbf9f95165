package dev.relplan.parse.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class HclRobustnessTest {

  private static final String DEPTH_MESSAGE = "nesting deeper than 256 levels";

  /**
   * Runs {@code body} on a thread with a modest 512 KiB stack (smaller than the JVM default), so
   * the depth limit is shown to hold without relying on a large stack.
   */
  private static Throwable onSmallStack(Runnable body) throws InterruptedException {
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    Thread t =
        new Thread(
            null,
            () -> {
              try {
                body.run();
              } catch (Throwable e) {
                thrown.set(e);
              }
            },
            "small-stack",
            512 * 1024);
    t.start();
    t.join();
    return thrown.get();
  }

  private static HclSyntaxException depthError(String src) throws InterruptedException {
    Throwable t = onSmallStack(() -> HclParser.parse("bomb.tf", src));
    assertThat(t).isInstanceOf(HclSyntaxException.class);
    HclSyntaxException e = (HclSyntaxException) t;
    assertThat(e.detail()).isEqualTo(DEPTH_MESSAGE);
    return e;
  }

  @Test
  void deeplyNestedBracketsGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "[".repeat(100_000));
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.column()).isEqualTo(261);
  }

  @Test
  void deeplyNestedParenthesesGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "(".repeat(100_000) + "1");
    assertThat(e.column()).isEqualTo(261);
  }

  @Test
  void longChainsOfUnaryOperatorsGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "!".repeat(100_000) + "x\n");
    assertThat(e.column()).isEqualTo(260);
  }

  @Test
  void deeplyNestedBlocksGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a {\n".repeat(100_000));
    assertThat(e.line()).isEqualTo(257);
    assertThat(e.column()).isEqualTo(3);
  }

  @Test
  void deeplyNestedTemplatesGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "\"${".repeat(100_000));
    assertThat(e.column()).isEqualTo(389);
  }

  @Test
  void deeplyNestedObjectsGiveALocatedError() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "{a = ".repeat(100_000));
    assertThat(e.column()).isEqualTo(1281);
  }

  @Test
  void deeplyNestedTemplateDirectivesGiveALocatedError() throws InterruptedException {
    Throwable t =
        onSmallStack(
            () -> HclParser.parse("bomb.tf", "a = \"" + "%{if x}".repeat(100_000) + "\"\n"));
    assertThat(t).isInstanceOf(HclSyntaxException.class);
    assertThat(((HclSyntaxException) t).detail()).isEqualTo(DEPTH_MESSAGE);
  }

  @Test
  void deeplyNestedJsonGivesALocatedError() throws InterruptedException {
    Throwable t =
        onSmallStack(() -> HclJsonParser.parse("bomb.tf.json", "{\"a\": " + "[".repeat(100_000)));
    assertThat(t).isInstanceOf(HclSyntaxException.class);
    HclSyntaxException e = (HclSyntaxException) t;
    assertThat(e.detail()).isEqualTo(DEPTH_MESSAGE);
    assertThat(e.line()).isEqualTo(1);
  }

  @Test
  void nestingJustBelowTheLimitParses() throws InterruptedException {
    String src = "a = " + "[".repeat(200) + "]".repeat(200) + "\n";
    Throwable t = onSmallStack(() -> HclParser.parse("ok.tf", src));
    assertThat(t).isNull();
  }

  @Test
  void longFlatListsAndTraversalsDoNotUseTheNestingBudget() {
    String src =
        "b = ["
            + "1, ".repeat(20_000)
            + "]\n"
            + "c = x"
            + ".y[0]".repeat(100_000)
            + "\n"
            + "o = {"
            + "k = 1, ".repeat(20_000)
            + "}\n"
            + "t = \""
            + "${x}-".repeat(20_000)
            + "\"\n";
    HclFile f = HclParser.parse("flat.tf", src);
    assertThat(f.body().attributes()).hasSize(4);
    Expr.ScopeTraversal c = (Expr.ScopeTraversal) f.body().attribute("c").orElseThrow().value();
    assertThat(c.steps()).hasSize(200_000);
  }

  @Test
  void longOperatorChainsCountAsNesting() throws InterruptedException {
    HclSyntaxException e = depthError("a = " + "x + ".repeat(1_000) + "1\n");
    assertThat(e.column()).isEqualTo(1027);
  }

  @Test
  void longPostfixChainsOnExpressionsCountAsNesting() throws InterruptedException {
    HclSyntaxException e = depthError("d = f()" + ".y".repeat(100_000) + "\n");
    assertThat(e.column()).isEqualTo(518);
  }

  @Test
  void deepestAcceptedTreesCanBePrintedAndWalkedOnASmallStack() throws InterruptedException {
    String src =
        "a = "
            + "x + ".repeat(250)
            + "1\n"
            + "b = "
            + "[".repeat(250)
            + "]".repeat(250)
            + "\n"
            + "c = f()"
            + ".y".repeat(250)
            + "\n";
    Throwable t =
        onSmallStack(
            () -> {
              for (Attribute a : HclParser.parse("deep.tf", src).body().attributes()) {
                String printed = a.value().source();
                Exprs.walk(a.value(), x -> {});
                assertThat(printed).isNotEmpty();
              }
            });
    assertThat(t).isNull();
  }

  private static final String NASTY = "{}[]()\"'$%~<-\\\n\r\t #/*=?:.,!&|+>0aZ_\u00e9\uD83D";

  private static void assertParsesOrFailsCleanly(String path, String src) {
    try {
      if (path.endsWith(".json")) {
        HclJsonParser.parse(path, src);
      } else {
        HclParser.parse(path, src);
      }
    } catch (HclSyntaxException e) {
      if (e.detail().startsWith("internal parser error") || e.line() < 1 || e.column() < 1) {
        fail("bad error for input:\n" + src, e);
      }
    } catch (Throwable t) {
      fail("crash for input:\n" + src, t);
    }
  }

  @Test
  void mutatedFixturesNeverCrashTheParsers() {
    List<String> names =
        List.of("vpc_module.tf", "rds_module.tf", "dynamic_blocks.tf", "terraform_json.tf.json");
    Random random = new Random(20240611L);
    for (int round = 0; round < 4000; round++) {
      String name = names.get(random.nextInt(names.size()));
      StringBuilder sb = new StringBuilder(Hcl.resource(name));
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations && sb.length() > 0; m++) {
        int at = random.nextInt(sb.length());
        switch (random.nextInt(4)) {
          case 0 -> sb.delete(at, Math.min(sb.length(), at + 1 + random.nextInt(20)));
          case 1 -> sb.insert(at, NASTY.charAt(random.nextInt(NASTY.length())));
          case 2 -> sb.setLength(at);
          default -> {
            int end = Math.min(sb.length(), at + random.nextInt(40));
            sb.insert(random.nextInt(sb.length()), sb.substring(at, end));
          }
        }
      }
      assertParsesOrFailsCleanly(name, sb.toString());
    }
  }

  @Test
  void randomInputNeverCrashesTheParsers() {
    Random random = new Random(7L);
    for (int round = 0; round < 4000; round++) {
      int len = random.nextInt(60);
      StringBuilder sb = new StringBuilder();
      for (int k = 0; k < len; k++) {
        sb.append(NASTY.charAt(random.nextInt(NASTY.length())));
      }
      assertParsesOrFailsCleanly("r.tf", sb.toString());
      assertParsesOrFailsCleanly("r.tf.json", sb.toString());
      assertParsesOrFailsCleanly("r.tf", "a = " + sb);
      assertParsesOrFailsCleanly("r.tf", "a = \"" + sb);
      assertParsesOrFailsCleanly("r.tf", "a = <<-EOT\n" + sb + "\nEOT\n");
    }
  }
}
