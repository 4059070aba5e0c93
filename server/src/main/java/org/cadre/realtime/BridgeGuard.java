package org.cadre.realtime;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.cadre.account.AccountRepository;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.event.EventLog;
import org.cadre.http.ApiErrors;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.UUID;

/**
 * The event-bus bridge hook: every socket needs an authenticated caller, every REGISTER and SEND is checked
 * against the caller's rights, and every message to a {@code space.<id>} subscriber is checked again on the way
 * out, so a member removed from a space stops receiving its events at once.
 *
 * <p>Subscriptions to spaces are the guard's own, not the bridge's: each is a {@link SpaceStream}, which sends the
 * space's events to the socket strictly in seq order, resumes from {@code afterSeq}, and ends with
 * {@code unsubscribed} when the caller loses read access. Whatever the guard answers itself (a refused command or
 * subscription, a space subscription) it answers with exactly one frame and leaves the bridge's event pending on
 * purpose: completing it would make the bridge write a second frame ({@code "rejected"}) or register the address
 * itself.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  /** The protocol version announced in {@code hello}; docs/protocol.md describes it. */
  public static final int PROTOCOL = 1;
  /** A socket may follow this many spaces at once (the bridge's own default for its handlers). */
  static final int MAX_SPACES_PER_SOCKET = 1_000;

  /**
   * What the guard keeps per open socket: the credential it was opened with, its command budget, its spaces and the
   * language its errors are answered in.
   */
  private record Connection(String credential, CommandRate rate, Map<UUID, SpaceStream> spaces, Language language) {
  }

  private final Vertx vertx;
  private final SpaceAccess access;
  private final EventLog log;
  private final Commands commands;
  private final AccountRepository accounts;
  private final Map<SockJSSocket, Connection> connections = new HashMap<>();
  private final AtomicInteger openSockets;

  /** {@code openSockets}: this server's open bridge connections, shared by its HTTP verticles' guards (a gauge). */
  public BridgeGuard(Vertx vertx, SpaceAccess access, EventLog log, Commands commands, AccountRepository accounts,
                     AtomicInteger openSockets) {
    this.vertx = vertx;
    this.openSockets = openSockets;
    this.access = access;
    this.log = log;
    this.commands = commands;
    this.accounts = accounts;
  }

  @Override
  public void handle(BridgeEvent event) {
    Principal caller = caller(event.socket());
    if (caller == null) {
      event.complete(false);
      return;
    }
    BridgeEventType type = event.type();
    switch (type) {
      case SOCKET_CREATED -> {
        connections.put(event.socket(), new Connection(Authentication.credential(event.socket().routingContext()),
          new CommandRate(), new HashMap<>(), language(caller, event.socket())));
        openSockets.incrementAndGet();
        hello(event.socket(), caller);
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        Connection gone = connections.remove(event.socket());
        if (gone != null) {
          openSockets.decrementAndGet();
          gone.spaces().values().forEach(SpaceStream::close);
        }
        event.complete(true);
      }
      case REGISTER -> register(caller, event);
      case REGISTERED -> {
        confirmPersonal(event);
        event.complete(true);
      }
      case UNREGISTER -> unregister(event);
      case RECEIVE -> receive(caller, event);
      case SEND -> authorizeCommand(caller, event);
      case PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  /** The first frame on every socket: the protocol version, the server's clock and who the socket is. */
  private static void hello(SockJSSocket socket, Principal caller) {
    socket.write(new JsonObject()
      .put("type", "rec")
      .put("address", Addresses.HELLO)
      .put("body", new JsonObject()
        .put("type", "hello")
        .put("protocol", PROTOCOL)
        .put("serverTime", Instant.now().toString())
        .put("userId", caller.userId().toString()))
      .encode());
  }

  /** The bridge registers only {@code user.<id>}; it is confirmed like a space, though it has no seq. */
  private static void confirmPersonal(BridgeEvent event) {
    String address = event.getRawMessage().getString("address");
    event.socket().write(new JsonObject()
      .put("type", "rec")
      .put("address", address)
      .put("body", new JsonObject().put("type", "subscribed").put("address", address).put("serverTime", Instant.now().toString()))
      .encode());
  }

  /** The user's saved language, else the one the socket's opening request asked for. */
  private static Language language(Principal caller, SockJSSocket socket) {
    return caller.language() != null ? caller.language()
      : Language.ofAcceptLanguage(socket.routingContext().request().getHeader("Accept-Language"));
  }

  private static Principal caller(SockJSSocket socket) {
    RoutingContext ctx = socket.routingContext();
    return ctx == null ? null : Authentication.current(ctx);
  }

  private void register(Principal caller, BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String address = raw.getString("address");
    if (address != null && address.startsWith(Addresses.USER_PREFIX)) {
      if (address.equals(Addresses.user(caller.userId()))) {
        event.complete(true);
      } else {
        refuseFrame(event.socket(), address, "access_denied");
      }
      return;
    }
    if (address != null && address.startsWith(Addresses.ROLLUP_PREFIX)) {
      registerRollup(caller, event, address);
      return;
    }
    UUID space = address != null && address.startsWith(Addresses.SPACE_PREFIX)
      ? Ids.parse(address.substring(Addresses.SPACE_PREFIX.length())) : null;
    if (space == null) {
      refuseFrame(event.socket(), address, "access_denied");
      return;
    }
    Long afterSeq = afterSeq(raw.getValue("headers"));
    if (afterSeq != null && afterSeq < 0) {
      refuseFrame(event.socket(), address, "invalid_after_seq");
      return;
    }
    access.of(caller, space).onComplete(ar -> {
      Connection connection = connections.get(event.socket());
      if (connection == null) {
        return;
      }
      if (ar.failed() || !ar.result().allows(Access.READ)) {
        refuseFrame(event.socket(), address, "access_denied");
      } else if (connection.spaces().containsKey(space)) {
        refuseFrame(event.socket(), address, "address_already_registered");
      } else if (connection.spaces().size() >= MAX_SPACES_PER_SOCKET) {
        refuseFrame(event.socket(), address, "max_handlers_reached");
      } else {
        SpaceStream stream = new SpaceStream(vertx, event.socket(), caller, space, access, log,
          revoked -> connection.spaces().remove(revoked.space(), revoked));
        connection.spaces().put(space, stream);
        stream.open(afterSeq);
      }
    });
  }

  /**
   * {@code rollup.<id>} is the bridge's own registration (like {@code user.<id>}), granted to whoever may see the
   * space's aggregates; each message is checked again on the way out ({@link #receive}).
   */
  private void registerRollup(Principal caller, BridgeEvent event, String address) {
    UUID space = Ids.parse(address.substring(Addresses.ROLLUP_PREFIX.length()));
    if (space == null) {
      refuseFrame(event.socket(), address, "access_denied");
      return;
    }
    access.aggregates(caller, space).onComplete(ar -> {
      if (!connections.containsKey(event.socket())) {
        return;
      }
      if (ar.succeeded() && ar.result()) {
        event.complete(true);
      } else {
        refuseFrame(event.socket(), address, "access_denied");
      }
    });
  }

  /** Roll-up notices reach only those who may still see the space's aggregates; the rest as {@link #mayReceive}. */
  private void receive(Principal caller, BridgeEvent event) {
    String address = event.getRawMessage().getString("address");
    UUID rollup = address != null && address.startsWith(Addresses.ROLLUP_PREFIX)
      ? Ids.parse(address.substring(Addresses.ROLLUP_PREFIX.length())) : null;
    if (rollup == null) {
      event.complete(mayReceive(caller, address));
      return;
    }
    access.aggregates(caller, rollup).onComplete(ar -> event.complete(ar.succeeded() && ar.result()));
  }

  /** {@code headers.afterSeq}: null when absent, -1 when not a whole number. */
  private static Long afterSeq(Object headers) {
    Object value = headers instanceof JsonObject json ? json.getValue("afterSeq") : null;
    if (value == null) {
      return null;
    }
    try {
      return value instanceof Number n && n.doubleValue() == n.longValue() ? n.longValue() : Long.parseLong(value.toString());
    } catch (NumberFormatException e) {
      return -1L;
    }
  }

  private void unregister(BridgeEvent event) {
    String address = event.getRawMessage().getString("address");
    Connection connection = connections.get(event.socket());
    UUID space = address != null && address.startsWith(Addresses.SPACE_PREFIX)
      ? Ids.parse(address.substring(Addresses.SPACE_PREFIX.length())) : null;
    if (connection != null && space != null) {
      SpaceStream stream = connection.spaces().remove(space);
      if (stream != null) {
        stream.close();
      }
    }
    // The bridge holds no registration for a space address: it has nothing to remove and answers nothing.
    event.complete(true);
  }

  /** Replies to the caller's own requests go to generated addresses and pass; user notices only to that user. */
  private static boolean mayReceive(Principal caller, String address) {
    if (address != null && address.startsWith(Addresses.USER_PREFIX)) {
      return address.equals(Addresses.user(caller.userId()));
    }
    return address == null || !address.startsWith(Addresses.SPACE_PREFIX);
  }

  /** Every subscription of this user re-checks its access, in order with its events: their memberships changed. */
  public void accessChanged(UUID userId) {
    connections.values().forEach(connection -> connection.spaces().values().stream()
      .filter(stream -> stream.caller().userId().equals(userId))
      .forEach(SpaceStream::recheck));
  }

  private void authorizeCommand(Principal caller, BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    String replyAddress = raw.getString("replyAddress");
    if (!Addresses.COMMAND.equals(raw.getString("address"))) {
      event.complete(false);
      return;
    }
    Connection connection = connections.get(event.socket());
    if (connection == null || !connection.rate().tryTake()) {
      refuse(event, replyAddress, new ApiException(429, "rate_limited", null, ErrorMessage.RATE_LIMITED));
      return;
    }
    Object body = raw.getValue("body");
    if (!(body instanceof JsonObject command)) {
      refuse(event, replyAddress, ApiException.invalid(null, ErrorMessage.COMMAND_NOT_OBJECT));
      return;
    }
    String type = command.getValue("type") instanceof String s ? s : null;
    Access required = type == null ? null : commands.required(type);
    if (required == null) {
      refuse(event, replyAddress, ApiException.invalid("type", ErrorMessage.UNKNOWN_COMMAND, type));
      return;
    }
    UUID spaceId = command.getValue("spaceId") instanceof String s ? Ids.parse(s) : null;
    if (spaceId == null) {
      refuse(event, replyAddress, ApiException.invalid("spaceId", ErrorMessage.COMMAND_SPACE_ID));
      return;
    }
    access.of(caller, spaceId).onComplete(ar -> {
      if (ar.failed()) {
        refuse(event, replyAddress, ApiErrors.of(ar.cause(), "the access check of '" + type + "'"));
        return;
      }
      Access granted = ar.result();
      if (granted == Access.NONE) {
        refuse(event, replyAddress, ApiException.notFound(ErrorMessage.NOT_FOUND_SPACE));
      } else if (!granted.allows(required)) {
        refuse(event, replyAddress, ApiException.forbidden(ErrorMessage.COMMAND_NEEDS_ACCESS, type,
          JsonBody.wireName(required), JsonBody.wireName(granted)));
      } else {
        // Whatever headers the client sent are replaced: the caller is who the session says.
        raw.put("headers", new JsonObject()
          .put(Commands.USER_HEADER, caller.userId().toString())
          .put(Commands.ACCESS_HEADER, granted.name())
          .put(Commands.LANGUAGE_HEADER, connection.language().tag()));
        event.setRawMessage(raw);
        event.complete(true);
      }
    });
  }

  /** Closes the sockets opened with a session or token that has just been deleted (a logout, a revoked token). */
  public void closeOpenedWith(String credential) {
    connections.entrySet().stream()
      .filter(entry -> credential.equals(entry.getValue().credential()))
      .map(Map.Entry::getKey)
      .toList()
      .forEach(SockJSSocket::close);
  }

  /**
   * Closes every socket whose session has expired or whose session or token is gone, for when a revocation
   * notice may have been missed. Runs periodically and after the change listener reconnects.
   */
  public void recheckCredentials() {
    // Rights may have changed unnoticed too (a lost notice, the cache's expiry): every subscription re-checks.
    connections.values().forEach(connection -> connection.spaces().values().forEach(SpaceStream::recheck));
    if (connections.isEmpty()) {
      return;
    }
    List<String> credentials = connections.values().stream().map(Connection::credential).distinct().toList();
    accounts.liveCredentials(credentials).onSuccess(live -> connections.entrySet().stream()
      .filter(entry -> !live.contains(entry.getValue().credential()))
      .map(Map.Entry::getKey)
      .toList()
      .forEach(SockJSSocket::close));
  }

  /**
   * Answers the client's pending request with the reason, in the REST error shape, and nothing else: the bridge's
   * event stays pending (see the class comment). A command without a reply address is dropped silently.
   */
  private void refuse(BridgeEvent event, String replyAddress, ApiException error) {
    if (replyAddress != null) {
      Connection connection = connections.get(event.socket());
      event.socket().write(new JsonObject()
        .put("type", "err")
        .put("address", replyAddress)
        .put("failureCode", error.status())
        .put("failureType", "RECIPIENT_FAILURE")
        .put("message", error.toJson(connection == null ? Language.EN : connection.language()).encode())
        .encode());
    }
  }

  /** The one answer to a refused subscription: {@code {"type":"err","address":..,"body":<reason>}}. */
  private static void refuseFrame(SockJSSocket socket, String address, String reason) {
    socket.write(new JsonObject().put("type", "err").put("address", address).put("body", reason).encode());
  }
}
