package org.cadre.export;

import org.cadre.history.AttendanceStatus;
import org.cadre.history.MeetingStatus;
import org.cadre.history.TeamHistory;
import org.cadre.history.TeamHistory.ActionItem;
import org.cadre.history.TeamHistory.Attendance;
import org.cadre.history.TeamHistory.Decision;
import org.cadre.history.TeamHistory.Goal;
import org.cadre.history.TeamHistory.Meeting;
import org.cadre.history.TeamHistory.Member;
import org.cadre.http.Downloads;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.space.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A team's history as the tables a data office opens in a spreadsheet, one row per meeting, per person per
 * meeting, per action item and per decision. Everything comes from the same {@link TeamHistory} that
 * {@code GET /api/spaces/{id}/history} answers, so a cell never says something the API does not. Headers are in the
 * reader's language; cells keep the API's values (ISO instants in UTC, enum codes, true/false) so that formulas and
 * scripts can rely on them whatever the language.
 */
public enum ExportTables {

  MEETINGS("meetings.csv",
    column("meeting_id", "Meeting ID", "ID de la reunión"),
    column("title", "Title", "Título"),
    column("status", "Status", "Estado"),
    column("starts_at", "Starts (UTC)", "Inicio (UTC)"),
    column("ends_at", "Ends (UTC)", "Fin (UTC)"),
    column("agenda_published_at", "Agenda published (UTC)", "Agenda publicada (UTC)"),
    column("reminder_sent_at", "Reminder sent (UTC)", "Recordatorio enviado (UTC)"),
    column("norms_reviewed", "Norms reviewed", "Normas revisadas"),
    column("debrief_held", "Debrief held", "Cierre reflexivo"),
    column("agenda_items", "Agenda items", "Puntos de la agenda"),
    column("attended", "Attended (present or late)", "Asistentes (presentes o con retraso)"),
    column("decisions", "Decisions", "Decisiones"),
    column("protocol_runs", "Protocols used", "Protocolos usados")) {
    @Override
    List<List<Object>> rows(TeamHistory h) {
      List<List<Object>> rows = new ArrayList<>();
      for (Meeting m : h.meetings()) {
        long attended = m.attendance().stream()
          .filter(a -> a.status() == AttendanceStatus.PRESENT || a.status() == AttendanceStatus.LATE).count();
        rows.add(Arrays.asList(m.id(), m.title(), wire(m.status()), m.startsAt(), m.endsAt(), m.agendaPublishedAt(),
          m.reminderSentAt(), m.normsReviewed(), m.debriefHeld(), m.agenda().size(), attended, m.decisions().size(),
          m.protocolRuns().size()));
      }
      return rows;
    }
  },

  ATTENDANCE("attendance.csv",
    column("meeting_id", "Meeting ID", "ID de la reunión"),
    column("meeting_title", "Meeting", "Reunión"),
    column("starts_at", "Starts (UTC)", "Inicio (UTC)"),
    column("email", "Email", "Correo electrónico"),
    column("name", "Name", "Nombre"),
    column("status", "Attendance", "Asistencia")) {
    /**
     * Held meetings, and any other with attendance recorded: one row for each person on the roster at the meeting's
     * start (members, leads and partners who had joined and not left), with an empty status where nothing was
     * recorded, then one for anyone else whose attendance was recorded.
     */
    @Override
    List<List<Object>> rows(TeamHistory h) {
      Map<String, String> names = new HashMap<>();
      h.members().forEach(p -> names.put(p.email(), p.name()));
      List<List<Object>> rows = new ArrayList<>();
      for (Meeting m : h.meetings()) {
        if (m.status() != MeetingStatus.HELD && m.attendance().isEmpty()) {
          continue;
        }
        Map<String, AttendanceStatus> people = new LinkedHashMap<>();
        for (Member p : h.members()) {
          if (onRoster(p, m.startsAt())) {
            people.put(p.email(), null);
          }
        }
        for (Attendance a : m.attendance()) {
          people.put(a.email(), a.status());
        }
        people.forEach((email, status) ->
          rows.add(Arrays.asList(m.id(), m.title(), m.startsAt(), email, names.get(email), wire(status))));
      }
      return rows;
    }
  },

