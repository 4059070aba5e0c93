package org.cadre.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Nested reads name the field by its whole path: under a request body as base.notes, in a document as $.a[0].b. */
class JsonBodyPathTest {

  private static String field(Runnable read) {
    return assertThrows(ApiException.class, read::run).field();
  }

  @Test
  void aNestedObjectOfARequestBodyNamesItsFieldsUnderIt() {
    JsonBody body = new JsonBody(new JsonObject().put("base", new JsonObject().put("notes", 5)));
    assertEquals("base.notes", field(() -> body.nested("base").optionalText("notes", 100)));
    assertEquals("notes", field(() -> body.object("base").optionalText("notes", 100)), "object() keeps naming the bare field");
  }

  @Test
  void listEntriesAreNamedByTheirIndex() {
    JsonBody body = new JsonBody(new JsonObject().put("items", new JsonArray()
      .add(new JsonObject().put("title", "ok")).add(new JsonObject().put("title", " ")).add("x")));
    assertEquals("items[1].title", field(() -> body.objects("items", 10, item -> item.text("title", 200))));
    assertEquals("items[2]", field(() -> body.objects("items", 10, item -> item.optionalText("title", 200))));
    assertEquals("items", field(() -> body.objects("items", 2, item -> item)));
  }

  @Test
  void aDocumentNamesEveryFieldFromItsRoot() {
    JsonObject doc = new JsonObject().put("meetings", new JsonArray().add(new JsonObject().put("attendance",
      new JsonArray().add(new JsonObject().put("email", "a@example.org").put("status", "here")))));
    JsonBody root = JsonBody.at(doc, "$");
    assertEquals("$.meetings[0].attendance[0].status", field(() -> root.objects("meetings", 10, m ->
      m.objects("attendance", 10, a -> a.enumValue("status", Status.class)))));
    assertEquals("$.team", field(() -> root.nested("team")));
    assertEquals("$.meetings[0].attendance[0].email", root.objects("meetings", 10, m ->
      m.objects("attendance", 10, a -> a.name("email"))).get(0).get(0));
    assertEquals("$.tags[1]", field(() -> JsonBody.at(new JsonObject().put("tags", new JsonArray().add("a").add(" ")), "$")
      .optionalStrings("tags", 5, 10)));
  }

  /** Any enum will do for the shared enum read. */
  private enum Status { PRESENT, LATE }
}
