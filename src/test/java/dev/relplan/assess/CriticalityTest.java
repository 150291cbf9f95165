package dev.relplan.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.model.Table;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.rules.Finding;
import dev.relplan.rules.Impact;
import dev.relplan.rules.Likelihood;
import dev.relplan.rules.Risk;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The same gap is rated from the role of the resource it is on: a request-path store of record, a
 * cache, a table of expiring sessions, a scheduled job and a non-production copy each get their own
 * rating, with the reason naming the link that decided it.
 */
class CriticalityTest {
  private static final Path FIXTURES = Path.of("src/test/resources/assess/criticality");

  private static Finding finding(String fixture, String rule, String resource) throws IOException {
    Assessment a =
        Pipeline.run(
                new Pipeline.Request(
                    List.of(FIXTURES.resolve(fixture)),
                    null,
                    new Context(null, null, null, List.of()),
                    List.of()))
            .assessment();
    return a.findings().stream()
        .map(Assessment.NumberedFinding::finding)
        .filter(f -> f.rule().id().equals(rule) && f.resource().equals(resource))
        .findFirst()
        .orElseThrow(() -> new AssertionError(rule + " on " + resource + " not reported"));
  }

  @Test
  void deploymentGapOnTheRequestPathIsSevereNamingTheApi() throws IOException {
    Finding f = finding("checkout", "REL-DEPLOY-ALL-AT-ONCE", "PlaceOrderFunction");
    assertThat(f.impact()).isEqualTo(Impact.SEVERE);
    assertThat(f.impactReason()).contains("synchronous request path", "API_REST", "template.yaml");
  }

  @Test
  void deploymentGapOnAScheduledJobIsModerateOnItsOwn() throws IOException {
    Finding f = finding("checkout", "REL-DEPLOY-ALL-AT-ONCE", "NightlyReportFunction");
    assertThat(f.impactReason()).contains("scheduled job", "On its own that is Moderate");
    assertThat(f.risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void aFlaggedGapModerateOnItsOwnIsHeldHighInProductionWithTheReason() throws IOException {
    // No DLQ on a scheduled job: Moderate x Medium would be Medium; the seed flags it High.
    Finding f = finding("checkout", "REL-ASYNC-NO-DLQ", "NightlyReportFunction");
    assertThat(f.impactReason())
        .contains("scheduled job", "On its own that is Moderate", "FT-MISSING-DLQ");
    assertThat(f.risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void noDlqOnARequestHandlerWhoseOnlyAsyncEventsAreScheduleTicksIsModerateAndUnflagged()
      throws IOException {
    Finding f = finding("warmed", "REL-ASYNC-NO-DLQ", "ListBooksFunction");
    assertThat(f.flag()).isNull();
    assertThat(f.impact()).isEqualTo(Impact.MODERATE);
    assertThat(f.impactReason()).contains("keep-warm ping", "template.yaml:22");
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
  }

  @Test
  void noDlqOnARequestHandlerThatAlsoConsumesATopicKeepsItsFlag() throws IOException {
    Finding f = finding("warmed", "REL-ASYNC-NO-DLQ", "RestockFunction");
    assertThat(f.flag()).isEqualTo("FT-MISSING-DLQ");
    assertThat(f.risk()).isEqualTo(Risk.HIGH);
  }

  @Test
  void deploymentGapOnANonProductionCopyIsOneLevelLowerWithTheEnvironmentNamed()
      throws IOException {
    Finding f = finding("sandbox", "REL-DEPLOY-ALL-AT-ONCE", "PlaceOrderFunction");
    assertThat(f.impact()).isEqualTo(Impact.MODERATE);
    assertThat(f.impactReason()).contains("not production", "sandbox");
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
  }

  @Test
  void aTemplateForEveryEnvironmentIsNotRatedLowerForItsDefaultEnvironment() throws IOException {
    // Environment defaults to dev, but nothing restricts it: the same template deploys to prod.
    Finding f = finding("deployed-anywhere", "REL-DEPLOY-ALL-AT-ONCE", "PlaceOrderFunction");
    assertThat(f.impact()).isEqualTo(Impact.SEVERE);
    assertThat(f.impactReason()).doesNotContain("not production");
  }

  @Test
  void missingBackupOfAStoreOfRecordKeepsItsFlagAndSaysWhoUsesIt() throws IOException {
    Finding f = finding("checkout", "REL-BACKUP-MISSING", "OrdersTable");
    assertThat(f.impact()).isEqualTo(Impact.SEVERE);
    assertThat(f.flag()).isEqualTo("RC-NO-BACKUP");
    assertThat(f.impactReason()).contains("store of record", "PlaceOrderFunction");
  }

  @Test
  void missingBackupOfATableWithExpiringItemsIsMinorAndUnflagged() throws IOException {
    Finding f = finding("checkout", "REL-BACKUP-MISSING", "SessionsTable");
    assertThat(f.impact()).isEqualTo(Impact.MINOR);
    assertThat(f.flag()).isNull();
    assertThat(f.risk()).isEqualTo(Risk.LOW);
    assertThat(f.impactReason()).contains("transient data", "TTL enabled at template.yaml");
  }

  @Test
  void singleNodeCacheOnTheRequestPathIsSevere() throws IOException {
    Finding f = finding("checkout", "REL-STATEFUL-NO-REPLICATION", "ProductCache");
    assertThat(f.impact()).isEqualTo(Impact.SEVERE);
    assertThat(f.impactReason()).contains("used by PlaceOrderFunction");
  }

  @Test
  void fixedCapacityBelowTheApisAdmittedRateIsLikelyAndCritical() throws IOException {
    Finding f = finding("checkout", "REL-DYNAMODB-FIXED-CAPACITY", "OrdersTable");
    assertThat(f.likelihood()).isEqualTo(Likelihood.HIGH);
    assertThat(f.likelihoodReason()).contains("admits 100 requests/s", "5 capacity units");
    assertThat(f.evidence()).anyMatch(l -> l.line() == 12); // the stage's ThrottlingRateLimit
    assertThat(f.risk()).isEqualTo(Risk.CRITICAL);
  }

  @Test
  void fixedCapacityOfATableOnlyAScheduledJobUsesIsModerate() throws IOException {
    Finding f = finding("checkout", "REL-DYNAMODB-FIXED-CAPACITY", "ReportsTable");
    assertThat(f.impact()).isEqualTo(Impact.MODERATE);
    assertThat(f.risk()).isEqualTo(Risk.MEDIUM);
    assertThat(f.impactReason()).contains("NightlyReportFunction", "schedule");
  }

  @Test
  void aNameHintCountsOnlyWholeWords() {
    Table sessions = new Table("t", "CartSessionsTable", "AWS::DynamoDB::Table", null);
    Table templates = new Table("t", "TemplatesTable", "AWS::DynamoDB::Table", null);
    Workload w = new Workload();
    w.add(sessions);
    w.add(templates);
    Roles roles = Roles.of(w);
    assertThat(roles.of(sessions).data()).isEqualTo(Roles.Data.TRANSIENT);
    assertThat(roles.of(templates).data()).isEqualTo(Roles.Data.RECORD);
  }
}
