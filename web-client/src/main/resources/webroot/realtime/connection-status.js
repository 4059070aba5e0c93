// The connection status, always visible but quiet: a word (never only a colour) and the count of waiting changes.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

export class CadreConnectionStatus extends CadreElement {
  static properties = { connection: { attribute: false } };

  render() {
    const { status, waiting } = this.connection ?? { status: 'offline', waiting: 0 };
    return html`<p class="connection connection-${status}" role="status" aria-label=${t('connection.label')}>
      <span class="dot" aria-hidden="true"></span>
      <span class="connection-text">${t(`connection.${status}`)}</span>
      ${waiting > 0 ? html`<span class="connection-waiting">${t('connection.waiting', { count: waiting })}</span>` : null}
    </p>`;
  }
}

customElements.define('cadre-connection-status', CadreConnectionStatus);
