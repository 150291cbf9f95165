package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.NatGateway;
import dev.relplan.model.Resource;
import dev.relplan.model.Route;
import dev.relplan.model.RouteTable;
import dev.relplan.model.RouteTableAssociation;
import dev.relplan.model.Stream;
import dev.relplan.model.Subnet;
import dev.relplan.model.Table;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.rules.Context;
import dev.relplan.rules.Domain;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Findings;
import dev.relplan.rules.Impact;
import dev.relplan.rules.InputFormat;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.Risk;
import dev.relplan.rules.Rule;
import dev.relplan.rules.RuleMeta;
import dev.relplan.rules.Tier;
import dev.relplan.source.Location;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Assessor's decisions over findings of stub rules on models built directly. */
class AssessorTest {
  private final Workload w = new Workload();
  private int line = 1;

  /** A rule that reports one finding on each of its resources, at its default rating. */
  private static final class StubRule implements Rule {
    private final RuleMeta meta;
    private final List<Resource> on = new ArrayList<>();

    StubRule(RuleMeta meta) {
      this.meta = meta;
    }

    StubRule on(Resource... resources) {
      on.addAll(List.of(resources));
      return this;
    }

    @Override
    public RuleMeta meta() {
      return meta;
    }

    @Override
    public void check(Workload workload, Context context, Findings out) {
      for (Resource r : on) out.report(this, r, meta.title() + " on " + r.id, "description");
    }
  }

  private static RuleMeta.Builder meta(
      String id, Domain domain, Impact impact, Likelihood likelihood) {
    return RuleMeta.builder(id)
        .domain(domain)
        .title("Gap " + id)
        .bestPractices("REL10-BP01")
        .impact(impact, "impact reason.")
        .likelihood(likelihood, "likelihood reason.")
        .tier(Tier.QUICK_WIN)
        .effort("Hours")
        .remediation("Fix " + id + ".")
        .formats(InputFormat.CLOUDFORMATION);
  }

  private static StubRule rule(String id, Domain domain, Impact impact, Likelihood likelihood) {
    return new StubRule(meta(id, domain, impact, likelihood).build());
  }

  private Location next() {
    return new Location("template.yaml", line++);
  }

  private <T extends Resource> T add(T r) {
    w.add(r);
    return r;
  }

  private Table table(String id) {
    return add(new Table("t", id, "AWS::DynamoDB::Table", next()));
  }

  private Database instance(String id, boolean multiAz) {
    Database db = add(new Database("t", id, "AWS::RDS::DBInstance", next()));
    db.kind = Database.Kind.INSTANCE;
    db.multiAz = Value.explicit(multiAz, List.of());
    return db;
  }

  private Subnet subnet(String id, String zone) {
    Subnet s = add(new Subnet("t", id, "AWS::EC2::Subnet", next()));
    s.availabilityZone = Value.explicit(zone, List.of());
    return s;
  }

  private Assessment assess(Rule... rules) {
    return Assessor.assess(
        w,
        List.of(rules),
        new Assessor.Inputs("test", Context.defaults(), List.of(), List.of(), List.of()));
  }

  private static List<String> numbered(Assessment a) {
    return a.findings().stream().map(f -> f.id() + " " + f.finding().resource()).toList();
  }

