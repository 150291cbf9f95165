package dev.relplan.generate;

import dev.relplan.model.Cache;
import dev.relplan.model.Resource;
import dev.relplan.parse.MapNode;
import dev.relplan.parse.ScalarNode;
import dev.relplan.parse.hcl.Attribute;
import dev.relplan.parse.hcl.Block;
import dev.relplan.parse.hcl.Expr;
import dev.relplan.parse.hcl.HclFile;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * REL-STATEFUL-NO-REPLICATION on an ElastiCache replication group: a replica per shard, automatic
 * failover and Multi-AZ, in a CloudFormation/SAM template or a Terraform file. Property names from
 * the AWS::ElastiCache::ReplicationGroup reference (NumCacheClusters, ReplicasPerNodeGroup,
 * AutomaticFailoverEnabled, MultiAZEnabled) and the aws_elasticache_replication_group resource
 * (num_cache_clusters, replicas_per_node_group, automatic_failover_enabled, multi_az_enabled); both
 * require at least one replica for automatic failover, and automatic failover for Multi-AZ.
 */
final class CacheReplicationFix implements MechanicalFix {
  static final String TYPE = "AWS::ElastiCache::ReplicationGroup";
  static final String TF_TYPE = "aws_elasticache_replication_group";
  static final String COST =
      "one more node of the group's node type per shard where it had none (a one-node cache's"
          + " node cost doubles); writes pause for the seconds a replica in another zone takes to"
          + " be promoted, instead of until an operator acts";

  @Override
  public Set<String> rules() {
    return Set.of("REL-STATEFUL-NO-REPLICATION");
  }

  @Override
  public boolean edits(Resource r) {
    if (!(r instanceof Cache c) || c.kind != Cache.Kind.REPLICATION_GROUP) return false;
    return Fixes.writtenAs(r, TYPE, TF_TYPE);
  }

  @Override
  public FixOutcome apply(FixTarget t) throws YamlTemplate.NotEditable {
    return Fixes.inTerraform(t.subject) ? terraform(t) : template(t);
  }

  private static FixOutcome template(FixTarget t) throws YamlTemplate.NotEditable {
    YamlTemplate template = t.file().template();
    MapNode props = template.properties(t.subject.id);
    if (props == null) throw new YamlTemplate.NotEditable("its Properties are not in block style");
    if (props.entry("NodeGroupConfiguration") != null)
      return FixOutcome.left(
          "its nodes are set per node group (NodeGroupConfiguration): give each node group a"
              + " ReplicaCount of 1 or more, then set AutomaticFailoverEnabled and MultiAZEnabled"
              + " to true");
    boolean sharded = props.entry("ReplicasPerNodeGroup") != null || props.has("NumNodeGroups");
    String countKey = sharded ? "ReplicasPerNodeGroup" : "NumCacheClusters";
    int wanted = sharded ? 1 : 2;
    Map<String, String> values = new LinkedHashMap<>();
    MapNode.Entry count = props.entry(countKey);
    Integer written = count == null ? null : wholeNumber(count);
    if (count != null && written == null) return setByExpression(t, countKey);
    if (written == null || written < wanted) values.put(countKey, String.valueOf(wanted));
    values.put("AutomaticFailoverEnabled", "true");
    values.put("MultiAZEnabled", "true");
    PropertyEdits.Result r = PropertyEdits.set(template, t.subject.id, values);
    if (r.setByExpression() != null) return setByExpression(t, r.setByExpression());
    return FixOutcome.edited(
        fixedLine(values, ": "), r.insertions().toArray(UnifiedDiff.Insertion[]::new));
  }

  private static FixOutcome terraform(FixTarget t) throws YamlTemplate.NotEditable {
    HclFile hcl = t.file().hcl(t.workload);
    Block block = TerraformFixes.resourceBlock(hcl, TF_TYPE, t.subject.location.line());
    if (block == null) throw new YamlTemplate.NotEditable("its resource block is not in the file");
    boolean sharded =
        block.body().attribute("replicas_per_node_group").isPresent()
            || block.body().attribute("num_node_groups").isPresent();
    String countKey =
        sharded
            ? "replicas_per_node_group"
            : block.body().attribute("number_cache_clusters").isPresent()
                ? "number_cache_clusters"
                : "num_cache_clusters";
    int wanted = sharded ? 1 : 2;
    Map<String, String> values = new LinkedHashMap<>();
    Attribute count = block.body().attribute(countKey).orElse(null);
    if (count != null && !(count.value() instanceof Expr.NumberLit))
      return setByExpression(t, countKey + " (" + hcl.text(count.value().range()) + ")");
    if (count == null || ((Expr.NumberLit) count.value()).value().intValue() < wanted)
      values.put(countKey, String.valueOf(wanted));
    values.put("automatic_failover_enabled", "true");
    values.put("multi_az_enabled", "true");
    AttributeEdits.Result r = AttributeEdits.set(hcl, block, values);
    if (r.setByExpression() != null) return setByExpression(t, r.setByExpression());
    return FixOutcome.edited(
        fixedLine(values, " = "), r.insertions().toArray(UnifiedDiff.Insertion[]::new));
  }

  private static String fixedLine(Map<String, String> values, String separator) {
    StringBuilder line = new StringBuilder();
    values.forEach(
        (k, v) ->
            line.append(line.length() == 0 ? "" : ", ").append(k).append(separator).append(v));
    return line
        + " (a replica in another Availability Zone, promoted automatically). Cost: "
        + COST
        + ".";
  }

  /** Left as written: failover needs a replica in every environment the expression serves. */
  private static FixOutcome setByExpression(FixTarget t, String key) {
    return FixOutcome.left(
        key
            + " is set by an expression (a parameter, variable or condition): automatic failover"
            + " needs at least one replica wherever it is enabled, so make the node count 2 or"
            + " more (one replica or more) where its value comes from, then enable automatic"
            + " failover and Multi-AZ");
  }

  /** The entry's value as a whole number written as a plain scalar, else null. */
  private static Integer wholeNumber(MapNode.Entry e) {
    return e.value() instanceof ScalarNode s
            && s.tag() == null
            && s.text() != null
            && CloudFormationFixes.isWholeNumber(s.text())
        ? Integer.valueOf(s.text())
        : null;
  }
}
