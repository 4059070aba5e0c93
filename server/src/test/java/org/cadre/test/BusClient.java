package org.cadre.test;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
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
  private final ClientWebSocket socket;
  private final List<JsonObject> frames = new ArrayList<>();
  private final long pingTimer;
  private boolean closed;

  private BusClient(Vertx vertx, ClientWebSocket socket) {
    this.vertx = vertx;
    this.socket = socket;
    // Handlers are set before connecting, so the server's first frame (hello) is never missed.
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
    BusClient bus = new BusClient(vertx, client.webSocket());
    try {
      bus.socket.connect(options).await();
    } catch (RuntimeException e) {
      vertx.cancelTimer(bus.pingTimer);
      throw e;
    }
    return bus;
  }

  public void register(String address) {
    write(new JsonObject().put("type", "register").put("address", address));
  }

  /** Registers asking for the events after {@code afterSeq} first. */
  public void register(String address, long afterSeq) {
    write(new JsonObject().put("type", "register").put("address", address)
      .put("headers", new JsonObject().put("afterSeq", Long.toString(afterSeq))));
  }

  /** Registers and waits until the server confirms the subscription is live; answers the confirmation's body. */
  public JsonObject subscribe(String address) {
    register(address);
    return confirmed(address);
  }

  /** Registers with {@code afterSeq} and waits for the confirmation, which follows the missed events. */
  public JsonObject subscribe(String address, long afterSeq) {
    register(address, afterSeq);
    return confirmed(address);
  }

  private JsonObject confirmed(String address) {
    JsonObject frame = take(f -> address.equals(f.getString("address")) && ("err".equals(f.getString("type"))
      || "subscribed".equals(f.getJsonObject("body").getString("type"))));
    if ("err".equals(frame.getString("type"))) {
      fail("Subscription to " + address + " refused: " + frame);
    }
    return frame.getJsonObject("body");
  }

  /** Sends a command and answers the reply frame: {@code rec} with a body, or {@code err} with a failure. */
  public JsonObject request(JsonObject command) {
    return request(command, new JsonObject());
  }

  public JsonObject request(JsonObject command, JsonObject headers) {
    String replyAddress = send(command, headers);
    return take(f -> replyAddress.equals(f.getString("address")));
  }

  /** Sends a command without waiting; answers the reply address to {@link #take} the reply from. */
  public String send(JsonObject command, JsonObject headers) {
    String replyAddress = UUID.randomUUID().toString();
    write(new JsonObject().put("type", "send").put("address", "cadre.command").put("body", command)
      .put("headers", headers).put("replyAddress", replyAddress));
    return replyAddress;
  }

  /**
   * Writes every command before reading any reply, so they reach the server as one burst however slow the machine
   * is, and answers the reply frames in the order the commands were sent.
   */
  public List<JsonObject> burst(List<JsonObject> commands) {
    List<String> addresses = commands.stream().map(command -> send(command, new JsonObject())).toList();
    return addresses.stream().map(address -> take(f -> address.equals(f.getString("address")))).toList();
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

  /** Every frame received so far and not taken, in arrival order (they stay). */
  public java.util.List<JsonObject> frames() {
    synchronized (frames) {
      return new ArrayList<>(frames);
    }
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