  private static Assessment.SpofRow spof(Assessment a, String component) {
    return a.spofs().stream()
        .filter(r -> r.component().equals(component))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void findingsAreNumberedFromTheHighestRisk() {
    Table low = table("Low");
    Table high = table("High");
    Assessment a =
        assess(
            rule("REL-MINOR", Domain.FAULT_TOLERANCE, Impact.MINOR, Likelihood.LOW).on(low),
            rule("REL-SEVERE", Domain.FAULT_TOLERANCE, Impact.SEVERE, Likelihood.HIGH).on(high));
    assertThat(numbered(a)).containsExactly("F-001 High", "F-002 Low");
    assertThat(a.findings().get(0).risk()).isEqualTo(Risk.CRITICAL);
  }

  @Test
  void findingsOfEqualRiskAreOrderedByDomainThenRuleThenResource() {
    Table alpha = table("Alpha");
    Table zeta = table("Zeta");
    Assessment a =
        assess(
            rule("REL-A-RECOVERY", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(alpha),
            rule("REL-Z-FAULT", Domain.FAULT_TOLERANCE, Impact.SEVERE, Likelihood.MEDIUM)
                .on(zeta, alpha));
    assertThat(a.findings())
        .extracting(f -> f.finding().rule().id() + " " + f.finding().resource())
        .containsExactly("REL-Z-FAULT Alpha", "REL-Z-FAULT Zeta", "REL-A-RECOVERY Alpha");
  }

  @Test
  void aFindingOnANonProductionResourceIsRatedOneImpactLowerSayingWhy() {
    Table staging = table("Carts");
    Location environmentLine = new Location("params/staging.json", 3);
    staging.environment = Value.explicit("staging", List.of(environmentLine));
    Finding f =
        assess(rule("REL-GAP", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(staging))
            .findings()
            .get(0)
            .finding();
    assertThat(f.impact()).isEqualTo(Impact.MODERATE);
    assertThat(f.impactReason())
        .isEqualTo(
            "impact reason. Rated one level lower: not production (environment 'staging' (params/staging.json:3)).");
    assertThat(f.evidence()).containsExactly(staging.location, environmentLine);
  }

  @Test
  void aFindingOnAResourceWithoutAnEnvironmentMarkerKeepsItsImpact() {
    Table carts = table("Carts");
    Finding f =
        assess(rule("REL-GAP", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(carts))
            .findings()
            .get(0)
            .finding();
    assertThat(f.impact()).isEqualTo(Impact.SEVERE);
  }

  @Test
  void recoveryFindingsOfADataPipelineAreRatedHighlyLikely() {
    Table carts = table("Carts");
    add(new Stream("t", "Clicks", "AWS::Kinesis::Stream", next()));
    add(new EventSourceMapping("t", "Consumer", "AWS::Lambda::EventSourceMapping", next()));
    Assessment a =
        assess(
            rule("REL-RECOVERY-GAP", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(carts),
            rule("REL-SCALING-GAP", Domain.SCALING, Impact.SEVERE, Likelihood.MEDIUM).on(carts));
    assertThat(a.findings())
        .extracting(f -> f.finding().rule().id() + " " + f.finding().likelihood())
        .containsExactlyInAnyOrder("REL-RECOVERY-GAP HIGH", "REL-SCALING-GAP MEDIUM");
    assertThat(a.notes()).anyMatch(n -> n.contains("judged a data pipeline"));
  }

  @Test
  void aSingleAzDatabaseIsASpofWithManualFailoverAtTheRiskOfItsFaultToleranceFinding() {
    Database db = instance("Orders", false);
    Assessment a =
        assess(
            rule("REL-FT", Domain.FAULT_TOLERANCE, Impact.SEVERE, Likelihood.MEDIUM).on(db),
            rule("REL-RECOVERY", Domain.RECOVERY, Impact.SEVERE, Likelihood.HIGH).on(db));
    Assessment.SpofRow row = spof(a, "Orders");
    assertThat(row.redundancy()).isEqualTo("single-AZ");
    assertThat(row.failover()).isEqualTo("manual (restore from backup)");
    assertThat(row.risk()).as("only fault-tolerance findings rate a SPOF").isEqualTo(Risk.HIGH);
  }

  @Test
  void aMultiAzDatabaseWithoutFindingsIsAMultiAzRowOfLowRisk() {
    instance("Orders", true);
    Assessment.SpofRow row = spof(assess(), "Orders");
    assertThat(row.redundancy()).isEqualTo("multi-AZ");
    assertThat(row.failover()).startsWith("automatic");
    assertThat(row.risk()).isEqualTo(Risk.LOW);
  }

  @Test
  void aClusterIsOneRowAndItsMembersNone() {
    Database cluster = add(new Database("t", "Cluster", "AWS::RDS::DBCluster", next()));
    cluster.kind = Database.Kind.CLUSTER;
    for (String id : List.of("Writer", "Reader")) {
      Database member = instance(id, false);
      member.cluster = Value.explicit(cluster.ref(), List.of());
      cluster.members.add(member);
    }
    Assessment a = assess();
    assertThat(a.spofs()).extracting(Assessment.SpofRow::component).containsExactly("Cluster");
    assertThat(spof(a, "Cluster").redundancy()).isEqualTo("multi-AZ");
  }

  @Test
  void anEcsServiceRunningOneTaskIsSingleAzWhateverItsSubnets() {
    Subnet a = subnet("A", "us-east-1a");
    Subnet b = subnet("B", "us-east-1b");
    ComputeGroup service = add(new ComputeGroup("t", "Service", "AWS::ECS::Service", next()));
    service.kind = ComputeGroup.Kind.ECS_SERVICE;
    service.subnets = Value.explicit(List.of(a.ref(), b.ref()), List.of());
    service.desired = Value.explicit(1, List.of());
    assertThat(spof(assess(), "Service").redundancy()).isEqualTo("single-AZ");
  }

  @Test
  void aNatGatewayRowCountsTheZonesOfTheSubnetsRoutedThroughIt() {
    Subnet a = subnet("PrivateA", "us-east-1a");
    Subnet b = subnet("PrivateB", "us-east-1b");
    NatGateway nat = add(new NatGateway("t", "Nat", "AWS::EC2::NatGateway", next()));
    RouteTable table = add(new RouteTable("t", "Private", "AWS::EC2::RouteTable", next()));
    Route route = add(new Route("t", "Default", "AWS::EC2::Route", next()));
    route.routeTable = Value.explicit(table.ref(), List.of());
    route.natGateway = Value.explicit(nat.ref(), List.of());
    for (Subnet s : List.of(a, b)) {
      RouteTableAssociation assoc =
          add(
              new RouteTableAssociation(
                  "t", "Assoc" + s.id, "AWS::EC2::SubnetRouteTableAssociation", next()));
      assoc.routeTable = Value.explicit(table.ref(), List.of());
      assoc.subnet = Value.explicit(s.ref(), List.of());
    }
    Assessment.SpofRow row = spof(assess(), "Nat");
    assertThat(row.blastRadius()).isEqualTo("Outbound traffic of private subnets in 2 zone(s)");
    assertThat(row.failover()).isEqualTo("none");
  }

  @Test
  void spofRowsAreOrderedByRiskThenComponent() {
    instance("Beta", true);
    Database alpha = instance("Alpha", true);
    Database zeta = instance("Zeta", false);
    Assessment a =
        assess(
            rule("REL-FT", Domain.FAULT_TOLERANCE, Impact.SEVERE, Likelihood.HIGH).on(zeta),
            rule("REL-FT-LOW", Domain.FAULT_TOLERANCE, Impact.MINOR, Likelihood.LOW).on(alpha));
    assertThat(a.spofs())
        .extracting(Assessment.SpofRow::component)
        .containsExactly("Zeta", "Alpha", "Beta");
  }

  @Test
  void theFindingsOfOneRuleAreOneActionNamingEachResource() {
    Table carts = table("Carts");
    Table orders = table("Orders");
    Assessment a =
        assess(
            rule("REL-GAP", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(orders, carts));
    assertThat(a.plan()).hasSize(1);
    Assessment.Action action = a.plan().get(0);
    assertThat(action.id()).isEqualTo("A-01");
    assertThat(action.findings()).containsExactly("F-001", "F-002");
    assertThat(action.title()).isEqualTo("Gap REL-GAP (Carts, Orders)");
    assertThat(action.action()).isEqualTo("Fix REL-GAP.");
  }

  @Test
  void actionsAreOrderedByTierThenRisk() {
    Table carts = table("Carts");
    StubRule strategicCritical =
        new StubRule(
            meta("REL-STRATEGIC", Domain.RECOVERY, Impact.SEVERE, Likelihood.HIGH)
                .tier(Tier.STRATEGIC)
                .build());
    StubRule quickMedium =
        rule("REL-QUICK-MEDIUM", Domain.RECOVERY, Impact.MODERATE, Likelihood.MEDIUM);
    StubRule quickHigh = rule("REL-QUICK-HIGH", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM);
    Assessment a = assess(strategicCritical.on(carts), quickMedium.on(carts), quickHigh.on(carts));
    assertThat(a.plan())
        .extracting(Assessment.Action::rule)
        .containsExactly("REL-QUICK-HIGH", "REL-QUICK-MEDIUM", "REL-STRATEGIC");
  }

  @Test
  void aDependencyOnARuleWithAnActionNamesThatActionAndOneWithoutIsLeftOut() {
    Table carts = table("Carts");
    StubRule base = rule("REL-BASE", Domain.RECOVERY, Impact.SEVERE, Likelihood.HIGH);
    StubRule dependent =
        new StubRule(
            meta("REL-DEPENDENT", Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM)
                .dependsOn("REL-BASE", "REL-WITHOUT-FINDINGS")
                .build());
    Assessment a =
        assess(
            base.on(carts),
            dependent.on(carts),
            rule("REL-WITHOUT-FINDINGS", Domain.RECOVERY, Impact.SEVERE, Likelihood.HIGH));
    assertThat(a.plan())
        .extracting(act -> act.id() + " " + act.rule() + " " + act.dependsOn())
        .containsExactly("A-01 REL-BASE []", "A-02 REL-DEPENDENT [A-01]");
  }

  @Test
  void nextStepsAreAtMostFiveActions() {
    Table carts = table("Carts");
    List<Rule> rules = new ArrayList<>();
    for (int i = 1; i <= 7; i++)
      rules.add(rule("REL-GAP-" + i, Domain.RECOVERY, Impact.SEVERE, Likelihood.MEDIUM).on(carts));
    Assessment a = assess(rules.toArray(Rule[]::new));
    assertThat(a.plan()).hasSize(7);
    assertThat(a.nextSteps()).hasSize(5);
  }

  @Test
  void aWorkloadWithNothingAssessableSaysSoAsTheMaturityReason() {
    assertThat(assess().maturityReason()).startsWith("nothing assessable was found");
  }

  @Test
  void numbersArePaddedToTheirWidthAndNeverCut() {
    assertThat(Assessor.numbered("F-", 7, 3)).isEqualTo("F-007");
    assertThat(Assessor.numbered("A-", 12, 2)).isEqualTo("A-12");
    assertThat(Assessor.numbered("F-", 1234, 3)).isEqualTo("F-1234");
  }

  @Test
  void eachQuestionListsItsItemsOnceAndInTheirOrder() {
    Map<String, List<List<String>>> byQuestion =
        Assessor.byQuestion(
            List.of(
                List.of("REL10-BP01", "REL10-BP02", "REL09-BP01"),
                List.of("REL09-BP03"),
                List.of("REL10-BP03")),
            practices -> practices);
    assertThat(byQuestion.get("REL10"))
        .containsExactly(List.of("REL10-BP01", "REL10-BP02", "REL09-BP01"), List.of("REL10-BP03"));
    assertThat(byQuestion.get("REL9"))
        .containsExactly(List.of("REL10-BP01", "REL10-BP02", "REL09-BP01"), List.of("REL09-BP03"));
    assertThat(byQuestion).doesNotContainKey("REL1");
  }
}
