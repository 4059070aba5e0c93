// A team's Meetings tab: upcoming and past meetings in the team's time zone, scheduling (one-off or recurring),
// publishing the agenda and sending the reminder. The last two are shown to the facilitator and leads only; the
// server authorizes them again.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed, empty } from '../ui/states.js';
import './meeting-form.js';

const PAST_SHOWN = 10;

export class CadreMeetingsTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    feed: { attribute: false },
    members: { attribute: false },
    meetings: { state: true },
    error: { state: true },
    creating: { state: true },
    allPast: { state: true },
    message: { state: true },
  };

  constructor() {
    super();
    this.onEvent = (e) => { if (e.detail.type.startsWith('meeting.')) this.load(); };
  }

  connectedCallback() {
    super.connectedCallback();
    this.feed.addEventListener('space-event', this.onEvent);
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.feed.removeEventListener('space-event', this.onEvent);
  }

  async load() {
    try {
      this.meetings = (await get(`/api/spaces/${this.space.id}/board`)).meetings;
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  get writable() {
    return ['write', 'manage'].includes(this.space.access) && !this.space.archived;
  }

  runs(meeting) {
    return this.space.access === 'manage' || meeting.facilitatorId === this.me.id;
  }

  stamp(meeting, type, done) {
    this.message = null;
    this.bus.command({ type, spaceId: this.space.id, meetingId: meeting.id })
      .then(() => this.announce(done), (error) => { this.message = { meetingId: meeting.id, text: error.message }; });
  }

  created(event) {
    this.creating = false;
    const first = event.detail.meetings?.[0];
    this.announce(t('meetings.scheduled', { count: event.detail.meetings?.length ?? 1 }));
    if (first) this.navigate(`/spaces/${this.space.id}/meetings/${first.id}`);
    else this.load();
  }

  render() {
    if (this.error) return failed(this.error, () => this.load());
    if (!this.meetings) return loading();
    const now = this.bus.now();
    const zone = this.space.timeZone;
    const upcoming = this.meetings.filter((m) => m.status === 'scheduled' && Date.parse(m.endsAt) >= now)
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const past = this.meetings.filter((m) => !upcoming.includes(m)).sort((a, b) => b.startsAt.localeCompare(a.startsAt));
    const form = this.creating ? html`<cadre-meeting-form .space=${this.space} .members=${this.members} .me=${this.me}
      @cadre-created=${(e) => this.created(e)} @cadre-cancel=${() => { this.creating = false; }}></cadre-meeting-form>` : null;
    if (!this.meetings.length && !this.creating) {
      return empty(t('meetings.empty'), this.writable ? html`<button type="button" class="button"
        @click=${() => { this.creating = true; }}>${t('meetings.scheduleFirst')}</button>` : null);
    }
    return html`<div class="meetings">
      <div class="section-header">
        <h2 class="panel-title">${t('meetings.upcoming')}</h2>
        ${this.writable && !this.creating ? html`<button type="button" class="button" @click=${() => { this.creating = true; }}>
          ${t('meetings.schedule')}</button>` : null}
      </div>
      ${form}
      <p class="hint">${t('meetings.zone', { zone })}</p>
      ${upcoming.length ? html`<ul class="meeting-list">${upcoming.map((m) => this.row(m, zone, true))}</ul>`
        : html`<p class="hint">${t('meetings.noUpcoming')}</p>`}
      <h2 class="panel-title">${t('meetings.past')}</h2>
      ${past.length ? html`<ul class="meeting-list">${(this.allPast ? past : past.slice(0, PAST_SHOWN)).map((m) => this.row(m, zone, false))}</ul>`
        : html`<p class="hint">${t('meetings.noPast')}</p>`}
      ${past.length > PAST_SHOWN && !this.allPast ? html`<button type="button" class="button secondary"
        @click=${() => { this.allPast = true; }}>${t('meetings.showAll', { count: past.length })}</button>` : null}
    </div>`;
  }

  row(m, zone, upcoming) {
    const runs = upcoming && this.runs(m) && this.writable;
    return html`<li class="meeting-row">
      <div class="meeting-main">
        <a class="meeting-link" href=${`/spaces/${this.space.id}/meetings/${m.id}`}>${m.title}</a>
        <p class="hint"><time datetime=${m.startsAt}>${formatDateTime(m.startsAt, zone)}</time>
          · ${t(`meetings.status.${m.status}`)}${m.seriesId ? ` · ${t('meetings.series')}` : ''}
          ${m.agendaPublishedAt ? ` · ${t('meetings.published')}` : ''}${m.reminderSentAt ? ` · ${t('meetings.reminded')}` : ''}</p>
        ${this.message?.meetingId === m.id ? html`<p class="field-error" role="alert">${this.message.text}</p>` : null}
      </div>
      ${runs ? html`<div class="actions">
        ${m.agendaPublishedAt ? null : html`<button type="button" class="button small secondary"
          aria-label=${t('meetings.publishFor', { title: m.title, when: formatDateTime(m.startsAt, zone) })}
          @click=${() => this.stamp(m, 'meeting.publish-agenda', t('meetings.publishedNow'))}>${t('meetings.publish')}</button>`}
        ${m.reminderSentAt ? null : html`<button type="button" class="button small secondary"
          aria-label=${t('meetings.remindFor', { title: m.title, when: formatDateTime(m.startsAt, zone) })}
          @click=${() => this.stamp(m, 'meeting.send-reminder', t('meetings.remindedNow'))}>${t('meetings.remind')}</button>`}
      </div>` : null}
    </li>`;
  }
}

customElements.define('cadre-meetings-tab', CadreMeetingsTab);
