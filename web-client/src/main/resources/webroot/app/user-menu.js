// The user menu: who is signed in, the language, the personal calendar feed, sign out. A disclosure (button + panel), closed with Escape.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, LANGUAGES, currentLanguage, setLanguage } from '../i18n/i18n.js';
import { patch } from '../rest/http.js';
import { initials } from '../ui/initials.js';
import '../calendar/calendar-feed.js';

export class CadreUserMenu extends CadreElement {
  static properties = { me: { attribute: false }, open: { state: true }, calendarOpen: { state: true } };

  constructor() {
    super();
    this.open = false;
  }

  keydown(event) {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      this.querySelector('.user-button').focus();
    }
  }

  /** Applies the language at once and remembers it for the user, so their next sign-in anywhere starts in it. */
  async choose(code) {
    setLanguage(code);
    try {
      await patch('/api/me', { language: currentLanguage() });
    } catch (error) {
      this.announce(t('connection.failed', { message: error.message }));
    }
  }

  render() {
    return html`<div class="user-menu" @keydown=${this.keydown}>
      <button type="button" class="user-button" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="user-panel"
        aria-label=${t('user.menu', { name: this.me.name })} @click=${() => { this.open = !this.open; }}>
        <span class="avatar" aria-hidden="true">${initials(this.me?.name)}</span>
        <span class="user-name" aria-hidden="true">${this.me.name}</span>
      </button>
      <div id="user-panel" class="user-panel" ?hidden=${!this.open}>
        <p class="user-email">${this.me.email}</p>
        <p><a href="/me/metrics">${t('metrics.dashboard')}</a></p>
        <p><a href="/me/notifications">${t('mail.settingsTitle')}</a></p>
        <label class="field">${t('user.language')}
          <select @change=${(e) => this.choose(e.target.value)}>
            ${Object.entries(LANGUAGES).map(([code, lang]) =>
              html`<option value=${code} lang=${code} ?selected=${code === currentLanguage()}>${lang.label}</option>`)}
          </select>
        </label>
        <details class="user-calendar" @toggle=${(e) => { this.calendarOpen = e.target.open; }}>
          <summary>${t('calendar.mineTitle')}</summary>
          ${this.calendarOpen ? html`<cadre-calendar-feed></cadre-calendar-feed>` : null}
        </details>
        <button type="button" class="button secondary"
          @click=${() => this.dispatchEvent(new CustomEvent('cadre-sign-out', { bubbles: true }))}>${t('user.signOut')}</button>
        <button type="button" class="button secondary" aria-describedby="sign-out-everywhere-hint"
          @click=${() => this.dispatchEvent(new CustomEvent('cadre-sign-out', { bubbles: true, detail: { everywhere: true } }))}>${t('sessions.signOutEverywhere')}</button>
        <p id="sign-out-everywhere-hint" class="hint">${t('sessions.signOutEverywhereHint')}</p>
      </div>
    </div>`;
  }
}

customElements.define('cadre-user-menu', CadreUserMenu);
