package org.cadre.charter;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import org.cadre.board.BoardStore;
import org.cadre.http.BodyShape;
import org.cadre.history.AgreementStatus;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.realtime.Commands;
import org.cadre.realtime.Commands.Command;
import org.cadre.space.Access;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * What a team commits to: its norms (ordered, editable, retired rather than deleted), its goals (every revision
 * kept) and its agreements and policies, which move forward from discussed to retired and are reviewed in meetings.
 */
public final class Charter {

  private final CharterRepository repo;
  private final BoardStore store;

  public Charter(CharterRepository repo) {
    this.repo = repo;
    this.store = repo.store();
  }

  public void register(Commands commands) {
    commands
      .register("norm.create", Access.WRITE, HttpMethod.POST, "/norms", CharterRepository.NORM.createShape().and("afterId"), this::createNorm)
      .register("norm.update", Access.WRITE, HttpMethod.PATCH, "/norms/:normId", CharterRepository.NORM.editShape(), this::updateNorm)
      .register("norm.move", Access.WRITE, HttpMethod.POST, "/norms/:normId/move", BodyShape.of("afterId"), this::moveNorm)
      .register("norm.retire", Access.WRITE, HttpMethod.POST, "/norms/:normId/retire", BodyShape.of(), this::retireNorm)
      .register("goal.create", Access.WRITE, HttpMethod.POST, "/goals", CharterRepository.GOAL.createShape(), this::createGoal)
      .register("goal.update", Access.WRITE, HttpMethod.PATCH, "/goals/:goalId", CharterRepository.GOAL.editShape(), this::updateGoal)
      .register("goal.revisions", Access.READ, HttpMethod.GET, "/goals/:goalId/revisions", BodyShape.of(), this::goalRevisions)
      .register("agreement.create", Access.WRITE, HttpMethod.POST, "/agreements", CharterRepository.AGREEMENT.createShape(), this::createAgreement)
      .register("agreement.update", Access.WRITE, HttpMethod.PATCH, "/agreements/:agreementId", CharterRepository.AGREEMENT.editShape(), this::updateAgreement)
      .register("agreement.review", Access.WRITE, HttpMethod.POST, "/agreements/:agreementId/reviews", CharterRepository.REVIEW.createShape(), this::reviewAgreement);
  }

  private Future<JsonObject> createNorm(Command c) {
    var values = CharterRepository.NORM.readNew(c.body());
    UUID after = c.body().optionalUuid("afterId");
    return store.change(c, "norm.created", (tx, space) ->
      (after == null ? store.rankLast(tx, CharterRepository.NORM, "space_id", c.spaceId())
        : store.rankAfter(tx, CharterRepository.NORM, "space_id", c.spaceId(), after, null, "afterId"))
        .compose(rank -> store.insert(tx, CharterRepository.NORM, c, values, Map.of("rank", rank))));
  }

  private Future<JsonObject> updateNorm(Command c) {
    UUID id = c.body().uuid("normId");
    return store.change(c, "norm.updated", (tx, space) ->
      store.edit(tx, CharterRepository.NORM, c.spaceId(), id, "normId", c.body(), Map.of()));
  }

  private Future<JsonObject> moveNorm(Command c) {
    UUID id = c.body().uuid("normId");
    UUID after = c.body().optionalUuid("afterId");
    return store.change(c, "norm.moved", (tx, space) -> store.lock(tx, CharterRepository.NORM, c.spaceId(), id, "normId")
      .compose(norm -> store.rankAfter(tx, CharterRepository.NORM, "space_id", c.spaceId(), after, id, "afterId"))
      .compose(rank -> store.update(tx, CharterRepository.NORM, id, Map.of("rank", rank))));
  }

