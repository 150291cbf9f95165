package dev.relplan.iac.terraform;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.Unknown;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The name → function table behind Terraform's built-in functions. */
class FunctionsTableTest {
  private static Object call(String name, Object... args) {
    return new Functions(new Evaluator())
        .call(name, List.of(args).stream().map(Evaluated::of).toList())
        .value();
  }

  @Test
  void theTableHoldsEveryFunctionRelplanEvaluates() {
    assertThat(Functions.names())
        .containsExactlyInAnyOrder(
            "abs",
            "base64encode",
            "basename",
            "ceil",
            "cidrhost",
            "cidrsubnet",
            "cidrsubnets",
            "coalesce",
            "coalescelist",
            "compact",
            "concat",
            "contains",
            "distinct",
            "element",
            "endswith",
            "flatten",
            "floor",
            "format",
            "formatlist",
            "index",
            "join",
            "jsondecode",
            "jsonencode",
            "keys",
            "length",
            "lookup",
            "lower",
            "max",
            "merge",
            "min",
            "nonsensitive",
            "one",
            "range",
            "regex",
            "regexall",
            "replace",
            "reverse",
            "sensitive",
            "setunion",
            "slice",
            "sort",
            "split",
            "startswith",
            "strrev",
            "substr",
            "sum",
            "title",
            "tobool",
            "tolist",
            "tomap",
            "tonumber",
            "toset",
            "tostring",
            "trimspace",
            "upper",
            "values",
            "zipmap");
  }

  @Test
  void everyRegisteredFunctionIsCallable() {
    for (String name : Functions.names()) {
      assertThat(call(name, "x"))
          .as(name)
          .isNotEqualTo(new Unknown("function " + name + "() is not evaluated by relplan"));
    }
  }

  @Test
  void aFunctionOutsideTheTableIsUnknownByName() {
    assertThat(call("timestamp"))
        .isEqualTo(new Unknown("function timestamp() is not evaluated by relplan"));
  }

  @Test
  void aWrongArgumentCountIsAnErrorNamingTheFunction() {
    assertThat(call("upper", "a", "b"))
        .isEqualTo(new TfValues.Err("upper(): wrong number of arguments"));
  }
}
