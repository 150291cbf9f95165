package dev.relplan.code;

import dev.relplan.model.CodeOwners;
import dev.relplan.model.Function;
import dev.relplan.model.Integration;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * AWS_MAX_ATTEMPTS and AWS_RETRY_MODE in a Lambda function's environment change the attempts of
 * every AWS SDK client in its code that leaves them at the SDK's default (AWS SDKs and Tools
 * Reference Guide, "Retry behavior": max_attempts / AWS_MAX_ATTEMPTS, retry_mode / AWS_RETRY_MODE;
 * standard and adaptive make 3 attempts). The AWS SDK for JavaScript v2 and for Java 1.x predate
 * these settings and do not read them.
 */
final class SdkRetryEnvironment {
  /** The SDKs that read AWS_MAX_ATTEMPTS and AWS_RETRY_MODE from the environment. */
  private static final Set<String> READS_ENVIRONMENT =
      Set.of(
          "boto3",
          "AWS SDK for Java 2.x",
          "AWS SDK for JavaScript v3",
          "aws-sdk-go-v2",
          "AWS SDK for .NET");

  /** Attempts in the standard and adaptive retry modes when AWS_MAX_ATTEMPTS is not set. */
  private static final int STANDARD_ATTEMPTS = 3;

  private SdkRetryEnvironment() {}

  static void apply(Workload w) {
    List<Function> configured = new ArrayList<>();
    for (Function f : w.all(Function.class))
      if (f.sdkMaxAttempts.known() && !f.sdkMaxAttempts.trace().isEmpty()
          || f.sdkRetryMode.known() && !f.sdkRetryMode.trace().isEmpty()) configured.add(f);
    if (configured.isEmpty()) return;
    CodeOwners owners = CodeOwners.of(w);
    for (Integration i : w.integrations) {
      if (i.kind != Integration.Kind.AWS_SDK || !READS_ENVIRONMENT.contains(i.client)) continue;
      if (!i.attempts.present() || i.attempts.isExplicit()) continue; // set in code: it wins
      Function owner = owners.owner(i.location.file(), i.enclosing);
      if (owner != null && configured.contains(owner)) i.attempts = attempts(owner, i.attempts);
    }
  }

  /** The attempts the function's environment gives a client left at the SDK's default. */
  private static Value<Integer> attempts(Function f, Value<Integer> sdkDefault) {
    if (f.sdkMaxAttempts.unresolved())
      return Value.unresolved(
          "AWS_MAX_ATTEMPTS of " + f.id + " cannot be resolved: " + f.sdkMaxAttempts.note(),
          f.sdkMaxAttempts.trace());
    if (f.sdkMaxAttempts.present() && f.sdkMaxAttempts.get() > 0)
      return Value.explicit(f.sdkMaxAttempts.get(), f.sdkMaxAttempts.trace());
    if (f.sdkRetryMode.unresolved())
      return Value.unresolved(
          "AWS_RETRY_MODE of " + f.id + " cannot be resolved: " + f.sdkRetryMode.note(),
          f.sdkRetryMode.trace());
    if (!f.sdkRetryMode.present()) return sdkDefault;
    String mode = f.sdkRetryMode.get().trim().toLowerCase(Locale.ROOT);
    return mode.equals("standard") || mode.equals("adaptive")
        ? Value.explicit(STANDARD_ATTEMPTS, f.sdkRetryMode.trace())
        : sdkDefault; // legacy: the SDK's own default
  }
}
