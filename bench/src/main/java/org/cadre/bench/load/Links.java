package org.cadre.bench.load;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.net.URI;

/**
 * What the harness holds to one target: an HTTP client for its REST calls (64 connections; an unbounded queue, so
 * an overloaded target shows as latency, not as refusals), a WebSocket client for its clients, and its database.
 */
record Links(HttpClient http, WebSocketClient ws, TargetDatabase db) {

  static Links open(Vertx vertx, URI base, String databaseUrl) {
    return new Links(
      vertx.createHttpClient(new HttpClientOptions().setDefaultHost(base.getHost()).setDefaultPort(base.getPort()).setKeepAlive(true),
        new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(-1)),
      vertx.createWebSocketClient(new WebSocketClientOptions().setMaxConnections(100_000)
        .setDefaultHost(base.getHost()).setDefaultPort(base.getPort())),
      new TargetDatabase(vertx, databaseUrl));
  }

  Future<Void> close() {
    return db.close().compose(v -> http.close()).compose(v -> ws.close());
  }
}