  private Future<JsonObject> retireNorm(Command c) {
    UUID id = c.body().uuid("normId");
    return store.change(c, "norm.retired", (tx, space) -> store.lock(tx, CharterRepository.NORM, c.spaceId(), id, "normId")
      .compose(norm -> {
        if (norm.getString("retiredAt") != null) {
          return Future.failedFuture(ApiException.conflict("already_retired", "normId", ErrorMessage.NORM_RETIRED));
        }
        return store.update(tx, CharterRepository.NORM, id, Map.of("retired_at", c.time()));
      }));
  }

  private Future<JsonObject> createGoal(Command c) {
    var values = CharterRepository.GOAL.readNew(c.body());
    return store.change(c, "goal.created", (tx, space) ->
      store.insert(tx, CharterRepository.GOAL, c, values, Map.of())
        .compose(goal -> repo.keepRevision(tx, goal, c.userId()).map(goal)));
  }

  private Future<JsonObject> updateGoal(Command c) {
    UUID id = c.body().uuid("goalId");
    return store.change(c, "goal.updated", (tx, space) -> store.lock(tx, CharterRepository.GOAL, c.spaceId(), id, "goalId")
      .compose(goal -> store.edit(tx, CharterRepository.GOAL, c.spaceId(), id, "goalId", c.body(),
        Map.of("revision", goal.getInteger("revision") + 1)))
      .compose(goal -> repo.keepRevision(tx, goal, c.userId()).map(goal)));
  }

  private Future<JsonObject> goalRevisions(Command c) {
    UUID id = c.body().uuid("goalId");
    return repo.revisions(c.spaceId(), id).map(revisions -> {
      if (revisions.isEmpty()) {
        throw new ApiException(404, "not_found", "goalId", ErrorMessage.ENTITY_NOT_FOUND, ErrorMessage.NOUN_GOAL);
      }
      return new JsonObject().put("goalId", id.toString()).put("revisions", revisions);
    });
  }

  private Future<JsonObject> createAgreement(Command c) {
    var values = CharterRepository.AGREEMENT.readNew(c.body());
    boolean adopted = c.body().optionalEnum("status", AgreementStatus.class) == AgreementStatus.ADOPTED;
    return store.change(c, "agreement.created", (tx, space) -> store.insert(tx, CharterRepository.AGREEMENT, c, values,
      adopted ? Map.of("adopted_at", c.time()) : Map.of()));
  }

  /** Status only moves forward: discussed, outlined, adopted, retired. Adopting stamps the adoption time. */
  private Future<JsonObject> updateAgreement(Command c) {
    UUID id = c.body().uuid("agreementId");
    AgreementStatus next = c.body().optionalEnum("status", AgreementStatus.class);
    return store.change(c, "agreement.updated", (tx, space) -> store.lock(tx, CharterRepository.AGREEMENT, c.spaceId(), id, "agreementId")
      .compose(agreement -> {
        AgreementStatus current = AgreementStatus.valueOf(agreement.getString("status").toUpperCase(Locale.ROOT));
        if (next != null && next.ordinal() < current.ordinal()) {
          return Future.failedFuture(ApiException.invalid("status", ErrorMessage.AGREEMENT_BACKWARD, agreement.getString("status")));
        }
        Map<String, Object> also = next == AgreementStatus.ADOPTED && current != AgreementStatus.ADOPTED
          ? Map.of("adopted_at", c.time()) : Map.of();
        return store.edit(tx, CharterRepository.AGREEMENT, c.spaceId(), id, "agreementId", c.body(), also);
      }));
  }

  private Future<JsonObject> reviewAgreement(Command c) {
    UUID id = c.body().uuid("agreementId");
    var values = CharterRepository.REVIEW.readNew(c.body());
    return store.change(c, "agreement.reviewed", (tx, space) -> store.lock(tx, CharterRepository.AGREEMENT, c.spaceId(), id, "agreementId")
      .compose(agreement -> store.insert(tx, CharterRepository.REVIEW, c, values,
        Map.of("agreement_id", id, "at", c.time(), "recorded_by", c.userId()))));
  }
}
