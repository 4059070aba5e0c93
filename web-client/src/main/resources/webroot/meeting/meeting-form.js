// Scheduling a meeting: a wall-clock start in the team's time zone (`localStart`), a length, and optionally a
// repeat (weekly, every N weeks or monthly, for a number of meetings). The server's errors are shown next to the
// field they name.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';

const REPEATS = ['none', 'weekly', 'every-n-weeks', 'monthly'];
/** Which of the form's inputs shows the error for a field the server names. */
const SHOWN_AT = { startsAt: 'date', localStart: 'date', durationMinutes: 'duration', 'repeat.frequency': 'repeat', 'repeat.interval': 'interval',
  'repeat.count': 'count', repeat: 'repeat', frequency: 'repeat' };

export class CadreMeetingForm extends CadreElement {
  static properties = {
    space: { attribute: false },
    members: { attribute: false },
    me: { attribute: false },
    repeat: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    this.repeat = 'none';
  }

  firstUpdated() {
    this.querySelector('input[name="title"]').focus();
  }

  async submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const body = {
      title: String(data.get('title')).trim(),
      localStart: `${data.get('date')}T${data.get('time')}`,
      durationMinutes: Number(data.get('duration')),
    };
    if (data.get('location')) body.location = String(data.get('location')).trim();
    if (data.get('facilitatorId')) body.facilitatorId = data.get('facilitatorId');
    if (this.repeat !== 'none') {
      body.repeat = {
        frequency: this.repeat === 'monthly' ? 'monthly' : 'weekly',
        interval: this.repeat === 'every-n-weeks' ? Number(data.get('interval')) : 1,
        count: Number(data.get('count')),
      };
    }
    this.busy = true;
    this.error = null;
    try {
      const event = await post(`/api/spaces/${this.space.id}/meetings`, body);
      this.dispatchEvent(new CustomEvent('cadre-created', { detail: event.payload ?? {} }));
    } catch (error) {
      this.error = error;
      await this.updateComplete;
      const at = SHOWN_AT[error.field] ?? error.field;
      (this.querySelector(`[name="${at}"]`) ?? this.querySelector('.form-error'))?.focus();
    } finally {
      this.busy = false;
    }
  }

  /** The server's message under the input it is about. */
  errorAt(name) {
    if (!this.error?.field) return null;
    const at = SHOWN_AT[this.error.field] ?? this.error.field;
    return at === name
      ? html`<span class="field-error" id=${`error-${name}`}>${this.error.message}</span>` : null;
  }

  described(name) {
    return this.errorAt(name) ? `error-${name}` : undefined;
  }

  render() {
    const known = ['title', 'location', 'durationMinutes', 'facilitatorId', ...Object.keys(SHOWN_AT)];
    const general = this.error && !known.includes(this.error.field);
    const startError = this.errorAt('date');
    return html`<form class="panel form meeting-form" @submit=${(e) => this.submit(e)} novalidate>
      <h3 class="panel-title">${t('meetings.newTitle')}</h3>
      ${general ? html`<p class="field-error form-error" role="alert" tabindex="-1">${this.error.message}</p>` : null}
      <label class="field"><span>${t('meetings.title')}</span>
        <input name="title" required maxlength="200" aria-describedby=${this.described('title') ?? ''}>${this.errorAt('title')}</label>
      <div class="form-row">
        <label class="field"><span>${t('meetings.date')}</span>
          <input name="date" type="date" required .value=${tomorrow()} aria-describedby=${startError ? 'error-date' : ''}></label>
        <label class="field"><span>${t('meetings.time')}</span>
          <input name="time" type="time" required value="15:30" aria-describedby=${startError ? 'error-date' : ''}></label>
        <label class="field"><span>${t('meetings.duration')}</span>
          <input name="duration" type="number" min="5" max="600" value="60" inputmode="numeric"
            aria-describedby=${this.described('duration') ?? ''}>${this.errorAt('duration')}</label>
      </div>
      ${startError}
      <p class="hint">${t('meetings.inZone', { zone: this.space.timeZone })}</p>
      <label class="field"><span>${t('meetings.location')}</span><input name="location" maxlength="200">${this.errorAt('location')}</label>
      <label class="field"><span>${t('meetings.facilitator')}</span><select name="facilitatorId">
        ${(this.members ?? []).filter((m) => m.role !== 'observer').map((m) => html`<option value=${m.userId}
          ?selected=${m.userId === this.me.id}>${m.name}</option>`)}</select>${this.errorAt('facilitatorId')}</label>
      <fieldset class="fieldset">
        <legend>${t('meetings.repeat')}</legend>
        ${REPEATS.map((r) => html`<label class="check"><input type="radio" name="repeat" value=${r} .checked=${this.repeat === r}
          @change=${() => { this.repeat = r; }}><span>${t(`meetings.repeats.${r}`)}</span></label>`)}
        ${this.errorAt('repeat')}
      </fieldset>
      ${this.repeat === 'every-n-weeks' ? html`<label class="field"><span>${t('meetings.interval')}</span>
        <input name="interval" type="number" min="2" max="12" value="2" inputmode="numeric">${this.errorAt('interval')}</label>` : null}
      ${this.repeat !== 'none' ? html`<label class="field"><span>${t('meetings.count')}</span>
        <input name="count" type="number" min="2" max="104" value="6" inputmode="numeric">${this.errorAt('count')}</label>` : null}
      <div class="actions">
        <button class="button" ?disabled=${this.busy}>${t('meetings.create')}</button>
        <button type="button" class="button secondary" @click=${() => this.dispatchEvent(new CustomEvent('cadre-cancel'))}>
          ${t('room.cancel')}</button>
      </div>
    </form>`;
  }
}

/** The default date: tomorrow, as a yyyy-mm-dd in the browser's calendar. */
function tomorrow() {
  const d = new Date(Date.now() + 86_400_000);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

customElements.define('cadre-meeting-form', CadreMeetingForm);
