package org.cadre.continuum;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.cadre.account.Authentication;
import org.cadre.account.Principal;
import org.cadre.http.ErrorMessage;
import org.cadre.http.Ids;
import org.cadre.http.Language;
import org.cadre.space.Access;
import org.cadre.space.SpaceAccess;

import java.util.UUID;

/**
 * The continua's definitions ({@code GET /api/continua}) and a space's ratings on them, latest per subject with
 * its history ({@code GET /api/spaces/{id}/continua}). Ratings are made by the {@code continuum.rate} command.
 */
public final class ContinuumRoutes {

  private final ContinuumStandings standings;
  private final Continua continua;
  private final SpaceAccess access;

  public ContinuumRoutes(ContinuumRepository repository, Continua continua, SpaceAccess access) {
    this.standings = new ContinuumStandings(repository, continua);
    this.continua = continua;
    this.access = access;
  }

  public void mount(Router router) {
    router.get("/api/continua").handler(this::definitions);
    router.get("/api/spaces/:id/continua").handler(this::ratings);
  }

  private void definitions(RoutingContext ctx) {
    Authentication.required(ctx);
    ctx.json(new JsonObject().put("continua", continua.json(Language.of(ctx))));
  }

  private void ratings(RoutingContext ctx) {
    Principal me = Authentication.required(ctx);
    UUID id = Ids.path(ctx, "id", ErrorMessage.NOT_FOUND_SPACE);
    access.require(me, id, Access.READ)
      .compose(a -> standings.of(id))
      .map(grouped -> new JsonObject().put("spaceId", id.toString()).put("continua", grouped))
      .onSuccess(ctx::json)
      .onFailure(ctx::fail);
  }
}
