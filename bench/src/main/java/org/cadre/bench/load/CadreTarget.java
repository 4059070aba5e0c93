package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cadre as a client sees it: REST to sign in, create spaces and rename them (the edit), and the event-bus bridge's
 * frames over a plain WebSocket ({@code /eventbus/websocket}, docs/protocol.md) to follow spaces. Each group of
 * clients is one person, a member of the spaces its clients follow; the administrator creates and renames.
 */
final class CadreTarget implements Target {

  private static final String PASSWORD = "bench-password-2026";

  private final Vertx vertx;
  private final URI base;
  private final String adminEmail;
  private final String adminPassword;
  private final Links links;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final List<String> cookies = new ArrayList<>(); // per group
  private String adminCookie;

  CadreTarget(Vertx vertx, URI base, String adminEmail, String adminPassword, String databaseUrl) {
    this.vertx = vertx;
    this.base = base;
    this.adminEmail = adminEmail;
    this.adminPassword = adminPassword;
    this.links = Links.open(vertx, base, databaseUrl);
  }

  @Override
  public String name() {
    return "cadre";
  }

  @Override
  public Future<List<String>> prepare(int spaces, int groups) {
    return call(HttpMethod.POST, "/api/auth/login", null, new JsonObject().put("email", adminEmail).put("password", adminPassword))
      .compose(login -> {
        adminCookie = login.cookie;
        return call(HttpMethod.POST, "/api/spaces", adminCookie, new JsonObject().put("name", "Bench " + run).put("kind", "network"));
      })
      .compose(network -> Batches.of(spaces, i -> call(HttpMethod.POST, "/api/spaces/" + network.json.getString("id") + "/children",
        adminCookie, new JsonObject().put("name", "Bench team " + i).put("kind", "team")).map(r -> r.json.getString("id"))))
      .compose(ids -> Batches.of(groups, g -> call(HttpMethod.POST, "/api/auth/register", null, new JsonObject()
          .put("email", email(g)).put("password", PASSWORD).put("name", "Bench person " + g)).map(r -> r.cookie))
        .compose(groupCookies -> {
          cookies.addAll(groupCookies);
          // Space i is followed by group i % groups: its person is a member there.
          return Batches.of(ids.size(), i -> call(HttpMethod.POST, "/api/spaces/" + ids.get(i) + "/members", adminCookie,
            new JsonObject().put("email", email(i % groups)).put("role", "member")).mapEmpty());
        })
        .map(v -> ids));
  }

  private String email(int group) {
    return "bench-" + run + "-" + group + "@bench.test";
  }

  @Override
  public Future<Void> connect(Client client) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setURI("/eventbus/websocket")
      .addHeader("Cookie", cookies.get(client.group)).addHeader("Origin", origin());
    return links.ws().connect(options).map(socket -> {
      client.socket = socket;
      socket.textMessageHandler(text -> frame(client, new JsonObject(text)));
      socket.binaryMessageHandler(bytes -> frame(client, bytes.toJsonObject()));
      return null;
    });
  }

  private void frame(Client client, JsonObject frame) {
    String address = frame.getString("address", "");
    if (!"rec".equals(frame.getString("type")) || !address.startsWith("space.")) {
      return;
    }
    JsonObject body = frame.getJsonObject("body");
    String space = address.substring("space.".length());
    if (body.getLong("seq") != null && body.getString("space") != null) {
      client.event(space, body.getLong("seq"), body.getJsonObject("payload"));
    } else if ("subscribed".equals(body.getString("type"))) {
      client.subscribed(space, body.getLong("seq", 0L));
    }
  }

  @Override
  public Future<Void> subscribe(Client client, String space) {
    return Future.future(promise -> {
      client.awaitSubscribed(space, promise::complete);
      client.socket.writeTextMessage(new JsonObject().put("type", "register").put("address", "space." + space).encode());
    });
  }

  @Override
  public Future<Long> edit(String space, String name) {
    return call(HttpMethod.PATCH, "/api/spaces/" + space, adminCookie, new JsonObject().put("name", name))
      .map(r -> r.json.getLong("seq"));
  }

  @Override
  public Links links() {
    return links;
  }

  @Override
  public String eventTable() {
    return "events";
  }

  /** Signs the administrator in, once: the culture scenario builds its network without a fleet. */
  Future<Void> signIn() {
    return adminCookie != null ? Future.succeededFuture()
      : call(HttpMethod.POST, "/api/auth/login", null, new JsonObject().put("email", adminEmail).put("password", adminPassword))
        .map(login -> {
          adminCookie = login.cookie;
          return null;
        });
  }

  /** A new space below {@code parent} (null: a network), as the administrator; completes with its id. */
  Future<String> createSpace(String parent, String kind, String name) {
    return call(HttpMethod.POST, parent == null ? "/api/spaces" : "/api/spaces/" + parent + "/children", adminCookie,
      new JsonObject().put("name", name).put("kind", kind)).map(r -> r.json.getString("id"));
  }

  /** Imports a team history below {@code parent}; completes with the new team's id. */
  Future<String> importTeam(String parent, JsonObject history) {
    return importTeam(parent, history, 5);
  }

  /** An import waits for its parent's row; past the server's lock timeout it answers 503, and is tried again. */
  private Future<String> importTeam(String parent, JsonObject history, int triesLeft) {
    return call(HttpMethod.POST, "/api/spaces/" + parent + "/import", adminCookie, history)
      .map(r -> r.json.getString("spaceId"))
      .recover(err -> triesLeft > 1 && err.getMessage().contains("answered 503")
        ? vertx.timer(1, TimeUnit.SECONDS).compose(t -> importTeam(parent, history, triesLeft - 1))
        : Future.failedFuture(err));
  }

  /** A change the culture engine reads: a new action item on a team. */
  Future<Void> addActionItem(String team, String title) {
    return call(HttpMethod.POST, "/api/spaces/" + team + "/action-items", adminCookie, new JsonObject().put("title", title))
      .mapEmpty();
  }

  /** A GET as the administrator, answered with its JSON body. */
  Future<JsonObject> get(String path) {
    return call(HttpMethod.GET, path, adminCookie, null).map(Reply::json);
  }

  /** The server's Prometheus text. */
  Future<String> scrape() {
    return links.http().request(HttpMethod.GET, "/metrics").compose(request -> request.send())
      .compose(response -> response.body()).map(Buffer::toString);
  }

  private String origin() {
    return base.getScheme() + "://" + base.getHost() + ":" + base.getPort();
  }

  private record Reply(JsonObject json, String cookie) {
  }

  private Future<Reply> call(HttpMethod method, String path, String cookie, JsonObject body) {
    RequestOptions options = new RequestOptions().setMethod(method).setURI(path)
      .putHeader("content-type", "application/json").putHeader("origin", origin());
    if (cookie != null) {
      options.putHeader("cookie", cookie);
    }
    return links.http().request(options).compose(request -> body == null ? request.send() : request.send(body.toBuffer())).compose(response -> response.body()
      .compose(bytes -> answer(method, path, response, bytes)));
  }

  private static Future<Reply> answer(HttpMethod method, String path, HttpClientResponse response, Buffer bytes) {
    if (response.statusCode() >= 300) {
      return Future.failedFuture(method + " " + path + " answered " + response.statusCode() + ": " + bytes);
    }
    String cookie = response.cookies().stream().filter(c -> c.startsWith("cadre_session=")).map(c -> c.split(";", 2)[0])
      .findFirst().orElse(null);
    return Future.succeededFuture(new Reply(bytes.length() == 0 ? new JsonObject() : bytes.toJsonObject(), cookie));
  }
}
