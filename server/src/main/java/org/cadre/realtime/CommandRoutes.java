package org.cadre.realtime;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.JsonBody;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.SpaceAccess;

import java.util.Map;
import java.util.UUID;

/**
 * Serves every command registered with a {@link Commands.Route} over REST, so scripts get the same operations,
 * authorization and replies as live clients: {@code POST /api/spaces/{id}/norms} runs {@code norm.create}.
 */
public final class CommandRoutes {

  private final Commands commands;
  private final SpaceAccess access;

  public CommandRoutes(Commands commands, SpaceAccess access) {
    this.commands = commands;
    this.access = access;
  }

  public void mount(Router router) {
    for (Commands.Route route : commands.routes()) {
      router.route(route.method(), "/api/spaces/:id" + route.path()).handler(ctx -> run(ctx, route));
    }
  }

  private void run(RoutingContext ctx, Commands.Route route) {
    Principal caller = Authentication.required(ctx);
    UUID spaceId = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    JsonObject body = route.method() == HttpMethod.GET || route.method() == HttpMethod.DELETE
      ? new JsonObject() : JsonBody.optional(ctx).json().copy();
    String key = ctx.request().getHeader("Idempotency-Key");
    if (key != null) {
      if (body.containsKey(Commands.COMMAND_ID) && !key.equals(body.getValue(Commands.COMMAND_ID))) {
        throw ApiException.invalid(Commands.COMMAND_ID, ErrorMessage.IDEMPOTENCY_DIFFER);
      }
      body.put(Commands.COMMAND_ID, key);
    }
    for (Map.Entry<String, String> param : ctx.pathParams().entrySet()) {
      if (!param.getKey().equals("id")) {
        body.put(param.getKey(), param.getValue());
      }
    }
    access.require(caller, spaceId, commands.required(route.type()))
      .compose(granted -> commands.run(new Command(route.type(), spaceId, caller.userId(), granted, new JsonBody(body))))
      .onSuccess(reply -> ctx.response().setStatusCode(route.type().endsWith(".create") ? 201 : 200))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }
}
