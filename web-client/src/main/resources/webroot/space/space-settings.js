// The Settings tab of a team, for its leads: the time zone (new meetings are scheduled in it), how long before a
// meeting its members are emailed a reminder, the declared meeting cadence and how the leader was chosen (both read
// by the culture score). It shows the space as the page holds it, so another lead's change (the page applies
// team.settings-changed) appears at once; after a save it shows the server's answer. The server's error is shown
// next to the field it names.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { patch } from '../rest/http.js';
import { mailEnabled, mailOff } from '../notify/mail-status.js';

const SETTINGS = ['timeZone', 'reminderLeadMinutes', 'cadenceDays', 'leaderSelection'];
const REMINDER_LEADS = [60, 120, 1440, 2880, 10080];
const CADENCES = [7, 14, 28];
/** Which input shows the error for a field the server names (a cadence error goes to the select while no number is typed). */
const SHOWN_AT = { timeZone: 'timeZone', reminderLeadMinutes: 'reminderLeadMinutes', cadenceDays: 'cadenceDays',
  leaderSelection: 'method', 'leaderSelection.method': 'method', 'leaderSelection.at': 'selectedOn' };

export class CadreSpaceSettings extends CadreElement {
  static properties = {
    space: { attribute: false },
    shown: { state: true },
    cadence: { state: true },
    error: { state: true },
    busy: { state: true },
    mail: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    mailEnabled().then((enabled) => { this.mail = enabled; });
  }

  willUpdate(changed) {
    if (changed.has('space')) {
      const before = changed.get('space');
      if (before?.id !== this.space.id) this.error = null;
      const settingsChanged = !before || before.id !== this.space.id
        || SETTINGS.some((key) => JSON.stringify(before[key]) !== JSON.stringify(this.space[key]));
      if (settingsChanged) this.show(this.space);
    }
  }

  /** Shows these settings (the space's, or a save's answer), the cadence choice following them. */
  show(settings) {
    this.shown = Object.fromEntries(SETTINGS.map((key) => [key, settings[key] ?? null]));
    const days = this.shown.cadenceDays;
    this.cadence = days == null ? '' : CADENCES.includes(days) ? String(days) : 'other';
  }

  async submit(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const lead = data.get('reminderLeadMinutes');
    const body = {
      timeZone: data.get('timeZone'),
      reminderLeadMinutes: lead === '' ? null : Number(lead),
      // An empty "other" is sent as 0, so the server explains the range next to the field.
      cadenceDays: this.cadence === '' ? null : Number(this.cadence === 'other' ? data.get('cadenceDays') : this.cadence),
    };
    const leader = this.leaderSelection(String(data.get('method')).trim(), String(data.get('selectedOn')), body.timeZone);
    if (leader) body.leaderSelection = leader;
    this.busy = true;
    this.error = null;
    try {
      const answer = await patch(`/api/spaces/${this.space.id}/settings`, body);
      this.show(answer.payload);
      this.announce(t('settings.saved'));
    } catch (error) {
      this.error = error;
      await this.updateComplete;
      (this.querySelector(`[name="${this.errorInput()}"]`) ?? this.querySelector('.form-error'))?.focus();
    } finally {
      this.busy = false;
    }
  }

  /**
   * The leader selection to send, or null when it is as stored. The date is the day in the team's zone; it is sent
   * as noon there, which no offset moves to another day. Clearing a recorded method is sent too, so the server
   * says why it cannot be.
   */
  leaderSelection(method, date, zone) {
    const stored = this.shown.leaderSelection;
    const storedDate = stored?.at ? dayIn(stored.at, this.shown.timeZone) : '';
    if (method === (stored?.method ?? '') && date === storedDate) return null;
    const selection = { method };
    if (date) selection.at = date === storedDate ? stored.at : noonIn(date, zone);
    return selection;
  }

  /** The input the current error belongs to, or null for one the form shows above its fields. */
  errorInput() {
    const at = SHOWN_AT[this.error?.field];
    if (at === 'cadenceDays' && this.cadence !== 'other') return 'cadence';
    return at ?? null;
  }

  errorAt(name) {
    return this.error && this.errorInput() === name
      ? html`<span class="field-error" id=${`error-${name}`}>${this.error.message}</span>` : null;
  }

  /** The ids describing an input: its hint, and its error when it has one. */
  described(name, hint) {
    return [hint, this.errorInput() === name ? `error-${name}` : null].filter(Boolean).join(' ');
  }

