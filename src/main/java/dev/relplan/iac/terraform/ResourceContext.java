package dev.relplan.iac.terraform;

import dev.relplan.model.GenericResource;
import dev.relplan.model.Resource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.source.Location;
import java.util.List;
import java.util.function.Consumer;

/** Everything a mapper needs to turn one Terraform resource instance into model objects. */
final class ResourceContext {
  final ModuleInstance module;
  final Block block;
  final String type;

  /** The full instance address, e.g. {@code module.vpc.aws_nat_gateway.this[0]}. */
  final String address;

  final Location location;
  final Attrs attrs;
  final Workload workload;
  final Value<Boolean> exists;
  private final List<Consumer<Workload>> deferred;

  ResourceContext(
      ModuleInstance module,
      Block block,
      String type,
      String address,
      Location location,
      Attrs attrs,
      Workload workload,
      Value<Boolean> exists,
      List<Consumer<Workload>> deferred) {
    this.module = module;
    this.block = block;
    this.type = type;
    this.address = address;
    this.location = location;
    this.attrs = attrs;
    this.workload = workload;
    this.exists = exists;
    this.deferred = deferred;
  }

  String scope() {
    return module.scope;
  }

  <T extends Resource> T add(T r) {
    r.callChain = module.callChain;
    r.exists = exists;
    r.tags.putAll(attrs.tags());
    Value<String> region = region();
    if (region.present()) r.region = region;
    workload.add(r);
    return r;
  }

  /**
   * A resource that configures another one, kept in the model as generic so that its own line
   * exists.
   */
  void addGeneric() {
    add(new GenericResource(scope(), address, type, location));
  }

  /**
   * Runs after every resource of the scan is in the model (for resources that configure another
   * one).
   */
  void later(Consumer<Workload> action) {
    deferred.add(action);
  }

  /** The provider configuration this resource uses, as the root names it ("aws", "aws.dr"). */
  String provider() {
    var p = block.body().attribute("provider").orElse(null);
    String local = p != null && p.value() instanceof Expr.ScopeTraversal t ? t.path() : "aws";
    return module.rootProvider(local);
  }

  /** The Region this resource is created in, from its provider configuration. */
  Value<String> region() {
    Value<String> r = module.session.providerRegions.get(provider());
    return r != null
        ? r
        : Value.unresolved(
            "provider " + provider() + " is not configured in the root module", List.of(location));
  }

  Value<Object> self() {
    return Value.explicit(new ResourceRef(scope(), address, null), List.of(location));
  }

  /**
   * What happens to the data on destroy: RETAIN with lifecycle prevent_destroy, else the given
   * default.
   */
  Value<String> onDelete(String dflt, String why) {
    for (Block l : block.body().blocks("lifecycle")) {
      Attrs la = new Attrs(module, l.body(), Env.EMPTY, location);
      Value<Boolean> p = la.bool("prevent_destroy");
      if (p.isTrue()) return Value.explicit("RETAIN", p.trace());
    }
    return Value.defaulted(dflt, why);
  }
}
