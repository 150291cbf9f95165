package dev.relplan.discover;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.relplan.parse.Limits;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * Decides from a JSON file's top-level keys, streamed without building a tree, whether any adapter
 * may read its document: lock files, fixtures and data files are then not parsed into trees.
 */
final class JsonTopLevel {
  /**
   * Keys that make a document worth its tree: a CloudFormation template or parameter file, a
   * Terraform plan, a Liquibase changelog, a Kubernetes manifest, a Serverless Framework service,
   * an ECS task definition (as registered, or wrapped in {@code taskDefinition} as {@code
   * describe-task-definition} prints it).
   */
  private static final Set<String> READ_KEYS =
      Set.of(
          "AWSTemplateFormatVersion",
          "Resources",
          "Parameters",
          "format_version",
          "terraform_version",
          "databaseChangeLog",
          "apiVersion",
          "containerDefinitions",
          "taskDefinition",
          "provider");

  /** The same leniency and limits as the full parser, so the two agree on what is JSON. */
  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .streamReadConstraints(
              StreamReadConstraints.builder().maxNestingDepth(Limits.MAX_DEPTH).build())
          .build();

  private JsonTopLevel() {}

  /**
   * False only for a well-formed object none of whose top-level keys is read by an adapter; true
   * for anything else (an array, a scalar, a duplicated key, malformed text), which the full parser
   * then reads or rejects with its usual message.
   */
  static boolean mayBeRead(String content) {
    try (JsonParser p = FACTORY.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) return true;
      Set<String> seen = new HashSet<>();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        if (READ_KEYS.contains(key) || !seen.add(key)) return true;
        p.nextToken();
        p.skipChildren();
      }
      return p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null;
    } catch (IOException | RuntimeException e) {
      return true;
    }
  }
}
