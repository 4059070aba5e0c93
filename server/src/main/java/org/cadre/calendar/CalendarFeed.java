package org.cadre.calendar;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.DateList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.ExDate;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.RecurrenceId;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.cadre.calendar.CalendarRepository.MeetingRow;
import org.cadre.calendar.CalendarRepository.SeriesRow;
import org.cadre.calendar.CalendarRepository.TeamRow;
import org.cadre.http.JsonBody;
import org.cadre.meeting.Recurrence;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * A calendar (RFC 5545) of teams' meetings. A series whose rule is known is one event with an RRULE in the zone it was
 * planned in (DTSTART;TZID=America/Chicago), so calendar apps keep its wall-clock time across daylight saving as Cadre
 * does; its cancelled occurrences are EXDATEs, and an occurrence moved or renamed since is an override
 * (RECURRENCE-ID). Every other meeting is an event of its own, in its team's zone, with STATUS:CANCELLED when cancelled.
 */
public final class CalendarFeed {

  private static final String DOMAIN = "@cadre";

  /**
   * The calendar text. {@code series} may hold rules of meetings not listed; {@code now} is the DTSTAMP (when this
   * copy was made).
   */
  public String write(String name, List<TeamRow> teams, List<MeetingRow> meetings, List<SeriesRow> series, Instant now) {
    Calendar calendar = new Calendar();
    calendar.add(new ProdId("-//Cadre//Team meetings//EN"));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(new XProperty("X-WR-CALNAME", name));
    Map<UUID, TeamRow> teamById = new HashMap<>();
    teams.forEach(t -> teamById.put(t.id(), t));
    Map<UUID, SeriesRow> rules = new HashMap<>();
    series.forEach(s -> rules.put(s.id(), s));

    // A registry per calendar: feeds are written on worker threads at once, and each needs only a zone or two.
    TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
    Map<String, TimeZone> zones = new LinkedHashMap<>();
    Function<String, ZoneId> zoneOf = id -> {
      TimeZone zone = zones.computeIfAbsent(id, registry::getTimeZone);
      // ical4j's definitions name a zone by its canonical id (UTC is Etc/UTC): TZID and VTIMEZONE must agree.
      return zone == null ? null : ZoneId.of(zone.getID());
    };
    Map<SeriesRow, List<MeetingRow>> bySeries = new LinkedHashMap<>();
    List<VEvent> events = new ArrayList<>();
    for (MeetingRow m : meetings) {
      TeamRow team = teamById.get(m.spaceId());
      if (team == null) {
        continue;
      }
      SeriesRow rule = m.seriesId() == null ? null : rules.get(m.seriesId());
      if (rule != null && m.seriesStart() != null && zoneOf.apply(rule.timeZone()) != null) {
        bySeries.computeIfAbsent(rule, r -> new ArrayList<>()).add(m);
      } else {
        events.add(single(m, team, zoneOf.apply(team.timeZone()), now));
      }
    }
    for (Map.Entry<SeriesRow, List<MeetingRow>> entry : bySeries.entrySet()) {
      SeriesRow rule = entry.getKey();
      events.addAll(series(rule, zoneOf.apply(rule.timeZone()), entry.getValue(), teamById.get(rule.spaceId()), now));
    }
    Set<String> added = new HashSet<>();
    for (TimeZone zone : zones.values()) {
      if (zone != null && added.add(zone.getID())) {
        calendar.add(zone.getVTimeZone());
      }
    }
    events.forEach(calendar::add);
    StringWriter out = new StringWriter();
    try {
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** A meeting on its own, in its team's zone, or in UTC when ical4j does not know the zone (then it needs no TZID). */
  private VEvent single(MeetingRow m, TeamRow team, ZoneId zone, Instant now) {
    VEvent event = event(m.startsAt(), m.endsAt(), m.title(), zone);
    describe(event, m.id() + DOMAIN, team, m.location(), m.updatedAt(), now);
    event.add("cancelled".equals(m.status()) ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
    return event;
  }

  /** The series' event with its rule, then one override for each occurrence that no longer is what the rule says. */
  private List<VEvent> series(SeriesRow rule, ZoneId zone, List<MeetingRow> occurrences, TeamRow team, Instant now) {
    ZonedDateTime first = rule.firstStart().atZone(zone);
    String uid = rule.id() + DOMAIN;
    VEvent master = event(first.toInstant(), first.plus(rule.length()).toInstant(), rule.title(), zone);
    describe(master, uid, team, rule.location(), rule.createdAt(), now);
    master.add(ImmutableStatus.VEVENT_CONFIRMED);
    master.add(new RRule<>(new Recur<ZonedDateTime>(recur(rule, first))));

    Map<Instant, MeetingRow> byStart = new HashMap<>();
    occurrences.forEach(m -> byStart.put(m.seriesStart(), m));
    List<LocalDateTime> excluded = new ArrayList<>();
    List<VEvent> overrides = new ArrayList<>();
    Recurrence recurrence = new Recurrence(JsonBody.fromWire(Recurrence.Frequency.class, rule.frequency()), rule.every());
    for (ZonedDateTime planned : recurrence.occurrences(first, rule.count())) {
      MeetingRow m = byStart.get(planned.toInstant());
      if (m == null || "cancelled".equals(m.status())) {
        // Cancelled, or (for a feed of part of a team's meetings) not shown: either way not on the calendar.
        excluded.add(planned.toLocalDateTime());
      } else if (!m.startsAt().equals(planned.toInstant()) || !m.endsAt().equals(planned.plus(rule.length()).toInstant())
        || !m.title().equals(rule.title()) || !Objects.equals(m.location(), rule.location())) {
        VEvent override = event(m.startsAt(), m.endsAt(), m.title(), zone);
        describe(override, uid, team, m.location(), m.updatedAt(), now);
        override.add(new RecurrenceId<>(tzid(zone), planned.toLocalDateTime()));
        override.add(ImmutableStatus.VEVENT_CONFIRMED);
        overrides.add(override);
      }
    }
    if (!excluded.isEmpty()) {
      master.add(new ExDate<>(tzid(zone), new DateList<>(excluded)));
    }
    List<VEvent> events = new ArrayList<>();
    events.add(master);
    events.addAll(overrides);
    return events;
  }

  /**
   * An event from start to end: wall-clock times with the zone's TZID, computed here with the JDK's rules (ical4j
   * 4.0.8's own rules, which it would apply to a ZonedDateTime, start daylight time a week early from 2027 on), or UTC
   * times when there is no zone.
   */
  private static VEvent event(Instant start, Instant end, String title, ZoneId zone) {
    VEvent event = new VEvent();
    if (zone == null) {
      event.add(new DtStart<>(start));
      event.add(new DtEnd<>(end));
    } else {
      event.add(new DtStart<>(tzid(zone), start.atZone(zone).toLocalDateTime()));
      event.add(new DtEnd<>(tzid(zone), end.atZone(zone).toLocalDateTime()));
    }
    event.add(new Summary(title));
    return event;
  }

  private static ParameterList tzid(ZoneId zone) {
    return new ParameterList(List.of(new TzId(zone.getId())));
  }

  private static void describe(VEvent event, String uid, TeamRow team, String location, Instant modified, Instant now) {
    event.add(new Uid(uid));
    event.replace(new DtStamp(now));
    if (modified != null) {
      event.add(new LastModified(modified));
    }
    if (location != null && !location.isBlank()) {
      event.add(new Location(location));
    }
    event.add(new Description(team.name()));
  }

  /**
   * The RRULE for one of {@link Recurrence}'s rules. Monthly on the 29th to 31st takes the month's last day when it is
   * shorter: "that day, or else the last" is BYMONTHDAY=d,-1 with BYSETPOS=1. The 5th or last weekday of a month is
   * the last one (BYDAY=-1TU), as in {@link Recurrence}.
   */
  static String recur(SeriesRow rule, ZonedDateTime first) {
    LocalDate date = first.toLocalDate();
    String day = weekday(date.getDayOfWeek());
    String base = "INTERVAL=" + rule.every() + ";COUNT=" + rule.count();
    return switch (JsonBody.fromWire(Recurrence.Frequency.class, rule.frequency())) {
      case WEEKLY -> "FREQ=WEEKLY;" + base + ";BYDAY=" + day;
      case MONTHLY -> date.getDayOfMonth() <= 28 ? "FREQ=MONTHLY;" + base + ";BYMONTHDAY=" + date.getDayOfMonth()
        : "FREQ=MONTHLY;" + base + ";BYMONTHDAY=" + date.getDayOfMonth() + ",-1;BYSETPOS=1";
      case MONTHLY_WEEKDAY -> {
        boolean last = date.getDayOfMonth() + 7 > date.lengthOfMonth();
        yield "FREQ=MONTHLY;" + base + ";BYDAY=" + (last ? "-1" : String.valueOf((date.getDayOfMonth() - 1) / 7 + 1)) + day;
      }
    };
  }

  private static String weekday(DayOfWeek day) {
    return day.name().substring(0, 2);
  }
}