  ACTION_ITEMS("action-items.csv",
    column("action_item_id", "Action item ID", "ID de la acción"),
    column("title", "Title", "Título"),
    column("status", "Status", "Estado"),
    column("owner_email", "Owner's email", "Correo del responsable"),
    column("owner_name", "Owner", "Responsable"),
    column("due_date", "Due", "Fecha límite"),
    column("created_at", "Created (UTC)", "Creada (UTC)"),
    column("completed_at", "Completed (UTC)", "Completada (UTC)"),
    column("meeting_id", "Meeting ID", "ID de la reunión"),
    column("origin", "Origin", "Origen"),
    column("scope", "Scope", "Alcance"),
    column("tags", "Tags", "Etiquetas"),
    column("description", "Description", "Descripción"),
    column("impact_report", "Impact", "Impacto")) {
    @Override
    List<List<Object>> rows(TeamHistory h) {
      Map<String, String> names = new HashMap<>();
      h.members().forEach(p -> names.put(p.email(), p.name()));
      List<List<Object>> rows = new ArrayList<>();
      for (ActionItem a : h.actionItems()) {
        rows.add(Arrays.asList(a.id(), a.title(), wire(a.status()), a.owner(), a.owner() == null ? null : names.get(a.owner()),
          a.dueDate(), a.createdAt(), a.completedAt(), a.meetingId(), wire(a.origin()), wire(a.scope()),
          String.join("; ", a.tags()), a.description(), a.impactReport()));
      }
      return rows;
    }
  },

  DECISIONS("decisions.csv",
    column("meeting_id", "Meeting ID", "ID de la reunión"),
    column("meeting_title", "Meeting", "Reunión"),
    column("starts_at", "Starts (UTC)", "Inicio (UTC)"),
    column("text", "Decision", "Decisión"),
    column("kind", "Kind", "Tipo"),
    column("method", "Method", "Método"),
    column("discussed", "Discussed first", "Se discutió antes"),
    column("goal_id", "Goal ID", "ID de la meta"),
    column("goal", "Goal", "Meta")) {
    @Override
    List<List<Object>> rows(TeamHistory h) {
      Map<String, String> goals = new HashMap<>();
      for (Goal g : h.goals()) {
        goals.put(g.id(), g.title());
      }
      List<List<Object>> rows = new ArrayList<>();
      for (Meeting m : h.meetings()) {
        for (Decision d : m.decisions()) {
          rows.add(Arrays.asList(m.id(), m.title(), m.startsAt(), d.text(), wire(d.kind()), wire(d.method()), d.discussed(),
            d.goalId(), d.goalId() == null ? null : goals.get(d.goalId())));
        }
      }
      return rows;
    }
  };

  /** One column: its stable key (for tests and scripts) and its header in each language. */
  record Column(String key, String en, String es) {
    String header(Language language) {
      return language == Language.ES ? es : en;
    }
  }

  private final String fileName;
  private final List<Column> columns;

  ExportTables(String fileName, Column... columns) {
    this.fileName = fileName;
    this.columns = List.of(columns);
  }

  public String fileName() {
    return fileName;
  }

  List<Column> columns() {
    return columns;
  }

  abstract List<List<Object>> rows(TeamHistory history);

  /** The table as a CSV document with its headers in {@code language}. */
  public String csv(TeamHistory history, Language language) {
    return Downloads.csv(columns.stream().map(c -> c.header(language)).toList(), rows(history));
  }

  private static Column column(String key, String en, String es) {
    return new Column(key, en, es);
  }

  private static String wire(Enum<?> value) {
    return value == null ? null : JsonBody.wireName(value);
  }

  private static boolean onRoster(Member p, Instant at) {
    return p.role() != Role.OBSERVER && (p.joinedAt() == null || !p.joinedAt().isAfter(at)) && (p.leftAt() == null || p.leftAt().isAfter(at));
  }
}
