// /me/notifications: which emails Cadre sends the user (meeting agendas and reminders, their action items falling
// due, the weekly summary). Each box saves as it changes; when the server sends no email, a notice says so instead.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get, patch } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import { mailOff } from './mail-status.js';

const KINDS = ['meetings', 'actions', 'digest'];

export class CadreNotificationSettings extends CadreElement {
  static properties = { answer: { state: true }, error: { state: true }, busy: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    this.error = null;
    try {
      this.answer = await get('/api/me/notifications');
    } catch (error) {
      this.error = error;
    }
  }

  async change(kind, on) {
    this.busy = true;
    try {
      this.answer = await patch('/api/me/notifications', { [kind]: on });
      this.announce(t(on ? 'mail.turnedOn' : 'mail.turnedOff', { kind: t(`mail.kinds.${kind}`) }));
    } catch (error) {
      this.announce(t('connection.failed', { message: error.message }));
      await this.load();
    } finally {
      this.busy = false;
    }
  }

  render() {
    const body = this.error ? failed(this.error, () => this.load())
      : !this.answer ? loading()
        : html`${this.answer.enabled ? null : mailOff()}
          <fieldset class="notification-kinds">
            <legend>${t('mail.settingsLegend')}</legend>
            ${KINDS.map((kind) => html`<label class="checkbox-field">
              <input type="checkbox" name=${kind} .checked=${this.answer.settings[kind]} ?disabled=${this.busy}
                aria-describedby="hint-${kind}" @change=${(e) => this.change(kind, e.target.checked)}>
              ${t(`mail.kinds.${kind}`)}
            </label>
            <p id="hint-${kind}" class="hint">${t(`mail.hints.${kind}`)}</p>`)}
          </fieldset>`;
    return html`<section class="page narrow">
      <h1 class="page-title">${t('mail.settingsTitle')}</h1>
      <p class="lead-text">${t('mail.settingsIntro')}</p>
      ${body}
    </section>`;
  }
}

customElements.define('cadre-notification-settings', CadreNotificationSettings);
