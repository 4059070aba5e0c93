package org.cadre.test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A REST caller with its own session cookie (or API token), blocking on each call from the test thread. */
public final class ApiClient {

  /** A response with its body parsed as JSON when it has one. */
  public record Response(int status, JsonObject json, HttpResponse<Buffer> raw) {
    public JsonObject error() {
      return json == null ? null : json.getJsonObject("error");
    }
  }

  private final Vertx vertx;
  private final int port;
  private final WebClient web;
  private String session;
  private String bearer;
  private JsonObject me;

  ApiClient(Vertx vertx, int port) {
    this.vertx = vertx;
    this.port = port;
    this.web = WebClient.create(vertx, new WebClientOptions().setDefaultHost("localhost").setDefaultPort(port));
  }

  /** A caller of whatever listens on the port of localhost, such as a proxy in front of servers. */
  public static ApiClient at(Vertx vertx, int port) {
    return new ApiClient(vertx, port);
  }

  public Response call(String method, String path, Object body) {
    return callAsync(method, path, body).await();
  }

  /** The same call without waiting, to run several at once. */
  public Future<Response> callAsync(String method, String path, Object body) {
    HttpRequest<Buffer> request = web.request(HttpMethod.valueOf(method), path);
    if (bearer != null) {
      request.putHeader("Authorization", "Bearer " + bearer);
    } else if (session != null) {
      request.putHeader("Cookie", "cadre_session=" + session);
    }
    Future<HttpResponse<Buffer>> sent = body == null ? request.send()
      : body instanceof Buffer buffer ? request.putHeader("content-type", "application/json").sendBuffer(buffer)
      : request.putHeader("content-type", "application/json").sendBuffer(Buffer.buffer(body.toString()));
    return sent.map(response -> {
      for (String cookie : response.cookies()) {
        if (cookie.startsWith("cadre_session=")) {
          String value = cookie.substring("cadre_session=".length(), cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';'));
          session = value.isEmpty() ? null : value;
        }
      }
      JsonObject json = null;
      Buffer payload = response.body();
      if (payload != null && payload.length() > 0 && payload.getByte(0) == '{') {
        json = payload.toJsonObject();
      }
      return new Response(response.statusCode(), json, response);
    });
  }

  /** A raw call with one extra header, for what the helpers above do not cover. */
  public HttpResponse<Buffer> vertxRequest(String method, String path, JsonObject body, String header, String value) {
    return web.request(HttpMethod.valueOf(method), path).putHeader(header, value).sendJsonObject(body).await();
  }

  public Response get(String path) {
    return call("GET", path, null);
  }

  /** Calls and asserts the status, answering the JSON body. */
  public JsonObject expect(int status, String method, String path, Object body) {
    Response response = call(method, path, body);
    assertEquals(status, response.status(), () -> method + " " + path + " answered " + response.status() + ": " + response.json());
    return response.json();
  }

  public ApiClient login(String email, String password) {
    expect(200, "POST", "/api/auth/login", new JsonObject().put("email", email).put("password", password));
    return this;
  }

  /** A second client authenticating with an API token instead of a cookie. */
  public ApiClient withToken(String token) {
    ApiClient other = new ApiClient(vertx, port);
    other.bearer = token;
    return other;
  }

  public JsonObject me() {
    if (me == null) {
      me = expect(200, "GET", "/api/me", null);
    }
    return me;
  }

  public String userId() {
    return me().getString("id");
  }

  public String session() {
    return session;
  }

  /** The id of the space of that name in this caller's tree ({@code GET /api/spaces}); fails when it is not there. */
  public String spaceId(String name) {
    String id = spaceIn(expect(200, "GET", "/api/spaces", null).getJsonArray("spaces"), name);
    if (id == null) {
      throw new AssertionError("no space named " + name + " in the tree");
    }
    return id;
  }

  /** The id of the space of that name in a tree as {@code GET /api/spaces} answers it, or null. */
  public static String spaceIn(JsonArray nodes, String name) {
    for (Object o : nodes) {
      JsonObject node = (JsonObject) o;
      if (name.equals(node.getString("name"))) {
        return node.getString("id");
      }
      String below = spaceIn(node.getJsonArray("children"), name);
      if (below != null) {
        return below;
      }
    }
    return null;
  }
}
