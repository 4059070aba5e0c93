package org.cadre.notify;

import org.cadre.culture.Level;
import org.cadre.culture.Rubric;
import org.cadre.http.Language;
import org.cadre.notify.NotifyRepository.ActionMail;
import org.cadre.notify.NotifyRepository.Digest;
import org.cadre.notify.NotifyRepository.MeetingMail;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/** Writes each kind of email from plain values, in the recipient's language, with links to this server. */
final class Letters {

  private final String publicUrl;

  Letters(String publicUrl) {
    this.publicUrl = publicUrl;
  }

  private static MailText words(Language language) {
    return new MailText(language);
  }

  private static String query(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code role}: the invitation's, as on the wire ({@code lead}, {@code member}, ...). */
  Letter invitation(Language language, String inviter, String space, String role, Instant expiresAt, ZoneId zone,
                    String token) {
    MailText w = words(language);
    return new Letter.Builder(w, w.get("invitation.title", inviter, space), null)
      .paragraph(w.get("invitation.body", inviter, space, w.get("role." + role)))
      .paragraph(w.get("invitation.expires", w.moment(expiresAt, zone)))
      .link(w.get("invitation.link"), publicUrl + "/join/" + token)
      .footer(w.get("invitation.footer"))
      .build();
  }

  Letter passwordReset(Language language, String name, String token, Duration lifetime) {
    MailText w = words(language);
    return new Letter.Builder(w, w.get("reset.title"), name)
      .paragraph(w.get("reset.body"))
      .paragraph(w.get("reset.expires", lifetime.toMinutes()))
      .link(w.get("reset.link"), publicUrl + "/reset-password?token=" + query(token))
      .footer(w.get("reset.footer"))
      .build();
  }

  Letter agenda(MeetingMail m, List<String> items, String unsubscribeToken) {
    MailText w = words(m.to().language());
    String when = w.moment(m.startsAt(), m.zone());
    Letter.Builder b = new Letter.Builder(w, w.get("agenda.title", m.title(), when), m.to().name())
      .paragraph(w.get("agenda.body", m.title(), m.team(), when));
    location(b, w, m);
    return subscribed(b.section(w.get("agenda.items"), items, w.get("agenda.none"))
      .link(w.get("meeting.link"), meetingUrl(m)), w, Settings.Category.MEETINGS, unsubscribeToken);
  }

  Letter reminder(MeetingMail m, String unsubscribeToken) {
    MailText w = words(m.to().language());
    String when = w.moment(m.startsAt(), m.zone());
    Letter.Builder b = new Letter.Builder(w, w.get("reminder.title", m.title(), when), m.to().name())
      .paragraph(w.get("reminder.body", m.title(), m.team(), when));
    location(b, w, m);
    return subscribed(b.link(w.get("meeting.link"), meetingUrl(m)), w, Settings.Category.MEETINGS, unsubscribeToken);
  }

  private static void location(Letter.Builder b, MailText w, MeetingMail m) {
    if (m.location() != null && !m.location().isBlank()) {
      b.paragraph(w.get("meeting.location", m.location()));
    }
  }

  private String meetingUrl(MeetingMail m) {
    return publicUrl + "/spaces/" + m.spaceId() + "/meetings/" + m.meetingId();
  }

  Letter action(ActionMail a, String unsubscribeToken) {
    MailText w = words(a.to().language());
    String due = w.date(a.due());
    String kind = a.overdue() ? "action-overdue" : "action-due";
    Letter.Builder b = new Letter.Builder(w, a.overdue() ? w.get("action-overdue.title", a.title())
      : w.get("action-due.title", due, a.title()), a.to().name())
      .paragraph(w.get(kind + ".body", a.title(), a.team(), due))
      .link(w.get("action.link"), publicUrl + "/spaces/" + a.spaceId() + "/actions");
    return subscribed(b, w, Settings.Category.ACTIONS, unsubscribeToken);
  }

  Letter digest(NotifyRepository.Recipient to, Digest d, String unsubscribeToken) {
    MailText w = words(to.language());
    List<String> items = d.items().stream().map(i -> i.due() == null ? w.get("digest.item", i.title(), i.team())
      : w.get("digest.item.due", i.title(), i.team(), w.date(i.due()))).toList();
    List<String> meetings = d.meetings().stream()
      .map(m -> w.get("digest.meeting", m.title(), m.team(), w.moment(m.startsAt(), m.zone()))).toList();
    Rubric rubric = Rubric.of(to.language());
    List<String> scores = d.scores().stream().map(s -> w.get("digest.score", s.team(),
      score(w, rubric, s.beforeLevel(), s.beforeScore()), score(w, rubric, s.level(), s.score()))).toList();
    Letter.Builder b = new Letter.Builder(w, w.get("digest.title"), to.name())
      .paragraph(w.get("digest.body"))
      .section(w.get("digest.items"), items, w.get("digest.items.none"))
      .section(w.get("digest.meetings"), meetings, w.get("digest.meetings.none"))
      .section(w.get("digest.scores"), scores, w.get("digest.scores.none"))
      .link(w.get("digest.link"), publicUrl + "/spaces");
    return subscribed(b, w, Settings.Category.DIGEST, unsubscribeToken);
  }

  /** "Developing (2.35)", the score in the language's way of writing numbers; a level without one is its name alone. */
  private static String score(MailText w, Rubric rubric, Level level, BigDecimal score) {
    return score == null ? rubric.levelName(level) : w.get("digest.level", rubric.levelName(level), w.number(score));
  }

  /** The footer of mail someone may turn off: why it came, where to choose, and the one-click way out. */
  private Letter subscribed(Letter.Builder b, MailText w, Settings.Category category, String unsubscribeToken) {
    return b.footer(w.get("footer.why"))
      .footer(w.get("footer.settings", publicUrl + "/me/notifications"))
      .unsubscribe(w.get("unsubscribe." + category.column()), publicUrl + "/unsubscribe?token=" + query(unsubscribeToken))
      .build();
  }
}
