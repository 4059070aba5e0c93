package org.cadre.test;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputFormat;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The published docs/team-history.schema.json (a test resource copied from docs/), as a validator. */
public final class HistorySchema {

  private static final JsonSchemaOptions OPTIONS = new JsonSchemaOptions()
    .setDraft(Draft.DRAFT202012).setBaseUri("urn:cadre:").setOutputFormat(OutputFormat.Basic);
  private static final Validator VALIDATOR = Validator.create(JsonSchema.of(json()), OPTIONS);

  private HistorySchema() {
  }

  /** The schema file as published. */
  public static JsonObject json() {
    try (InputStream in = HistorySchema.class.getResourceAsStream("/docs/team-history.schema.json")) {
      if (in == null) {
        throw new IllegalStateException("docs/team-history.schema.json is not on the test class path");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The schema's errors for the document, empty when it is valid. */
  public static List<OutputUnit> errors(Object document) {
    OutputUnit result = VALIDATOR.validate(document);
    return Boolean.TRUE.equals(result.getValid()) ? List.of() : result.getErrors();
  }

  /** "instanceLocation: error" lines, for assertion messages. */
  public static String describe(List<OutputUnit> errors) {
    return String.join("\n", errors.stream().map(e -> e.getInstanceLocation() + " (" + e.getKeywordLocation() + "): " + e.getError()).toList());
  }
}
