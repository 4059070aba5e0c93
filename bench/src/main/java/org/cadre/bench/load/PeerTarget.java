package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.net.URI;
import java.util.List;

/** The Node peer (bench/peer/server.js): REST to set up and rename, a WebSocket at {@code /ws} to follow spaces. */
final class PeerTarget implements Target {

  private final Links links;

  PeerTarget(Vertx vertx, URI base, String databaseUrl) {
    this.links = Links.open(vertx, base, databaseUrl);
  }

  @Override
  public String name() {
    return "peer";
  }

  @Override
  public Future<List<String>> prepare(int spaces, int groups) {
    return call(HttpMethod.POST, "/setup", new JsonObject().put("spaces", spaces))
      .map(json -> json.getJsonArray("spaces").stream().map(String.class::cast).toList());
  }

  @Override
  public Future<Void> connect(Client client) {
    return links.ws().connect(new WebSocketConnectOptions().setURI("/ws")).map(socket -> {
      client.socket = socket;
      socket.textMessageHandler(text -> {
        JsonObject frame = new JsonObject(text);
        if ("subscribed".equals(frame.getString("type"))) {
          client.subscribed(frame.getString("space"), frame.getLong("seq"));
        } else if (frame.getLong("seq") != null) {
          client.event(frame.getString("space"), frame.getLong("seq"), frame.getJsonObject("payload"));
        }
      });
      return null;
    });
  }

  @Override
  public Future<Void> subscribe(Client client, String space) {
    return Future.future(promise -> {
      client.awaitSubscribed(space, promise::complete);
      client.socket.writeTextMessage(new JsonObject().put("type", "subscribe").put("space", space).encode());
    });
  }

  @Override
  public Future<Long> edit(String space, String name) {
    return call(HttpMethod.PATCH, "/spaces/" + space, new JsonObject().put("name", name)).map(json -> json.getLong("seq"));
  }

  @Override
  public Links links() {
    return links;
  }

  @Override
  public String eventTable() {
    return "peer_events";
  }

  private Future<JsonObject> call(HttpMethod method, String path, JsonObject body) {
    return links.http().request(new RequestOptions().setMethod(method).setURI(path).putHeader("content-type", "application/json"))
      .compose(request -> request.send(body.toBuffer()))
      .compose(response -> response.body().compose(bytes -> response.statusCode() >= 300
        ? Future.failedFuture(method + " " + path + " answered " + response.statusCode() + ": " + bytes)
        : Future.succeededFuture(bytes.toJsonObject())));
  }
}
