package dev.relplan.iac.serverless;

import dev.relplan.model.DeploymentGroup;
import dev.relplan.model.Function;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.parse.ScalarNode;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code serverless-plugin-canary-deployments}: a function's {@code deploymentSettings} (over the
 * defaults of {@code custom.deploymentSettings}) become the CodeDeploy deployment group the plugin
 * generates for its alias, shifting traffic gradually and rolling back on deployment failure or on
 * its alarms (github.com/davidgf/serverless-plugin-canary-deployments). Without the plugin the
 * settings do nothing, and the plan says so.
 */
final class CanaryDeployments {
  static final String PLUGIN = "serverless-plugin-canary-deployments";

  private final ServiceMapper service;
  private final boolean loaded;
  private final Settings defaults;

  private CanaryDeployments(ServiceMapper service, boolean loaded, Settings defaults) {
    this.service = service;
    this.loaded = loaded;
    this.defaults = defaults;
  }

  static CanaryDeployments of(ServiceMapper service, List<String> plugins, Settings defaults) {
    return new CanaryDeployments(service, plugins.contains(PLUGIN), defaults);
  }

  void deploy(String name, Function f, Settings fn) {
    if (!fn.has("deploymentSettings")) return;
    if (!loaded) {
      service
          .notes()
          .add(
              service.display()
                  + ": function "
                  + name
                  + " has deploymentSettings but the service does not load "
                  + PLUGIN
                  + ", so they have no effect");
      return;
    }
    if (!deploysInStage()) return;
    Settings own = fn.child("deploymentSettings");
    DeploymentGroup g =
        new DeploymentGroup(
            service.scope(),
            LogicalIds.normalized(name) + "LambdaFunctionDeploymentGroup",
            "AWS::CodeDeploy::DeploymentGroup",
            fn.keyLocation("deploymentSettings"));
    g.computePlatform = Value.explicit("Lambda", List.of(g.location));
    Value<String> type = own.has("type") ? own.str("type") : defaults.str("type");
    g.deploymentConfig =
        type.map(t -> t.startsWith("CodeDeployDefault.") ? t : "CodeDeployDefault.Lambda" + t);
    g.autoRollbackEnabled = Value.explicit(true, List.of(g.location));
    g.autoRollbackEvents =
        Value.explicit(
            List.<Object>of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"), List.of(g.location));
    g.alarms = alarms(own.has("alarms") ? own : defaults);
    g.alarmsEnabled = g.alarms.map(a -> !a.isEmpty());
    g.targets = Value.explicit(List.of(f.ref()), List.of(f.location));
    Value<String> alias = own.has("alias") ? own.str("alias") : defaults.str("alias");
    if (alias.present()) f.alias = alias;
    service.add(g, own);
  }

  /** Alarms by logical id of resources (or a {@code name}), as the plugin takes them. */
  private Value<List<Object>> alarms(Settings s) {
    Value<List<Object>> listed = s.list("alarms");
    if (!listed.present()) return listed;
    List<Object> out = new ArrayList<>();
    for (Object a : listed.get())
      out.add(a instanceof String id ? new ResourceRef(service.scope(), id, null) : a);
    return Value.explicit(out, listed.trace());
  }

  /** custom.deploymentSettings.stages limits gradual deployments to the stages it lists. */
  private boolean deploysInStage() {
    if (!(defaults.node("stages") instanceof dev.relplan.parse.SeqNode stages)) return true;
    String stage = service.stage().name();
    for (var n : stages.items())
      if (n instanceof ScalarNode s && s.text() != null && s.text().equals(stage)) return true;
    service
        .notes()
        .add(
            service.display()
                + ": custom.deploymentSettings.stages does not list stage "
                + stage
                + ", so its functions deploy all at once there");
    return false;
  }
}
