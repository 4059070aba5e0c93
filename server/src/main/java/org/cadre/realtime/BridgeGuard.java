package org.cadre.realtime;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.cadre.account.AccountRepository;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiErrors;
import org.cadre.http.ApiException;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The event-bus bridge hook: every socket needs an authenticated caller, every REGISTER and SEND is checked
 * against the caller's rights, and every message to a {@code space.<id>} subscriber is checked again on the way
 * out, so a member removed from a space stops receiving its events at once.
 */
public final class BridgeGuard implements Handler<BridgeEvent> {

  /** What the guard keeps per open socket: the credential it was opened with and its command budget. */
  private record Connection(String credential, CommandRate rate) {
  }

  private final SpaceAccess access;
  private final Commands commands;
  private final AccountRepository accounts;
  private final Map<SockJSSocket, Connection> connections = new HashMap<>();

  public BridgeGuard(SpaceAccess access, Commands commands, AccountRepository accounts) {
    this.access = access;
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
        connections.put(event.socket(), new Connection(Authentication.credential(event.socket().routingContext()), new CommandRate()));
        event.complete(true);
      }
      case SOCKET_CLOSED -> {
        connections.remove(event.socket());
        event.complete(true);
      }
      case REGISTER -> mayListen(caller, event.getRawMessage().getString("address")).onComplete(event);
      case REGISTERED -> {
        confirmSubscription(event);
        event.complete(true);
      }
      case RECEIVE -> mayReceive(caller, event.getRawMessage().getString("address")).onComplete(event);
      case SEND -> authorizeCommand(caller, event);
      case PUBLISH -> event.complete(false);
      default -> event.complete(true);
    }
  }

  /**
   * Tells the client that its subscription is live, as a message on the subscribed address. From then on no
   * event is missed, so a client asks for {@code catchup} after this, never before, and closes any gap.
   */
  private static void confirmSubscription(BridgeEvent event) {
    String address = event.getRawMessage().getString("address");
    event.socket().write(new JsonObject()
      .put("type", "rec")
      .put("address", address)
      .put("body", new JsonObject().put("type", "subscribed").put("address", address))
      .encode());
  }

  private static Principal caller(SockJSSocket socket) {
    RoutingContext ctx = socket.routingContext();
    return ctx == null ? null : Authentication.current(ctx);
  }

  private Future<Boolean> mayListen(Principal caller, String address) {
    if (address == null) {
      return Future.succeededFuture(false);
    }
    if (address.startsWith(Addresses.USER_PREFIX)) {
      return Future.succeededFuture(address.equals(Addresses.user(caller.userId())));
    }
    if (address.startsWith(Addresses.SPACE_PREFIX)) {
      UUID space = Ids.parse(address.substring(Addresses.SPACE_PREFIX.length()));
      return space == null ? Future.succeededFuture(false) : access.of(caller, space).map(a -> a.allows(Access.READ));
    }
    return Future.succeededFuture(false);
  }

  /** Replies to the caller's own requests go to generated addresses and pass; space events are re-checked. */
  private Future<Boolean> mayReceive(Principal caller, String address) {
    if (address != null && (address.startsWith(Addresses.SPACE_PREFIX) || address.startsWith(Addresses.USER_PREFIX))) {
      return mayListen(caller, address);
    }
    return Future.succeededFuture(true);
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
      refuse(event, replyAddress, new ApiException(429, "rate_limited", "Too many commands on this connection; slow down.", null));
      return;
    }
    Object body = raw.getValue("body");
    if (!(body instanceof JsonObject command)) {
      refuse(event, replyAddress, ApiException.invalid(null, "A command must be a JSON object."));
      return;
    }
    String type = command.getValue("type") instanceof String s ? s : null;
    Access required = type == null ? null : commands.required(type);
    if (required == null) {
      refuse(event, replyAddress, ApiException.invalid("type", "Unknown command type '" + type + "'."));
      return;
    }
    UUID spaceId = command.getValue("spaceId") instanceof String s ? Ids.parse(s) : null;
    if (spaceId == null) {
      refuse(event, replyAddress, ApiException.invalid("spaceId", "'spaceId' must be the id of a space."));
      return;
    }
    access.of(caller, spaceId).onComplete(ar -> {
      if (ar.failed()) {
        refuse(event, replyAddress, ApiErrors.of(ar.cause(), "the access check of '" + type + "'"));
        return;
      }
      Access granted = ar.result();
      if (granted == Access.NONE) {
        refuse(event, replyAddress, ApiException.notFound("That space"));
      } else if (!granted.allows(required)) {
        refuse(event, replyAddress, ApiException.forbidden("'" + type + "' needs " + JsonBody.wireName(required)
          + " access to the space; you have " + JsonBody.wireName(granted) + "."));
      } else {
        // Whatever headers the client sent are replaced: the caller is who the session says.
        raw.put("headers", new JsonObject()
          .put(Commands.USER_HEADER, caller.userId().toString())
          .put(Commands.ACCESS_HEADER, granted.name()));
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

  /** Answers the client's pending request with the reason, in the REST error shape, then drops the message. */
  private static void refuse(BridgeEvent event, String replyAddress, ApiException error) {
    if (replyAddress != null) {
      event.socket().write(new JsonObject()
        .put("type", "err")
        .put("address", replyAddress)
        .put("failureCode", error.status())
        .put("failureType", "RECIPIENT_FAILURE")
        .put("message", error.toJson().encode())
        .encode());
    }
    event.complete(false);
  }
}
