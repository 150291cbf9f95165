package dev.relplan.iac.terraform;

import dev.relplan.model.Unknown;
import java.util.List;

/**
 * One built-in Terraform function. It receives the argument values once they are known and charged
 * against the evaluation budget ({@link Functions#call} does both), and returns the result value,
 * an {@link TfValues.Err} or an {@link Unknown}. An {@link ArithmeticException}, {@link
 * IllegalArgumentException}, {@link IndexOutOfBoundsException} or {@link ClassCastException} it
 * throws becomes an error naming the function.
 */
@FunctionalInterface
interface HclFunction {
  Object apply(List<Object> args);
}
