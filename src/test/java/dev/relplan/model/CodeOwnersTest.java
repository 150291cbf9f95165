package dev.relplan.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.relplan.source.Location;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which function runs a call: by code folder, handler module path, and handler function. */
class CodeOwnersTest {
  private static Function function(Workload w, String id, String codeUri, String handler) {
    Function f =
        new Function("t", id, "AWS::Serverless::Function", new Location("app/template.yaml", 1));
    f.codeUri = Value.explicit(codeUri, List.of());
    f.handler = Value.explicit(handler, List.of());
    w.add(f);
    return f;
  }

  @Test
  void aDottedHandlerModuleNamesItsFileInASharedFolder() {
    Workload w = new Workload();
    Function auth = function(w, "Authorizer", "./", "handlers.authorizer.lambda_handler");
    function(w, "PreToken", "./", "handlers.pre_token.lambda_handler");
    assertThat(CodeOwners.of(w).owner("app/handlers/authorizer.py", "get_ca_cert")).isSameAs(auth);
  }

  @Test
  void aModuleSharedByTwoHandlersBelongsToTheOneWhoseFunctionMakesTheCall() {
    Workload w = new Workload();
    function(w, "Get", "src/", "handler.get");
    Function post = function(w, "Post", "src/", "handler.post");
    CodeOwners owners = CodeOwners.of(w);
    assertThat(owners.owner("app/src/handler.py", "post")).isSameAs(post);
    assertThat(owners.owner("app/src/handler.py", "helper")).isNull();
  }

  @Test
  void aFunctionPackagedFromOneFileOwnsThatFileAndNotTheScriptsBesideIt() {
    Workload w = new Workload();
    Function f =
        new Function("t", "processor", "aws_lambda_function", new Location("jobs/main.tf", 20));
    f.codeUri = Value.explicit("jobs", List.of());
    f.codeFile = Value.explicit("jobs/handler.py", List.of());
    f.handler = Value.explicit("handler.lambda_handler", List.of());
    w.add(f);
    CodeOwners owners = CodeOwners.of(w);
    assertThat(owners.owner("jobs/handler.py")).isSameAs(f);
    assertThat(owners.owner("jobs/send_test_event.py")).isNull();
  }

  @Test
  void aFileNamedByOneOfManyHandlersInASharedFolderBelongsToIt() {
    Workload w = new Workload();
    function(w, "Get", "src/", "get.handler");
    Function post = function(w, "Post", "src/", "post.handler");
    function(w, "Other", "src/", "get.other");
    CodeOwners owners = CodeOwners.of(w);
    assertThat(owners.owner("app/src/post.py")).isSameAs(post);
    assertThat(owners.owner("app/src/get.py")).isNull(); // two handlers name it
    assertThat(owners.owner("app/src/util.py")).isNull(); // none does
  }

  @Test
  void ownersOfTwentyThousandFilesInOneSharedFolderComplete() {
    // One lookup per file: a pass over the folder's functions per file took minutes here.
    Workload w = new Workload();
    int n = 20_000;
    for (int i = 0; i < n; i++) function(w, "F" + i, "src/", "h" + i + ".handler");
    CodeOwners owners = CodeOwners.of(w);
    for (int i = 0; i < n; i++)
      assertThat(owners.owner("app/src/h" + i + ".py").id).isEqualTo("F" + i);
  }
}
