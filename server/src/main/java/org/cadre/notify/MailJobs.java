package org.cadre.notify;

import io.vertx.core.Future;
import org.cadre.job.Job;
import org.cadre.notify.NotifyRepository.Outgoing;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The scans that queue mail, each a {@link Job}: agendas just published, meetings within their team's lead time,
 * action items falling due or overdue, and the weekly digest. Each queues a message per (kind, subject, recipient,
 * occasion) at most once, whatever runs overlap, then sends the outbox.
 */
final class MailJobs {

  /** How long sent mail stays in the outbox: long past any scan that could find its occasion again. */
  static final Duration KEPT = Duration.ofDays(30);

  private final Mailer mailer;
  private final NotifyRepository repo;
  private final Duration every;

  MailJobs(Mailer mailer, Duration every) {
    this.mailer = mailer;
    this.repo = mailer.repository();
    this.every = every;
  }

  private record Scheduled(String name, Duration every, Supplier<Future<?>> work) implements Job {
    @Override
    public Future<?> run() {
      return work.get();
    }
  }

  List<Job> all() {
    return List.of(
      new Scheduled("mail.meetings", every, this::meetings),
      new Scheduled("mail.actions", every, this::actions),
      new Scheduled("mail.digest", every, this::digests),
      // What a request queued but could not send (the SMTP server was down) goes out here.
      new Scheduled("mail.outbox", every, mailer::drain),
      new Scheduled("mail.housekeeping", Duration.ofDays(1), () -> repo.purgeDone(KEPT)));
  }

  private Future<?> meetings() {
    return repo.agendasToSend()
      .compose(due -> {
        Future<List<Outgoing>> out = Future.succeededFuture(new ArrayList<>());
        for (NotifyRepository.MeetingMail m : due) {
          out = out.compose(list -> repo.agenda(m.meetingId())
            .compose(items -> token(m.to(), Settings.Category.MEETINGS).map(token -> {
              list.add(new Outgoing("agenda", m.meetingId(), m.to().userId().toString(), m.occasion(), m.to().email(),
                mailer.letters().agenda(m, items, token)));
              return list;
            })));
        }
        return out.compose(repo::enqueue);
      })
      .compose(v -> repo.remindersToSend())
      .compose(due -> {
        Future<List<Outgoing>> out = Future.succeededFuture(new ArrayList<>());
        for (NotifyRepository.MeetingMail m : due) {
          out = out.compose(list -> token(m.to(), Settings.Category.MEETINGS).map(token -> {
            list.add(new Outgoing("reminder", m.meetingId(), m.to().userId().toString(), m.occasion(), m.to().email(),
              mailer.letters().reminder(m, token)));
            return list;
          }));
        }
        return out.compose(repo::enqueue).compose(v -> markReminded(due));
      })
      .compose(v -> mailer.drain());
  }

  /** Meetings reminded at their lead time (not by hand) are marked so, once each, after their mail is queued. */
  private Future<Void> markReminded(List<NotifyRepository.MeetingMail> due) {
    Future<Void> done = Future.succeededFuture();
    for (var meeting : due.stream().filter(m -> !m.reminded())
        .collect(java.util.stream.Collectors.toMap(NotifyRepository.MeetingMail::meetingId, m -> m, (a, b) -> a)).values()) {
      done = done.compose(v -> mailer.reminders().sent(meeting.spaceId(), meeting.meetingId()).mapEmpty());
    }
    return done;
  }

  private Future<?> actions() {
    return repo.actionsToSend()
      .compose(due -> {
        Future<List<Outgoing>> out = Future.succeededFuture(new ArrayList<>());
        for (NotifyRepository.ActionMail a : due) {
          out = out.compose(list -> token(a.to(), Settings.Category.ACTIONS).map(token -> {
            list.add(new Outgoing(a.overdue() ? "action-overdue" : "action-due", a.itemId(), a.to().userId().toString(),
              a.due().toString(), a.to().email(), mailer.letters().action(a, token)));
            return list;
          }));
        }
        return out.compose(repo::enqueue);
      })
      .compose(v -> mailer.drain());
  }

  /** One digest per user per ISO week (in UTC), sent by the first run of the week. */
  private Future<?> digests() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    String week = today.get(IsoFields.WEEK_BASED_YEAR) + "-W" + String.format("%02d", today.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    return repo.digestRecipients(week)
      .compose(users -> {
        Future<List<Outgoing>> out = Future.succeededFuture(new ArrayList<>());
        for (NotifyRepository.Recipient u : users) {
          out = out.compose(list -> repo.digest(u.userId())
            .compose(d -> token(u, Settings.Category.DIGEST).map(token -> {
              list.add(new Outgoing("digest", u.userId(), u.userId().toString(), week, u.email(),
                mailer.letters().digest(u, d, token)));
              return list;
            })));
        }
        return out.compose(repo::enqueue);
      })
      .compose(v -> mailer.drain());
  }

  private Future<String> token(NotifyRepository.Recipient to, Settings.Category category) {
    return mailer.unsubscribeLinks().token(to.userId(), category);
  }
}
