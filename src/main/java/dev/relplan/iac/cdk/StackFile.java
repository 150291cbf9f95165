package dev.relplan.iac.cdk;

import dev.relplan.model.GenericResource;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.parse.javascript.JsParser;
import dev.relplan.parse.treesitter.SyntaxNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.treesitter.TSNode;

/**
 * One TypeScript file of a CDK app read into the model: every {@code new X(scope, 'Id', props)} of
 * a modelled construct becomes a resource (found first, so that constructs can refer to each other
 * in any order), then its properties are read, then the event sources added to its functions.
 */
final class StackFile {
  /** The scope of a file's constructs: references between them resolve within it. */
  static String scope(String file) {
    return "cdk:" + file;
  }

  private StackFile() {}

  /**
   * A parsed file and its constructs: the modelled ones with their resource refs (known before any
   * is mapped, so that entry points and other files can name them), and the unmodelled ones.
   */
  record Parsed(
      String file,
      JsFile js,
      Map<JsNode, ResourceRef> refs,
      Map<JsNode, String> names,
      List<JsNode> declared,
      List<JsNode> unmodelled) {}

  /** A file parsed with its constructs found, or the reason it cannot be read (a syntax error). */
  static Object parse(String file, String content) {
    TSNode root = JsParser.tree(file, content).getRootNode();
    if (root.hasError())
      return "TypeScript syntax error"
          + SyntaxNode.errorLine(root)
          + "; its constructs are not read";
    JsFile js =
        new JsFile(file, JsNode.copy(root, content.getBytes(StandardCharsets.UTF_8)), "typescript");
    String scope = scope(file);
    Parsed parsed =
        new Parsed(
            file,
            js,
            new IdentityHashMap<>(),
            new IdentityHashMap<>(),
            new ArrayList<>(),
            new ArrayList<>());
    Set<String> ids = new HashSet<>();
    for (JsNode created : js.news()) {
      String name = CdkNames.canonical(js.qualify(created.field("constructor")));
      if (name == null) continue;
      parsed.names.put(created, name);
      if (ConstructMappers.of(name) == null) {
        parsed.unmodelled.add(created);
        continue;
      }
      parsed.refs.put(created, new ResourceRef(scope, uniqueId(created, ids), null));
      parsed.declared.add(created);
    }
    return parsed;
  }

  /**
   * Reads a file into the draft; the reason it cannot be read (a syntax error) or null. Notes say
   * which conditions were decided as production would decide them.
   */
  static String read(
      String file, String content, String appRoot, Workload draft, List<String> notes) {
    Object parsed = parse(file, content);
    if (parsed instanceof String problem) return problem;
    read((Parsed) parsed, appRoot, draft, notes, AppInstances.NONE);
    return null;
  }

  /**
   * Maps a parsed file into the draft; values the app's entry point passes to a stack class's
   * constructor come from {@code instances}.
   */
  static void read(
      Parsed parsed, String appRoot, Workload draft, List<String> notes, AppInstances instances) {
    String scope = scope(parsed.file);
    Set<String> ids = new HashSet<>();
    for (ResourceRef ref : parsed.refs.values()) ids.add(ref.id());
    // Ids of unmodelled constructs come after the modelled ones', which stay as they were.
    for (JsNode created : parsed.unmodelled)
      addUnmodelled(created, parsed.names.get(created), parsed.js, scope, ids, draft);
    Expressions x = new Expressions(parsed.js, parsed.refs, notes, instances);
    for (JsNode created : parsed.declared) {
      String name = parsed.names.get(created);
      List<JsNode> args = JsFile.arguments(created);
      CdkProps props = CdkProps.of(x, args.size() > 2 ? args.get(2) : null, parsed.js.at(created));
      Construct c =
          new Construct(
              name,
              parsed.refs.get(created).id(),
              scope,
              created,
              parsed.js.at(created),
              props,
              appRoot,
              Construct.TYPESCRIPT_LIBRARY);
      ConstructMappers.of(name).mapper().accept(c, draft);
    }
    ConstructMappers.readCalls(x, scope, draft);
  }

  /**
   * Constructs of the AWS Construct Library that relplan does not model ({@code new
   * transfer.CfnServer(this, 'Sftp', …)}): each is counted, so the coverage appendix names what the
   * app declares but no rule assesses, as for a template's unmodelled resource types. A {@code new}
   * without a scope and an id (an event source, a policy statement) is no construct.
   */
  private static void addUnmodelled(
      JsNode created, String name, JsFile js, String scope, Set<String> ids, Workload draft) {
    if (!name.startsWith("aws_")) return;
    List<JsNode> args = JsFile.arguments(created);
    if (args.size() < 2
        || !(args.get(1).stringValue() != null || args.get(1).is("template_string"))) return;
    String type = "aws-cdk-lib." + name;
    GenericResource r = new GenericResource(scope, uniqueId(created, ids), type, js.at(created));
    r.declaredType = type;
    draft.add(r);
    draft.notAssessedTypes.merge(type, 1, Integer::sum);
  }

  /**
   * The construct's id within its stack class ({@code OrdersStack/Db}), as its construct path names
   * it; the line is added when a file declares the same id twice (in different functions).
   */
  private static String uniqueId(JsNode created, Set<String> taken) {
    List<JsNode> args = JsFile.arguments(created);
    String constructId =
        args.size() < 2
            ? "construct@" + created.line
            : args.get(1).stringValue() != null
                ? args.get(1).stringValue()
                : args.get(1).is("template_string")
                    ? args.get(1).text().replace("`", "") // the id as the template writes it
                    : args.get(1).text();
    JsNode body = created.ancestor("class_body");
    JsNode cls = body == null ? null : body.parent;
    JsNode className = cls == null ? null : cls.field("name");
    String id = className == null ? constructId : className.text() + "/" + constructId;
    if (!taken.add(id)) {
      id = id + "@" + created.line;
      taken.add(id);
    }
    return id;
  }
}
