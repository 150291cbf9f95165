package dev.relplan.iac.cloudformation;

import java.util.List;

/**
 * Fn::Join over references whose values are known only after deployment. Kept symbolically so that
 * the common export pattern {@code !Join [',', [!Ref SubnetA, !Ref SubnetB]]} imported with {@code
 * !Split [',', !ImportValue ...]} still yields the subnet references.
 */
record Joined(String delimiter, List<?> parts) {
  @Override
  public String toString() {
    return "Fn::Join" + parts;
  }
}
