package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Everything the model knows about one declared infrastructure resource, whatever its format. */
public abstract class Resource {
  /** Logical id (CloudFormation) or address (Terraform). */
  public final String id;

  /** The native type, e.g. {@code AWS::RDS::DBInstance} or {@code aws_db_instance}. */
  public final String type;

  /**
   * The type written in the source when it differs from {@link #type}: a SAM {@code
   * AWS::Serverless::Function} and the event source mappings or deployment group SAM generates from
   * it keep the SAM type here, so advice names SAM's properties. Null when the format wrote {@link
   * #type} itself.
   */
  public String declaredType;

  /** Where the declaration starts. */
  public final Location location;

  /** The template or module instance that declares it; references resolve within a scope. */
  public final String scope;

  /**
   * The object this declaration defines when other definitions in the scanned paths may define the
   * same one; null when every declaration is its own resource (a logical id or address in another
   * template or root module is another resource).
   */
  public DefinedObject definedObject;

  /** Lines of the nested-stack or module calls that created this resource, outermost first. */
  public List<Location> callChain = List.of();

  /**
   * Whether the resource exists: false or unresolved when it depends on a condition or a count;
   * false when another object runs it in its place (a Deployment an Argo Rollout references).
   */
  public Value<Boolean> exists = Value.defaulted(true, "declared unconditionally");

  /** Tags with known values. */
  public final Map<String, String> tags = new TreeMap<>();

  /** The physical name when it is set literally. */
  public Value<String> name = Value.absent();

  /**
   * The Region the resource is created in, when the format says (Terraform provider configuration).
   */
  public Value<String> region = Value.absent();

  /** The environment this resource is deployed for (e.g. from an Environment parameter or tag). */
  public Value<String> environment = Value.absent();

  /**
   * What happens to the data when the stack deletes or replaces the resource: RETAIN, SNAPSHOT or
   * DELETE.
   */
  public Value<String> onDelete = Value.absent();

  /**
   * The resources its settings refer to (CloudFormation Ref, GetAtt and Sub; Terraform references),
   * in the order met: what it depends on, from which the assessment derives roles and fan-in.
   */
  public final Set<ResourceRef> references = new LinkedHashSet<>();

  protected Resource(String scope, String id, String type, Location location) {
    this.scope = scope;
    this.id = id;
    this.type = type;
    this.location = location;
  }

  /** The type as written in the source: {@link #declaredType} when set, else {@link #type}. */
  public String writtenType() {
    return declaredType != null ? declaredType : type;
  }

  public String key() {
    return scope + "#" + id;
  }

  public ResourceRef ref() {
    return new ResourceRef(scope, id, null);
  }

  /** Declaration line first, then the call chain. */
  public List<Location> declaration() {
    List<Location> l = new ArrayList<>();
    l.add(location);
    l.addAll(callChain);
    return l;
  }

  /** Name, tags and id, lower-cased, used by judgments such as "is this production". */
  public String identityText() {
    // Terraform addresses embed the type (aws_api_gateway_stage.main): its words say nothing about
    // the environment.
    StringBuilder sb = new StringBuilder(id.replace(type, ""));
    if (name.present()) sb.append(' ').append(name.get());
    tags.forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
    return sb.toString().toLowerCase(java.util.Locale.ROOT);
  }

  @Override
  public String toString() {
    return id;
  }
}
