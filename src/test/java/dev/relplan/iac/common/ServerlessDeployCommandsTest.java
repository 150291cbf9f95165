package dev.relplan.iac.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.iac.common.ServerlessDeployCommands.Deploy;
import org.junit.jupiter.api.Test;

/** The stages serverless deploy commands name, read from the command line's words. */
class ServerlessDeployCommandsTest {
  @Test
  void shortStageOptionOfSlsIsTheStage() {
    assertThat(ServerlessDeployCommands.in("yarn sls deploy -s prod -r eu-west-1"))
        .containsExactly(new Deploy("prod", 0));
  }

  @Test
  void longStageOptionWithEqualsSignAndQuotesIsTheStage() {
    assertThat(ServerlessDeployCommands.in("npx serverless deploy --region x --stage='staging'"))
        .containsExactly(new Deploy("staging", 0));
  }

  @Test
  void eachLineOfAScriptIsItsOwnCommand() {
    assertThat(
            ServerlessDeployCommands.in(
                "npm ci\nnpx sls deploy --stage staging\nnode_modules/.bin/serverless deploy -s prod"))
        .containsExactly(new Deploy("staging", 1), new Deploy("prod", 2));
  }

  @Test
  void aStageGivenByAVariableNamesNoEnvironment() {
    assertThat(ServerlessDeployCommands.in("serverless deploy --stage $STAGE")).isEmpty();
    assertThat(ServerlessDeployCommands.in("sls deploy -s ${{ inputs.stage }}")).isEmpty();
  }

  @Test
  void aStageOptionOfTheNextCommandIsNotThisDeploysStage() {
    assertThat(ServerlessDeployCommands.in("sls deploy && other-tool -s prod")).isEmpty();
  }

  @Test
  void otherServerlessCommandsAndCommentsDeployNothing() {
    assertThat(ServerlessDeployCommands.in("sls package --stage prod")).isEmpty();
    assertThat(ServerlessDeployCommands.in("# sls deploy --stage prod")).isEmpty();
  }
}
