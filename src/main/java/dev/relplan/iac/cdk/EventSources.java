package dev.relplan.iac.cdk;

import static dev.relplan.iac.common.TypedSettings.or;

import dev.relplan.iac.common.AwsMessaging;
import dev.relplan.iac.common.Evaluated;
import dev.relplan.model.EventSourceMapping;
import dev.relplan.model.ResourceRef;
import dev.relplan.model.Value;
import dev.relplan.model.Workload;
import dev.relplan.parse.javascript.JsFile;
import dev.relplan.parse.javascript.JsNode;
import dev.relplan.source.Location;
import java.util.List;
import java.util.Map;

/**
 * {@code fn.addEventSource(new SqsEventSource(queue, {...}))} and the stream sources: each becomes
 * the event source mapping the construct synthesises, with the event source classes' defaults.
 */
final class EventSources {
  private EventSources() {}

  static final Map<String, String> KINDS =
      Map.of(
          "SqsEventSource", "SQS",
          "KinesisEventSource", "KINESIS",
          "DynamoEventSource", "DYNAMODB");

  /** Reads every {@code addEventSource} call of the file whose function is a declared construct. */
  static void read(Expressions x, String scope, Workload draft) {
    for (Expressions.MethodCall m : x.methodCalls()) {
      if (!m.method().equals("addEventSource")) continue;
      JsNode call = m.call();
      List<JsNode> args = JsFile.arguments(call);
      if (args.isEmpty()) continue;
      Evaluated function = x.eval(m.receiver());
      Evaluated source = x.eval(args.get(0));
      if (!(function.value() instanceof ResourceRef fn)
          || !(source.value() instanceof Expressions.Created created)
          || created.name() == null) continue;
      String className = created.name().substring(created.name().lastIndexOf('.') + 1);
      String kind = KINDS.get(className);
      if (kind == null) continue;
      mapping(x, scope, fn, kind, className, created.node(), x.at(call), draft);
    }
  }

  private static void mapping(
      Expressions x,
      String scope,
      ResourceRef fn,
      String kind,
      String className,
      JsNode created,
      Location at,
      Workload draft) {
    List<JsNode> args = JsFile.arguments(created);
    Evaluated source = args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0));
    CdkProps p = CdkProps.of(x, args.size() > 1 ? args.get(1) : null, x.at(created));
    Value<Object> onFailure = kind.equals("SQS") ? null : failureDestination(x, p.ref("onFailure"));
    add(
        new Declared(
            fn,
            kind,
            className,
            source,
            Expressions.excerpt(created),
            x.at(created),
            p,
            onFailure,
            at,
            Construct.TYPESCRIPT_LIBRARY),
        scope,
        draft);
  }

  /**
   * One {@code addEventSource} call, whatever the app's language: the function, the source class
   * and its first argument (the queue or stream), where the source object is made, its properties,
   * the failure destination already followed (null for SQS), the call's line and the library name.
   */
  record Declared(
      ResourceRef function,
      String kind,
      String className,
      Evaluated source,
      String sourceText,
      Location created,
      CdkProps props,
      Value<Object> onFailure,
      Location at,
      String library) {}

  /**
   * The event source mapping the construct synthesises, with the event source classes' defaults.
   */
  static void add(Declared d, String scope, Workload draft) {
    ResourceRef fn = d.function();
    String sourceId = d.source().value() instanceof ResourceRef r ? r.id() : "source";
    String id =
        fn.id() + "/" + d.className() + ":" + sourceId.substring(sourceId.lastIndexOf('/') + 1);
    EventSourceMapping e =
        new EventSourceMapping(scope, id, "AWS::Lambda::EventSourceMapping", d.at());
    e.declaredType =
        Construct.declaredType(d.library(), "aws_lambda_event_sources." + d.className());
    e.sourceKind = d.kind();
    e.function = Value.explicit(fn, List.of(d.at()));
    e.source =
        d.source().value() instanceof ResourceRef r
            ? Value.explicit(new ResourceRef(r.scope(), r.id(), null), List.of(d.created()))
            : Value.unresolved(
                "the event source " + d.sourceText() + " is not followed", List.of(d.at()));
    CdkProps p = d.props();
    String classDefault = "the AWS CDK event source " + d.className() + " default: ";
    e.reportBatchItemFailures =
        or(
            p.bool("reportBatchItemFailures"),
            false,
            classDefault + "partial batch responses are off");
    if (d.onFailure() != null) {
      e.onFailure = d.onFailure();
      AwsMessaging.retries(e, p.integer("retryAttempts"), p.bool("bisectBatchOnError"));
    }
    e.references.add(fn);
    if (e.onFailure.get() instanceof ResourceRef r) e.references.add(r);
    if (d.source().value() instanceof ResourceRef r) e.references.add(r);
    draft.add(e);
  }

  /**
   * {@code onFailure: new SqsDlq(queue)} (or SnsDlq, S3OnFailureDestination): the queue, topic or
   * bucket.
   */
  static Value<Object> failureDestination(Expressions x, Value<Object> onFailure) {
    if (!(onFailure.get() instanceof Expressions.Created created)) return onFailure;
    List<JsNode> args = JsFile.arguments(created.node());
    Evaluated target = args.isEmpty() ? Evaluated.of(null) : x.eval(args.get(0));
    if (target.value() instanceof ResourceRef r)
      return Value.explicit(new ResourceRef(r.scope(), r.id(), null), onFailure.trace());
    return Value.unresolved(
        "the failure destination " + Expressions.excerpt(created.node()) + " is not followed",
        onFailure.trace());
  }
}