  render() {
    const s = this.shown;
    // Browsers list region zones only; UTC (where a network starts) and the stored zone are offered too.
    const zones = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC', s.timeZone])];
    const leads = withCurrent(REMINDER_LEADS, s.reminderLeadMinutes).sort((a, b) => a - b);
    const general = this.error && !this.errorInput();
    return html`<form class="panel form settings-form" @submit=${(e) => this.submit(e)} novalidate>
      <h2 class="panel-title">${t('settings.title')}</h2>
      <p class="hint">${t('settings.intro')}</p>
      ${general ? html`<p class="field-error form-error" role="alert" tabindex="-1">${this.error.message}</p>` : null}
      <label class="field ${this.invalid('timeZone')}"><span>${t('settings.timeZone')}</span>
        <select name="timeZone" aria-describedby=${this.described('timeZone', 'hint-timeZone')}>
          ${zones.map((zone) => html`<option value=${zone} .selected=${zone === s.timeZone}>${zone.replaceAll('_', ' ')}</option>`)}
        </select>
        <span class="hint" id="hint-timeZone">${t('settings.timeZoneHint')}</span>${this.errorAt('timeZone')}</label>
      <label class="field ${this.invalid('reminderLeadMinutes')}"><span>${t('settings.reminder')}</span>
        <select name="reminderLeadMinutes" aria-describedby=${this.described('reminderLeadMinutes', 'hint-reminder')}>
          <option value="" .selected=${s.reminderLeadMinutes == null}>${t('settings.noReminder')}</option>
          ${leads.map((minutes) => html`<option value=${minutes} .selected=${minutes === s.reminderLeadMinutes}>${leadLabel(minutes)}</option>`)}
        </select>
        <span class="hint" id="hint-reminder">${t('settings.reminderHint')}</span>${this.errorAt('reminderLeadMinutes')}</label>
      ${this.mail === false ? mailOff(t('settings.mailOff')) : null}
      <div class="form-row">
        <label class="field ${this.invalid('cadence')}"><span>${t('settings.cadence')}</span>
          <select name="cadence" aria-describedby=${this.described('cadence', 'hint-cadence')}
            @change=${(e) => { this.cadence = e.target.value; }}>
            <option value="" .selected=${this.cadence === ''}>${t('settings.cadences.none')}</option>
            ${CADENCES.map((days) => html`<option value=${days} .selected=${this.cadence === String(days)}>${t(`settings.cadences.${days}`)}</option>`)}
            <option value="other" .selected=${this.cadence === 'other'}>${t('settings.cadences.other')}</option>
          </select>${this.errorAt('cadence')}</label>
        ${this.cadence === 'other' ? html`<label class="field ${this.invalid('cadenceDays')}"><span>${t('settings.cadenceDays')}</span>
          <input name="cadenceDays" type="number" min="1" max="365" inputmode="numeric" .value=${String(s.cadenceDays ?? '')}
            aria-describedby=${this.described('cadenceDays')}>${this.errorAt('cadenceDays')}</label>` : null}
      </div>
      <p class="hint" id="hint-cadence">${t('settings.cadenceHint')}</p>
      <fieldset class="fieldset">
        <legend>${t('settings.leader')}</legend>
        <div class="form-row">
          <label class="field ${this.invalid('method')}"><span>${t('settings.method')}</span>
            <input name="method" maxlength="200" .value=${s.leaderSelection?.method ?? ''}
              aria-describedby=${this.described('method', 'hint-method')}>${this.errorAt('method')}</label>
          <label class="field ${this.invalid('selectedOn')}"><span>${t('settings.selectedOn')}</span>
            <input name="selectedOn" type="date" .value=${s.leaderSelection?.at ? dayIn(s.leaderSelection.at, s.timeZone) : ''}
              aria-describedby=${this.described('selectedOn')}>${this.errorAt('selectedOn')}</label>
        </div>
        <p class="hint" id="hint-method">${t('settings.leaderHint')}</p>
      </fieldset>
      <div class="actions"><button class="button" ?disabled=${this.busy}>${t('settings.save')}</button></div>
    </form>`;
  }

  invalid(name) {
    return this.errorInput() === name ? 'field-invalid' : '';
  }
}

/** The choices, with the stored value added when it is none of them (set through the API, say). */
function withCurrent(choices, current) {
  return current == null || choices.includes(current) ? [...choices] : [...choices, current];
}

/** "1 hour before", "2 days before", "1 week before": the largest whole unit. */
function leadLabel(minutes) {
  if (minutes % 10080 === 0) return t('settings.weeksBefore', { count: minutes / 10080 });
  if (minutes % 1440 === 0) return t('settings.daysBefore', { count: minutes / 1440 });
  if (minutes % 60 === 0) return t('settings.hoursBefore', { count: minutes / 60 });
  return t('settings.minutesBefore', { count: minutes });
}

/** The day (YYYY-MM-DD) of an instant in a time zone. */
function dayIn(iso, zone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(iso));
}

/** Noon of a day (YYYY-MM-DD) in a time zone, as an instant: the zone's offset at noon UTC that day, taken off. */
function noonIn(day, zone) {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const name = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
    .formatToParts(noonUtc).find((part) => part.type === 'timeZoneName').value;
  const [, sign, hours, minutes] = /GMT([+-])(\d\d):(\d\d)/.exec(name) ?? [null, '+', '0', '0'];
  const offset = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
  return new Date(noonUtc.getTime() - offset * 60_000).toISOString();
}

customElements.define('cadre-space-settings', CadreSpaceSettings);
