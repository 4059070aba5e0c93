package org.cadre.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /api/openapi.json}: the REST API as an OpenAPI 3.1 document, kept by hand beside the code
 * ({@code org/cadre/http/openapi.json}); {@code OpenApiTest} holds it to the routes the router serves.
 */
public final class OpenApi {

  private static final String RESOURCE = "org/cadre/http/openapi.json";
  private static final Buffer DOCUMENT = read();

  private OpenApi() {
  }

  public static void mount(Router router) {
    router.get("/api/openapi.json").handler(ctx -> ctx.response()
      .putHeader("Content-Type", "application/json")
      .putHeader("Cache-Control", "no-cache")
      .end(DOCUMENT));
  }

  private static Buffer read() {
    try (InputStream in = OpenApi.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the jar");
      }
      return Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
