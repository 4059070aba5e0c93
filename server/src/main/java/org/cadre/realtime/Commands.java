package org.cadre.realtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.cadre.http.ApiErrors;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.BodyShape;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceChanges;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.regex.Pattern;
import java.util.logging.Logger;

/**
 * The commands clients send to {@link Addresses#COMMAND}, by {@code type}. The bridge guard has already checked
 * the caller's access to the command's space against {@link #required} and stamped the caller into the message
 * headers; handlers read the caller only from there.
 */
public final class Commands {

  static final String USER_HEADER = "cadre-user";
  static final String ACCESS_HEADER = "cadre-access";
  /** The language the caller's errors are answered in (the bridge guard stamps the socket's). */
  static final String LANGUAGE_HEADER = "cadre-language";

  /**
   * An authorized command: its space, caller and the caller's access there, its validated-on-read body, the
   * time it takes effect (now, except when the demo replays months of history through the same operations) and
   * the client's idempotency key, {@code commandId} in the body (null when none was sent).
   */
  public record Command(String type, UUID spaceId, UUID userId, Access access, JsonBody body, Instant at, String commandId) {

    public Command(String type, UUID spaceId, UUID userId, Access access, JsonBody body) {
      // PostgreSQL keeps microseconds: what a reply says and what a later read says must be the same instant.
      this(type, spaceId, userId, access, body, Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public Command(String type, UUID spaceId, UUID userId, Access access, JsonBody body, Instant at) {
      this(type, spaceId, userId, access, body, at, commandId(body));
    }

    /** {@link #at} as a timestamp to store. */
    public OffsetDateTime time() {
      return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    /** What a change stores its result under, so that a retry with the same key answers it (null: no key sent). */
    public SpaceChanges.Retry retry() {
      return commandId == null ? null : new SpaceChanges.Retry(commandId, type);
    }

    private static String commandId(JsonBody body) {
      String id = body.optionalString(COMMAND_ID, 1, 100);
      if (id != null && !COMMAND_ID_SHAPE.matcher(id).matches()) {
        throw ApiException.invalid(COMMAND_ID, ErrorMessage.COMMAND_ID_SHAPE);
      }
      return id;
    }
  }

  /** The idempotency key's field in a command's body. */
  public static final String COMMAND_ID = "commandId";
  private static final Pattern COMMAND_ID_SHAPE = Pattern.compile("[A-Za-z0-9_\\-:.]{1,100}");

  @FunctionalInterface
  public interface Handler {
    Future<JsonObject> handle(Command command);
  }

  private record Entry(Access required, BodyShape shape, Handler handler) {
  }

  /** What every command may carry besides its own fields: {@code commandId} is the client's id for its retries. */
  public static final BodyShape ENVELOPE = BodyShape.of("type", "spaceId", "commandId");

  /** The same operation as a REST call: {@code method /api/spaces/{id}path}, path parameters joining the body. */
  public record Route(HttpMethod method, String path, String type) {
  }

  private final Map<String, Entry> handlers = new HashMap<>();
  private final MeterRegistry meters;
  private final List<Route> routes = new ArrayList<>();

  /** Every run of a registered type is timed into {@code meters}, by type and outcome. */
  public Commands(MeterRegistry meters) {
    this.meters = meters;
  }

  /**
   * Registers a command with the fields its body may carry (the envelope's are added); any other field is refused
   * before the handler runs.
   */
  public Commands register(String type, Access required, BodyShape fields, Handler handler) {
    if (handlers.putIfAbsent(type, new Entry(required, ENVELOPE.and(fields), handler)) != null) {
      throw new IllegalStateException("Command " + type + " is registered twice");
    }
    return this;
  }

  /**
   * Registers a command that scripts may also call over REST under {@code /api/spaces/{id}}; the path's parameters
   * (such as {@code :normId}) are fields of the command too.
   */
  public Commands register(String type, Access required, HttpMethod method, String path, BodyShape fields, Handler handler) {
    routes.add(new Route(method, path, type));
    BodyShape withPath = fields;
    for (String segment : path.split("/")) {
      if (segment.startsWith(":")) {
        withPath = withPath.and(segment.substring(1));
      }
    }
    return register(type, required, withPath, handler);
  }

  public List<Route> routes() {
    return routes;
  }

  /** Runs a command the caller was already authorized for (by the bridge guard or a REST route). */
  public Future<JsonObject> run(Command command) {
    Entry entry = handlers.get(command.type());
    if (entry == null) {
      return Future.failedFuture(ApiException.invalid("type", ErrorMessage.NO_COMMAND, command.type()));
    }
    Timer.Sample started = Timer.start();
    Future<JsonObject> reply;
    try {
      entry.shape().check(command.body().json(), command.type());
      // Every reply says when the server sent it, so clients can tell their clock's offset.
      reply = entry.handler().handle(command).map(json -> json.copy().put("serverTime", Instant.now().toString()));
    } catch (RuntimeException e) {
      reply = Future.failedFuture(e);
    }
    // Only registered types are tags: an unknown type from a client must not grow the registry.
    return reply.onComplete(ar -> started.stop(Timer.builder("cadre.commands")
      .description("Bus and REST commands run, by type and outcome")
      .tag("type", command.type()).tag("outcome", ar.succeeded() ? "ok" : "error")
      .register(meters)));
  }

  /** The top-level fields a command of this type may carry, the envelope's and its path parameters included. */
  public Set<String> fields(String type) {
    return handlers.get(type).shape().names();
  }

  /** Every registered type. */
  public Set<String> types() {
    return Set.copyOf(handlers.keySet());
  }

  /** The access a command type needs in its space, or null for an unknown type. */
  public Access required(String type) {
    Entry entry = handlers.get(type);
    return entry == null ? null : entry.required();
  }

  public MessageConsumer<Object> listen(Vertx vertx) {
    return vertx.eventBus().consumer(Addresses.COMMAND, this::dispatch);
  }

  private void dispatch(Message<Object> message) {
    try {
      String user = message.headers().get(USER_HEADER);
      String access = message.headers().get(ACCESS_HEADER);
      if (user == null || access == null || !(message.body() instanceof JsonObject json)) {
        throw ApiException.unauthenticated();
      }
      Command command = new Command(json.getString("type"), Ids.parse(json.getString("spaceId")), UUID.fromString(user),
        Access.valueOf(access.toUpperCase(Locale.ROOT)), new JsonBody(json));
      if (command.spaceId() == null) {
        throw ApiException.invalid("spaceId", ErrorMessage.COMMAND_SPACE_NEEDED);
      }
      run(command).onComplete(ar -> {
        if (ar.succeeded()) {
          message.reply(ar.result());
        } else {
          fail(message, ar.cause());
        }
      });
    } catch (RuntimeException e) {
      fail(message, e);
    }
  }

  /** Bus failures carry the same error object as REST, JSON-encoded in the failure message. */
  static void fail(Message<?> message, Throwable cause) {
    ApiException error = ApiErrors.of(cause, "a bus command");
    Language language = Language.ofTag(message.headers().get(LANGUAGE_HEADER));
    message.fail(error.status(), error.toJson(language == null ? Language.EN : language).encode());
  }
}
