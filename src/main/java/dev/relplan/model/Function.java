package dev.relplan.model;

import dev.relplan.source.Location;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A Lambda function. */
public final class Function extends Resource {
  /** How the function is invoked; filled by the adapter (SAM events) and the linker. */
  public record Trigger(String kind, boolean async, Value<Object> source, Location location) {}

  public Value<Integer> timeoutSeconds = Value.absent();
  public Value<Integer> reservedConcurrency = Value.absent();
  public Value<Integer> provisionedConcurrency = Value.absent();
  public Value<Object> deadLetterTarget = Value.absent();
  public Value<String> runtime = Value.absent();
  public Value<String> handler = Value.absent();
  public Value<String> codeUri = Value.absent();

  /**
   * AWS_MAX_ATTEMPTS and AWS_RETRY_MODE in the function's environment variables: the AWS SDKs that
   * read them (botocore, Java 2.x, JavaScript v3, Go v2, .NET) apply them to every client in the
   * function's code that does not set its own (AWS SDKs and Tools Reference Guide, "Retry
   * behavior"); absent when not set.
   */
  public Value<Integer> sdkMaxAttempts = Value.absent();

  public Value<String> sdkRetryMode = Value.absent();

  /**
   * The one file the deployment package holds (a Terraform archive_file with source_file), relative
   * to the scanned root; absent when the package is its whole folder. Other files of the folder
   * (scripts, tests) are not the function's code.
   */
  public Value<String> codeFile = Value.absent();

  /**
   * Handler code written in the template (ZipFile, InlineCode); its trace is the line of the code's
   * first line, so code locations are template lines.
   */
  public Value<String> inlineCode = Value.absent();

  /** SAM AutoPublishAlias or a separate alias resource. */
  public Value<String> alias = Value.absent();

  /** Filled by the linker from event invoke configs. */
  public Value<Object> onFailureDestination = Value.absent();

  public final List<Trigger> triggers = new ArrayList<>();

  public boolean invokedAsynchronously() {
    return triggers.stream().anyMatch(Trigger::async);
  }

  /** Whether it runs only on schedules (EventBridge or SAM Schedule/ScheduleV2 triggers). */
  public boolean scheduledOnly() {
    return !triggers.isEmpty() && triggers.stream().allMatch(t -> t.kind().startsWith("SCHEDULE"));
  }

  public boolean servesApi() {
    return triggers.stream().anyMatch(t -> t.kind().startsWith("API") || t.kind().equals("ALB"));
  }

  /**
   * The folder of its code, relative to the scanned root: CodeUri relative to the template's folder
   * (SAM), or the archive's source folder (Terraform functions carry it relative to the root
   * already); empty when the code is not local.
   */
  public Optional<String> codeDirectory() {
    if (!codeUri.present() || codeUri.get().startsWith("s3://")) return Optional.empty();
    String template = location.file();
    String dir = template.contains("/") ? template.substring(0, template.lastIndexOf('/')) : "";
    boolean terraform = type.startsWith("aws_");
    return Optional.of(terraform ? normalize(codeUri.get()) : inFolder(dir, codeUri.get()));
  }

  /**
   * A path inside a folder, normalized; absolute when the folder is (files are named by absolute
   * paths when several roots are scanned, and a path inside their folders must match them).
   */
  public static String inFolder(String folder, String path) {
    String joined = normalize(folder.isEmpty() ? path : folder + "/" + path);
    return folder.startsWith("/") ? "/" + joined : joined;
  }

  /** A relative path without "." and with ".." folded into its parent where there is one. */
  public static String normalize(String path) {
    Deque<String> parts = new ArrayDeque<>();
    for (String s : path.split("/")) {
      if (s.isEmpty() || s.equals(".")) continue;
      if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
      else parts.addLast(s);
    }
    return String.join("/", parts);
  }

  public Function(String scope, String id, String type, Location location) {
    super(scope, id, type, location);
  }
}
