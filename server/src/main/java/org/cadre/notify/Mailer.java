package org.cadre.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.SqlClient;
import org.cadre.account.Principal;
import org.cadre.account.ResetMail;
import org.cadre.http.JsonBody;
import org.cadre.http.Language;
import org.cadre.job.Job;
import org.cadre.meeting.AutomaticReminders;
import org.cadre.space.InvitationMail;
import org.cadre.space.SpaceChanges;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Email for one server: what requests queue (invitations, password resets), the scans that queue the rest
 * ({@link MailJobs}), and the sending of the outbox over SMTP. Every message is a row first; any server may send
 * it, and the row it claims ({@code FOR UPDATE SKIP LOCKED}) is sent by it alone. Without an SMTP server
 * ({@code settings} null) nothing is queued and {@link #enabled()} says so.
 */
public final class Mailer implements InvitationMail, ResetMail {

  private static final Logger LOG = Logger.getLogger(Mailer.class.getName());
  /** Messages claimed at a time; a full batch is followed by another at once. */
  private static final int BATCH = 20;
  /** Attempts before a message is given up (each after the previous claim lapsed). */
  private static final int MAX_ATTEMPTS = 5;

  private final MailSettings settings;
  private final MailClient client;
  private final NotifyRepository repo;
  private final Letters letters;
  private final UnsubscribeLinks unsubscribe;
  private final AutomaticReminders reminders;
  private final Counter sent;
  private final Counter failed;

  public Mailer(Vertx vertx, Pool pool, SpaceChanges changes, MailSettings settings, String publicUrl, MeterRegistry meters) {
    this.settings = settings;
    this.client = settings == null ? null : MailClient.create(vertx, settings.mailConfig());
    this.repo = new NotifyRepository(pool);
    this.letters = new Letters(publicUrl);
    this.unsubscribe = new UnsubscribeLinks(repo);
    this.reminders = new AutomaticReminders(vertx, pool, changes);
    this.sent = Counter.builder("cadre.mail.sent").description("Emails the SMTP server accepted").register(meters);
    this.failed = Counter.builder("cadre.mail.failed").description("Email sends that failed (each attempt)").register(meters);
  }

  @Override
  public boolean enabled() {
    return client != null;
  }

  NotifyRepository repository() {
    return repo;
  }

  UnsubscribeLinks unsubscribeLinks() {
    return unsubscribe;
  }

  AutomaticReminders reminders() {
    return reminders;
  }

  Letters letters() {
    return letters;
  }

  /** The scans and the outbox, each run once per {@code every} across every server; none when email is off. */
  public List<Job> jobs(Duration every) {
    return enabled() ? new MailJobs(this, every).all() : List.of();
  }

  @Override
  public Future<Void> queue(SqlClient tx, UUID invitationId, Invited invited) {
    String email = invited.email().toLowerCase(java.util.Locale.ROOT);
    return repo.languageOf(email).compose(chosen -> {
      Letter letter = letters.invitation(chosen == null ? invited.language() : chosen, invited.inviter(), invited.space(),
        JsonBody.wireName(invited.role()), invited.expiresAt(), invited.zone(), invited.token());
      return repo.enqueue(tx, List.of(new NotifyRepository.Outgoing("invitation", invitationId, email, "created", email, letter)));
    }).mapEmpty();
  }

  @Override
  public void flush() {
    drain();
  }

  /** Each request is its own occasion: a user may ask again after the link lapsed. */
  @Override
  public Future<Void> send(Principal user, Language language, String token, Duration lifetime) {
    Letter letter = letters.passwordReset(user.language() != null ? user.language() : language, user.name(), token, lifetime);
    return repo.enqueue(List.of(new NotifyRepository.Outgoing("password-reset", user.userId(), user.userId().toString(),
        UUID.randomUUID().toString(), user.email(), letter)))
      .onSuccess(v -> drain())
      .mapEmpty();
  }

  /** Sends what is queued, batch after batch, until a claim comes back short. Answers how many were sent. */
  Future<Integer> drain() {
    if (!enabled()) {
      return Future.succeededFuture(0);
    }
    return repo.claim(BATCH).compose(batch -> {
      Future<Integer> done = Future.succeededFuture(0);
      for (NotifyRepository.Claimed m : batch) {
        done = done.compose(count -> send(m).map(ok -> ok ? count + 1 : count));
      }
      return done.compose(count -> batch.size() == BATCH ? drain().map(more -> count + more) : Future.succeededFuture(count));
    }).onFailure(err -> LOG.log(Level.WARNING, "Could not read the mail outbox", err));
  }

  private Future<Boolean> send(NotifyRepository.Claimed m) {
    MailMessage message = new MailMessage().setFrom(settings.from()).setTo(m.to()).setSubject(m.title())
      .setText(m.text()).setHtml(m.html());
    if (m.unsubscribe() != null) {
      message.addHeader("List-Unsubscribe", "<" + m.unsubscribe() + ">");
      message.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
    }
    return client.sendMail(message)
      .compose(result -> {
        sent.increment();
        return repo.sent(m.id()).map(true);
      }, err -> {
        failed.increment();
        boolean giveUp = m.attempts() >= MAX_ATTEMPTS;
        LOG.log(Level.WARNING, "Could not send " + m.kind() + " mail " + m.id() + " (attempt " + m.attempts()
          + (giveUp ? ", giving up" : ", tried again later") + "): " + err.getMessage());
        String error = String.valueOf(err.getMessage());
        return repo.failed(m.id(), error.length() > 500 ? error.substring(0, 500) : error, giveUp).map(false);
      });
  }

  public Future<Void> close() {
    return client == null ? Future.succeededFuture() : client.close();
  }

  @Override
  public String toString() {
    return settings == null ? "email off" : settings.toString();
  }
}
