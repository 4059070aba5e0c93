package org.cadre.test;

import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * A bus client speaking the bridge's JSON frames over the raw WebSocket endpoint {@code /eventbus/websocket},
 * as the browser's SockJS client does. Frames are kept until a test takes them, so nothing is missed.
 */
public final class BusClient implements AutoCloseable {

  public static final long TIMEOUT_MS = 10_000;

  private final Vertx vertx;
  private final WebSocket socket;
  private final List<JsonObject> frames = new ArrayList<>();
  private final long pingTimer;
  private boolean closed;

  private BusClient(Vertx vertx, WebSocket socket) {
    this.vertx = vertx;
    this.socket = socket;
    // The bridge sends its own frames as binary WebSocket messages and ours go out as text: take both.
    socket.textMessageHandler(this::received);
    socket.binaryMessageHandler(buffer -> received(buffer.toString()));
    socket.closeHandler(v -> {
      synchronized (frames) {
        closed = true;
        frames.notifyAll();
      }
    });
    // The bridge closes sockets that stay silent past its ping timeout.
    pingTimer = vertx.setPeriodic(5_000, id -> socket.writeTextMessage("{\"type\":\"ping\"}"));
  }

  private void received(String text) {
    synchronized (frames) {
      frames.add(new JsonObject(text));
      frames.notifyAll();
    }
  }

  /** Connects with the client's session cookie. */
  public static BusClient connect(Vertx vertx, int port, ApiClient as) {
    return connect(vertx, port, "Cookie", "cadre_session=" + as.session());
  }

  public static BusClient connect(Vertx vertx, int port, String header, String value) {
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
      .setURI("/eventbus/websocket");
    if (header != null) {
      options.addHeader(header, value);
    }
    return new BusClient(vertx, client.connect(options).await());
  }

  public void register(String address) {
    write(new JsonObject().put("type", "register").put("address", address));
  }

  /** Registers and waits until the bridge confirms the subscription is live. */
  public void subscribe(String address) {
    register(address);
    JsonObject frame = take(f -> ("rec".equals(f.getString("type")) && address.equals(f.getString("address")))
      || "err".equals(f.getString("type")));
    if ("err".equals(frame.getString("type"))) {
      fail("Subscription to " + address + " refused: " + frame);
    }
  }

  /** Sends a command and answers the reply frame: {@code rec} with a body, or {@code err} with a failure. */
  public JsonObject request(JsonObject command) {
    return request(command, new JsonObject());
  }

  public JsonObject request(JsonObject command, JsonObject headers) {
    JsonObject reply = reply(command, headers);
    if ("err".equals(reply.getString("type"))) {
      // A refused command is also answered with the bridge's generic "rejected" frame, right behind ours.
      poll(f -> "err".equals(f.getString("type")) && "rejected".equals(f.getString("body")), 1_000);
    }
    return reply;
  }

  /** The reply frame alone, without waiting for a "rejected" frame that may follow it. */
  public JsonObject reply(JsonObject command, JsonObject headers) {
    String replyAddress = UUID.randomUUID().toString();
    write(new JsonObject().put("type", "send").put("address", "cadre.command").put("body", command)
      .put("headers", headers).put("replyAddress", replyAddress));
    return take(f -> replyAddress.equals(f.getString("address")));
  }

  /** The body of a successful reply; fails the test on an error reply. */
  public JsonObject ok(JsonObject command) {
    JsonObject reply = request(command);
    if (!"rec".equals(reply.getString("type"))) {
      fail("Command " + command + " failed: " + reply);
    }
    return reply.getJsonObject("body");
  }

  /** The next message published to the address (confirmations of subscription are skipped). */
  public JsonObject next(String address) {
    return take(f -> "rec".equals(f.getString("type")) && address.equals(f.getString("address"))
      && !"subscribed".equals(f.getJsonObject("body").getString("type"))).getJsonObject("body");
  }

  /** Takes the first frame that matches, waiting for it up to {@link #TIMEOUT_MS}. */
  public JsonObject take(Predicate<JsonObject> match) {
    JsonObject found = poll(match, TIMEOUT_MS);
    if (found == null) {
      synchronized (frames) {
        fail("No matching frame within " + TIMEOUT_MS + " ms; frames so far: " + frames + (closed ? " (socket closed)" : ""));
      }
    }
    return found;
  }

  /** Takes the first frame that matches within the time, or null; returns early when the socket closes. */
  public JsonObject poll(Predicate<JsonObject> match, long timeoutMs) {
    long deadline = System.currentTimeMillis() + timeoutMs;
    synchronized (frames) {
      while (true) {
        for (Iterator<JsonObject> it = frames.iterator(); it.hasNext(); ) {
          JsonObject frame = it.next();
          if (match.test(frame)) {
            it.remove();
            return frame;
          }
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || closed) {
          return null;
        }
        try {
          frames.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return null;
        }
      }
    }
  }

  public boolean isClosed() {
    synchronized (frames) {
      return closed;
    }
  }

  private void write(JsonObject frame) {
    socket.writeTextMessage(frame.encode()).await();
  }

  @Override
  public void close() {
    vertx.cancelTimer(pingTimer);
    if (!isClosed()) {
      socket.close().await();
    }
  }
}
