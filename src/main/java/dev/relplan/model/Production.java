package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges whether a resource serves production, and says why. Markers are the deployment environment
 * (an Environment-style parameter, variable or tag), then names; with no marker at all the resource
 * is treated as production, because under-rating a production gap is the costlier error.
 *
 * <p>The one list of environment words for every format: which words name production, which name
 * another environment, and which keys carry the environment.
 */
public final class Production {
  /** Words that name production. */
  private static final Set<String> PROD = Set.of("prod", "production", "prd", "live");

  /** Words that name an environment other than production. */
  private static final Set<String> NON_PROD =
      Set.of(
          "dev",
          "development",
          "test",
          "testing",
          "qa",
          "staging",
          "stage",
          "stg",
          "sandbox",
          "uat",
          "preprod",
          "nonprod",
          "demo",
          "sbx",
          "int",
          "integration",
          "ci",
          "perf",
          "preview",
          "local");

  /**
   * Names of the parameters, variables and tags that carry the deployment environment, without
   * case, '_' or '-'.
   */
  private static final Set<String> ENVIRONMENT_KEYS =
      Set.of(
          "environment",
          "env",
          "environmentname",
          "envname",
          "stage",
          "stagename",
          "envtype",
          "environmenttype",
          "deploymentenvironment",
          "deploymentstage");

  public record Verdict(boolean production, String reason, List<Location> evidence) {}

  private Production() {}

  /** How the environment of code run on the users' side begins (see {@link #clientApp}). */
  private static final String CLIENT_APP = "client app (";

  /** Whether an environment is that of code run on the users' side ({@link #clientApp}). */
  public static boolean isClientApp(Value<String> environment) {
    return environment.present() && environment.get().startsWith(CLIENT_APP);
  }

  /**
   * The environment of calls made by code that runs on the users' side (a browser script, a mobile
   * or desktop app): not the workload's service, so not production for the rating.
   */
  public static Value<String> clientApp(String what, List<Location> evidence) {
    return Value.explicit(CLIENT_APP + what + ")", evidence);
  }

  public static Verdict of(Resource r) {
    if (r.environment.present()) {
      String env = r.environment.get();
      Boolean prod = classify(env);
      if (prod != null) {
        return new Verdict(
            prod,
            "environment '" + env + "' (" + where(r.environment.trace()) + ")",
            r.environment.trace());
      }
    }
    String[] tokens = r.identityText().split("[^a-z0-9]+");
    String loadTool = loadTool(tokens);
    if (loadTool != null)
      return new Verdict(
          false,
          "its name says it generates test load ("
              + loadTool
              + "): synthetic traffic against the service, not the service",
          List.of());
    for (String token : tokens) {
      if (PROD.contains(token))
        return new Verdict(true, "its name or tags say production", List.of());
      if (NON_PROD.contains(token))
        return new Verdict(false, "its name or tags say '" + token + "'", List.of());
    }
    if (r.environment.unresolved()) {
      return new Verdict(
          true,
          "environment cannot be determined (" + r.environment.note() + "); treated as production",
          List.of());
    }
    return new Verdict(true, "no environment marker found; treated as production", List.of());
  }

  /** Words that follow "load" in a load tool's name written as two ({@code load-generator}). */
  private static final Set<String> LOAD_NOUNS = Set.of("generator", "test", "tester", "testing");

  /** Names of tools that send synthetic load, as one word. */
  private static final Set<String> LOAD_TOOLS =
      Set.of("loadgenerator", "loadgen", "loadtest", "loadtester", "loadtesting", "locust");

  /**
   * The words that name a load generator ({@code loadgenerator}, {@code load-generator}, {@code
   * locust}), or null. A load generator's outage stops the synthetic traffic of a demo or a test,
   * not the users' requests, so it is not rated as the production service.
   */
  static String loadTool(String[] tokens) {
    for (int i = 0; i < tokens.length; i++) {
      if (LOAD_TOOLS.contains(tokens[i])) return tokens[i];
      if (tokens[i].equals("load") && i + 1 < tokens.length && LOAD_NOUNS.contains(tokens[i + 1]))
        return tokens[i] + "-" + tokens[i + 1];
    }
    return null;
  }

  /**
   * True when the key (a parameter, variable or tag name such as Environment, env_name or
   * DeploymentStage) carries the deployment environment.
   */
  public static boolean carriesEnvironment(String key) {
    return ENVIRONMENT_KEYS.contains(
        key.toLowerCase(Locale.ROOT).replace("_", "").replace("-", ""));
  }

  /**
   * The environment a resource's tags name (the first tag whose key carries it), at the resource's
   * line; absent when none does.
   */
  public static Value<String> environmentTag(Resource r) {
    for (var tag : r.tags.entrySet()) {
      if (carriesEnvironment(tag.getKey()))
        return Value.explicit(tag.getValue(), List.of(r.location));
    }
    return Value.absent();
  }

  /**
   * True when any word of the text names production, even beside a word of another environment: how
   * a file is picked as the production parameter file. {@link #classify} instead lets the other
   * environment win, as for an environment name.
   */
  public static boolean mentionsProduction(String text) {
    for (String token : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+"))
      if (PROD.contains(token)) return true;
    return false;
  }

  /**
   * True for a production environment name, false for another environment's, null when the name is
   * neither.
   */
  public static Boolean classify(String env) {
    if (env.startsWith(CLIENT_APP)) return false;
    List<String> tokens =
        new ArrayList<>(List.of(env.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")));
    for (String t : tokens) if (NON_PROD.contains(t)) return false;
    for (String t : tokens) if (PROD.contains(t)) return true;
    return null;
  }

  private static String where(List<Location> trace) {
    return trace.isEmpty() ? "declared" : trace.get(trace.size() - 1).toString();
  }
}
