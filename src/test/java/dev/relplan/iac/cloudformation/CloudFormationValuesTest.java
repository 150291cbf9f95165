package dev.relplan.iac.cloudformation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.assess.Assessment;
import dev.relplan.model.ComputeGroup;
import dev.relplan.model.Database;
import dev.relplan.model.Function;
import dev.relplan.model.Queue;
import dev.relplan.model.Subnet;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.pipeline.Pipeline;
import dev.relplan.rules.Context;
import dev.relplan.source.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where a deciding value comes from: defaults, parameter files, conditions, mappings, SAM Globals,
 * imports.
 */
class CloudFormationValuesTest {
  @TempDir Path dir;

  private Pipeline.Result run(List<ParameterFile> params) throws IOException {
    return Pipeline.run(new Pipeline.Request(List.of(dir), "t", Context.defaults(), params));
  }

  private void write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content);
  }

  private static final String DB_WITH_PARAMETER =
      """
      AWSTemplateFormatVersion: "2010-09-09"
      Parameters:
        MultiAz:
          Type: String
          Default: "false"
      Resources:
        Db:
          Type: AWS::RDS::DBInstance
          Properties:
            Engine: postgres
            MultiAZ: !Ref MultiAz
      """;

  private static Database db(Workload w) {
    return w.all(Database.class).get(0);
  }

  @Test
  void parameterDefaultDecidesTheValueAndIsCitedAsEvidence() throws IOException {
    write("db.yaml", DB_WITH_PARAMETER);
    Value<Boolean> multiAz = db(run(List.of()).workload()).multiAz;
    assertThat(multiAz.get()).isFalse();
    assertThat(multiAz.trace())
        .containsExactly(new Location("db.yaml", 11), new Location("db.yaml", 5));
  }

  @Test
  void parameterFileOverridesTheDefaultAndIsCitedAsEvidence() throws IOException {
    write("db.yaml", DB_WITH_PARAMETER);
    write(
        "params/prod.json",
        "[\n  {\"ParameterKey\": \"MultiAz\", \"ParameterValue\": \"true\"}\n]\n");
    Pipeline.Result r = run(List.of());
    Value<Boolean> multiAz = db(r.workload()).multiAz;
    assertThat(multiAz.get()).isTrue();
    assertThat(multiAz.trace()).contains(new Location("params/prod.json", 2));
    assertThat(r.assessment().notes()).anyMatch(n -> n.contains("params/prod.json"));
  }

  @Test
  void aParameterWithoutValueIsCannotDetermineNotAFinding() throws IOException {
    write("db.yaml", DB_WITH_PARAMETER.replace("    Default: \"false\"\n", ""));
    Assessment a = run(List.of()).assessment();
    assertThat(a.findings()).noneMatch(f -> f.finding().rule().id().equals("REL-DB-SINGLE-AZ"));
    assertThat(a.undetermined())
        .anyMatch(u -> u.rule().id().equals("REL-DB-SINGLE-AZ") && u.reason().contains("MultiAz"));
  }

  @Test
  void conditionSelectsTheFnIfBranch() throws IOException {
    write(
        "db.yaml",
        """
        Parameters:
          Env:
            Type: String
            Default: prod
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MultiAZ: !If [IsProd, true, false]
        """);
    Value<Boolean> multiAz = db(run(List.of()).workload()).multiAz;
    assertThat(multiAz.get()).isTrue();
    assertThat(multiAz.trace()).contains(new Location("db.yaml", 11), new Location("db.yaml", 4));
  }

  @Test
  void resourceWithAFalseConditionDoesNotExist() throws IOException {
    write(
        "db.yaml",
        """
        Parameters:
          Env:
            Type: String
            Default: dev
        Conditions:
          IsProd: !Equals [!Ref Env, prod]
        Resources:
          Replica:
            Type: AWS::RDS::DBInstance
            Condition: IsProd
            Properties:
              Engine: postgres
        """);
    assertThat(run(List.of()).workload().all(Database.class)).isEmpty();
  }

  @Test
  void findInMapValueIsCitedAtTheMappingEntry() throws IOException {
    write(
        "db.yaml",
        """
        Mappings:
          Env:
            prod:
              Retention: 3
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              BackupRetentionPeriod: !FindInMap [Env, prod, Retention]
        """);
    Value<Integer> days = db(run(List.of()).workload()).backupRetentionDays;
    assertThat(days.get()).isEqualTo(3);
    assertThat(days.trace()).contains(new Location("db.yaml", 9), new Location("db.yaml", 4));
  }

  @Test
  void samGlobalsApplyWhenTheFunctionDoesNotSetTheValue() throws IOException {
    write(
        "app.yaml",
        """
        Transform: AWS::Serverless-2016-10-31
        Globals:
          Function:
            Timeout: 45
        Resources:
          Fn:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
          Own:
            Type: AWS::Serverless::Function
            Properties:
              Handler: app.handler
              Timeout: 5
        """);
    List<Function> fns = run(List.of()).workload().all(Function.class);
    Function fn = fns.stream().filter(f -> f.id.equals("Fn")).findFirst().orElseThrow();
    Function own = fns.stream().filter(f -> f.id.equals("Own")).findFirst().orElseThrow();
    assertThat(fn.timeoutSeconds.get()).isEqualTo(45);
    assertThat(fn.timeoutSeconds.trace()).containsExactly(new Location("app.yaml", 4));
    assertThat(own.timeoutSeconds.get()).isEqualTo(5);
  }

  @Test
  void absentPropertyTakesTheServiceDefaultWithItsReason() throws IOException {
    write(
        "db.yaml",
        "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n      Engine: mysql\n");
    Value<Boolean> multiAz = db(run(List.of()).workload()).multiAz;
    assertThat(multiAz.source()).isEqualTo(Value.Source.DEFAULT);
    assertThat(multiAz.get()).isFalse();
    assertThat(multiAz.note()).contains("Single-AZ");
  }

  @Test
  void importValueFollowsAnExportBuiltFromTheStackName() throws IOException {
    write(
        "network.yaml",
        """
        Resources:
          SubnetA:
            Type: AWS::EC2::Subnet
            Properties:
              AvailabilityZone: !Select [0, !GetAZs '']
        Outputs:
          SubnetA:
            Value: !Ref SubnetA
            Export:
              Name: !Sub ${AWS::StackName}-SubnetA
        """);
    write(
        "queue.yaml",
        """
        Resources:
          Instance:
            Type: AWS::EC2::Instance
            Properties:
              SubnetId: !ImportValue network-SubnetA
        """);
    Workload w = run(List.of()).workload();
    var instance = w.all(ComputeGroup.class).get(0);
    assertThat(w.resolve(instance.subnets.get().get(0), Subnet.class)).isNotNull();
  }

  @Test
  void redrivePolicyLinksTheDeadLetterQueue() throws IOException {
    write(
        "q.yaml",
        """
        Resources:
          Dlq:
            Type: AWS::SQS::Queue
          Work:
            Type: AWS::SQS::Queue
            Properties:
              RedrivePolicy:
                deadLetterTargetArn: !GetAtt Dlq.Arn
                maxReceiveCount: 5
        """);
    Workload w = run(List.of()).workload();
    Queue dlq =
        w.all(Queue.class).stream().filter(q -> q.id.equals("Dlq")).findFirst().orElseThrow();
    assertThat(dlq.deadLetterSources).extracting(r -> r.id).containsExactly("Work");
  }

  @Test
  void ssmParameterTypesAreNeverTakenFromTheirDefault() throws IOException {
    write(
        "db.yaml",
        """
        Parameters:
          MultiAz:
            Type: AWS::SSM::Parameter::Value<String>
            Default: /config/multi-az
        Resources:
          Db:
            Type: AWS::RDS::DBInstance
            Properties:
              MultiAZ: !Ref MultiAz
        """);
    assertThat(db(run(List.of()).workload()).multiAz.unresolved()).isTrue();
  }

  @Test
  void nestedStackWithALocalTemplateIsEvaluatedWithTheParentsParameters() throws IOException {
    write(
        "root.yaml",
        """
        Resources:
          Data:
            Type: AWS::CloudFormation::Stack
            Properties:
              TemplateURL: nested/data.yaml
              Parameters:
                MultiAz: "true"
        """);
    write("nested/data.yaml", DB_WITH_PARAMETER);
    Database db = db(run(List.of()).workload());
    assertThat(db.multiAz.get()).isTrue();
    assertThat(db.callChain).containsExactly(new Location("root.yaml", 2));
  }

  @Test
  void aSubnetZoneThatCannotBeResolvedKeepsItsReason() throws IOException {
    write(
        "network.yaml",
        """
        Resources:
          SubnetA:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: vpc-1
              AvailabilityZone: !ImportValue network-zone-a
        """);
    Subnet subnet = run(List.of()).workload().all(Subnet.class).get(0);
    assertThat(subnet.availabilityZone.unresolved()).isTrue();
    assertThat(subnet.availabilityZone.note()).doesNotStartWith("no Availability Zone set");
  }
}
