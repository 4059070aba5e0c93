package org.cadre.meeting;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.cadre.history.ProtocolCategory;
import org.cadre.http.ApiException;
import org.cadre.http.ErrorMessage;
import org.cadre.http.JsonBody;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One protocol run and its clock, as plain values: every transition takes the instant it happens at and answers the
 * next state, so the rules (and the time each step took) can be checked without a database. The server owns the
 * clock: it stores instants, never a countdown, and every client computes the same remaining time from them.
 *
 * <p>The current step's elapsed time is its accumulated {@link Step#elapsedMs} plus, while it runs, the time since
 * {@link #stepStartedAt}; a pause folds the running stretch into the accumulated time, so elapsed time stands still
 * until the run resumes. A step's plan is its {@code maxMinutes} plus the minutes it was extended by.
 */
public record ProtocolRun(UUID id, UUID meetingId, UUID agendaItemId, UUID protocolId, Integer version, String protocol,
                          ProtocolCategory category, State state, int stepIndex, Instant stepStartedAt, Instant pausedAt,
                          Instant startedAt, Instant endedAt, JsonObject roles, String debrief, int stepsCompleted,
                          int stepsTotal, List<Step> steps, JsonObject content, UUID startedBy, Instant createdAt) {

  /** The most a step can be extended by, in all: a protocol that needs more is a different agenda. */
  static final int MAX_EXTENSION_MINUTES = 60;

  public enum State { RUNNING, PAUSED, DEBRIEF, FINISHED }

  /** A step's accumulated time, the minutes it was extended by and its notes. */
  public record Step(long elapsedMs, int extendedMinutes, String notes) {
    Step plus(long ms) {
      return new Step(elapsedMs + ms, extendedMinutes, notes);
    }
  }

  public boolean live() {
    return state != State.FINISHED;
  }

  /** The step's plan, from its content: its longest time, plus its extensions. */
  long plannedMs(int index) {
    JsonObject step = content.getJsonArray("steps").getJsonObject(index);
    return Duration.ofMinutes(step.getInteger("maxMinutes") + steps.get(index).extendedMinutes()).toMillis();
  }

  /** The current step's elapsed time at {@code now}. */
  long elapsedMs(Instant now) {
    long running = state == State.RUNNING ? Math.max(0, Duration.between(stepStartedAt, now).toMillis()) : 0;
    return steps.get(stepIndex).elapsedMs() + running;
  }

  /** When the current step's plan runs out, while it runs (null otherwise): the same instant for every client. */
  Instant stepEndsAt() {
    if (state != State.RUNNING) {
      return null;
    }
    return stepStartedAt.plusMillis(plannedMs(stepIndex) - steps.get(stepIndex).elapsedMs());
  }

  // --- transitions ------------------------------------------------------------------------------------------

  /** The next step, resumed if the run was paused; after the last step, the debrief. */
  ProtocolRun advance(Instant now) {
    requireStepping();
    if (stepIndex == stepsTotal - 1) {
      return end(now);
    }
    return at(folded(now), stepIndex + 1, State.RUNNING, now, null, null, stepIndex + 1);
  }

  /** The step before (its time goes on from where it stopped); from the debrief, the last step held. */
  ProtocolRun back(Instant now) {
    if (state == State.DEBRIEF) {
      return at(steps, stepIndex, State.RUNNING, now, null, null, stepIndex);
    }
    requireStepping();
    if (stepIndex == 0) {
      throw ApiException.conflict("run_state", "runId", ErrorMessage.RUN_FIRST_STEP);
    }
    return at(folded(now), stepIndex - 1, State.RUNNING, now, null, null, stepIndex - 1);
  }

  ProtocolRun extend(int minutes) {
    requireStepping();
    Step step = steps.get(stepIndex);
    if (step.extendedMinutes() + minutes > MAX_EXTENSION_MINUTES) {
      throw ApiException.invalid("minutes", ErrorMessage.RUN_EXTEND_MAX, MAX_EXTENSION_MINUTES, step.extendedMinutes());
    }
    List<Step> next = new ArrayList<>(steps);
    next.set(stepIndex, new Step(step.elapsedMs(), step.extendedMinutes() + minutes, step.notes()));
    return at(next, stepIndex, state, stepStartedAt, pausedAt, endedAt, stepsCompleted);
  }

  ProtocolRun pause(Instant now) {
    requireStepping();
    if (state == State.PAUSED) {
      throw ApiException.conflict("run_state", "runId", ErrorMessage.RUN_PAUSED);
    }
    return at(folded(now), stepIndex, State.PAUSED, null, now, null, stepsCompleted);
  }

  ProtocolRun resume(Instant now) {
    if (state != State.PAUSED) {
      throw ApiException.conflict("run_state", "runId", ErrorMessage.RUN_NOT_PAUSED);
    }
    return at(steps, stepIndex, State.RUNNING, now, null, null, stepsCompleted);
  }

  /** The steps are over: the current one counts as held, and the debrief begins. */
  ProtocolRun end(Instant now) {
    requireStepping();
    return at(folded(now), stepIndex, State.DEBRIEF, null, null, now, stepIndex + 1);
  }

  ProtocolRun finish(String text) {
    if (state != State.DEBRIEF) {
      throw state == State.FINISHED ? finished()
        : ApiException.conflict("run_state", "runId", ErrorMessage.RUN_NOT_IN_DEBRIEF);
    }
    return new ProtocolRun(id, meetingId, agendaItemId, protocolId, version, protocol, category, State.FINISHED, stepIndex,
      null, null, startedAt, endedAt, roles, text, stepsCompleted, stepsTotal, steps, content, startedBy, createdAt);
  }

  ProtocolRun withRoles(JsonObject assigned) {
    if (!live()) {
      throw finished();
    }
    return new ProtocolRun(id, meetingId, agendaItemId, protocolId, version, protocol, category, state, stepIndex,
      stepStartedAt, pausedAt, startedAt, endedAt, assigned, debrief, stepsCompleted, stepsTotal, steps, content, startedBy, createdAt);
  }

  private void requireStepping() {
    if (state == State.DEBRIEF) {
      throw ApiException.conflict("run_state", "runId", ErrorMessage.RUN_IN_DEBRIEF);
    }
    if (state == State.FINISHED) {
      throw finished();
    }
  }

  static ApiException finished() {
    return ApiException.conflict("run_state", "runId", ErrorMessage.RUN_FINISHED);
  }

  /** The steps with the current step's running stretch added to its time. */
  private List<Step> folded(Instant now) {
    List<Step> next = new ArrayList<>(steps);
    if (state == State.RUNNING) {
      next.set(stepIndex, steps.get(stepIndex).plus(Math.max(0, Duration.between(stepStartedAt, now).toMillis())));
    }
    return next;
  }

  private ProtocolRun at(List<Step> nextSteps, int index, State nextState, Instant started, Instant paused, Instant ended,
                         int completed) {
    return new ProtocolRun(id, meetingId, agendaItemId, protocolId, version, protocol, category, nextState, index, started,
      paused, startedAt, ended, roles, debrief, completed, stepsTotal, nextSteps, content, startedBy, createdAt);
  }

  // --- JSON ---------------------------------------------------------------------------------------------------

  /**
   * The run as every reply, event and read carries it. {@code asOf} is when this state was read or made:
   * {@code remainingMs} is the current step's time left then (negative once over); while a step runs clients count
   * down to {@code stepEndsAt} on the server's clock instead, so every screen shows the same time.
   */
  public JsonObject toJson(Instant asOf) {
    JsonArray stepsJson = new JsonArray();
    for (int i = 0; i < steps.size(); i++) {
      Step step = steps.get(i);
      stepsJson.add(new JsonObject().put("index", i).put("elapsedMs", step.elapsedMs())
        .put("extendedMinutes", step.extendedMinutes()).put("plannedMs", plannedMs(i)).put("notes", step.notes()));
    }
    boolean timed = content != null && (state == State.RUNNING || state == State.PAUSED);
    return new JsonObject()
      .put("id", id.toString())
      .put("meetingId", meetingId.toString())
      .put("agendaItemId", str(agendaItemId))
      .put("protocolId", str(protocolId))
      .put("protocolVersion", version)
      .put("protocol", protocol)
      .put("category", JsonBody.wireName(category))
      .put("state", JsonBody.wireName(state))
      .put("stepIndex", stepIndex)
      .put("stepsCompleted", stepsCompleted)
      .put("stepsTotal", stepsTotal)
      .put("startedAt", str(startedAt))
      .put("stepStartedAt", str(stepStartedAt))
      .put("pausedAt", str(pausedAt))
      .put("endedAt", str(endedAt))
      .put("stepEndsAt", timed ? str(stepEndsAt()) : null)
      .put("remainingMs", timed ? plannedMs(stepIndex) - elapsedMs(asOf) : null)
      .put("asOf", asOf.toString())
      .put("roles", roles)
      .put("debrief", debrief)
      .put("steps", stepsJson)
      .put("content", content)
      .put("startedBy", str(startedBy))
      .put("createdAt", createdAt.toString());
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
