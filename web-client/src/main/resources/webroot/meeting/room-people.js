// Who is in the meeting: check-in, and the attendance list live. The facilitator (or a lead) marks people; once
// the meeting is held, a correction needs a reason.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { initials } from '../ui/initials.js';

// As the server's check-in window: from 30 minutes before the start until the meeting is closed.
const CHECK_IN_OPENS_MS = 30 * 60_000;
const STATUSES = ['present', 'late', 'absent', 'excused'];

export class CadreRoomPeople extends CadreElement {
  static properties = {
    meeting: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    viewers: { attribute: false },
    facilitates: { attribute: false },
    readOnly: { attribute: false },
    now: { attribute: false },
    error: { state: true },
    reasons: { state: true },
  };

  constructor() {
    super();
    this.reasons = {};
  }

  run(body) {
    this.error = null;
    return this.bus.command({ spaceId: this.spaceId, meetingId: this.meeting.id, ...body }).catch((error) => { this.error = error; });
  }

  mark(person, status) {
    const body = { type: 'attendance.mark', userId: person.userId, status };
    if (this.meeting.status === 'held') {
      const reason = (this.reasons[person.userId] ?? '').trim();
      if (!reason) {
        this.error = { field: 'reason', userId: person.userId, message: t('room.reasonNeeded') };
        return;
      }
      body.reason = reason;
    }
    this.run(body);
  }

  render() {
    const m = this.meeting;
    const mine = m.attendance.find((a) => a.userId === this.me.id);
    const checkedIn = mine && ['present', 'late'].includes(mine.status);
    const held = m.status === 'held';
    const here = new Set((this.viewers ?? []).map((v) => v.userId));
    return html`<h2 class="panel-title">${t('room.attendance')}</h2>
      ${!this.readOnly && m.status === 'scheduled' && mine?.onRoster !== false ? html`<p>
        ${checkedIn ? html`<span class="tag">${t('room.youCheckedIn')}</span>`
          : this.now < Date.parse(m.startsAt) - CHECK_IN_OPENS_MS ? html`<span class="hint">${t('room.checkInOpens')}</span>`
          : html`<button type="button" class="button" @click=${() => this.run({ type: 'attendance.check-in' })}>${t('room.checkIn')}</button>`}
      </p>` : null}
      ${this.error && this.error.field !== 'reason' ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      <ul class="attendance-list">${m.attendance.map((a) => html`<li class="attendance-row">
        <span class="avatar" aria-hidden="true">${initials(a.name)}</span>
        <span class="attendance-name">${a.name}${here.has(a.userId) ? html` <span class="tag">${t('room.here')}</span>` : null}</span>
        <span class="attendance-status">${t(`room.status.${a.status ?? 'unknown'}`)}${a.checkedInAt
          ? html` <span class="hint">${formatDateTime(a.checkedInAt, m.timeZone)}</span>` : null}</span>
        ${this.facilitates && !this.readOnly && m.status !== 'cancelled' ? html`<div class="attendance-mark">
          ${held ? html`<label class="field compact"><span>${t('room.reason', { name: a.name })}</span>
            <input .value=${this.reasons[a.userId] ?? ''} maxlength="500"
              aria-invalid=${this.error?.field === 'reason' && this.error.userId === a.userId ? 'true' : 'false'}
              @input=${(e) => { this.reasons = { ...this.reasons, [a.userId]: e.target.value }; }}>
            ${this.error?.field === 'reason' && this.error.userId === a.userId
              ? html`<span class="field-error">${this.error.message}</span>` : null}</label>` : null}
          <label class="field compact"><span>${t('room.markLabel', { name: a.name })}</span>
            <select @change=${(e) => e.target.value && this.mark(a, e.target.value)}>
              <option value="" ?selected=${!a.status}>${t('room.status.unknown')}</option>
              ${STATUSES.map((s) => html`<option value=${s} ?selected=${a.status === s}>${t(`room.status.${s}`)}</option>`)}
            </select></label>
        </div>` : null}
      </li>`)}</ul>`;
  }
}

customElements.define('cadre-room-people', CadreRoomPeople);
