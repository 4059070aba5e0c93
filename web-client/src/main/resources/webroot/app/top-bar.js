// The top bar: the menu button (phones), the product name, the breadcrumbs, the connection status and the
// user menu.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { spacePath } from './routes.js';
import '../realtime/connection-status.js';
import './user-menu.js';

export class CadreTopBar extends CadreElement {
  static properties = {
    me: { attribute: false },
    crumbs: { attribute: false },
    connection: { attribute: false },
    railOpen: { attribute: false },
  };

  render() {
    const crumbs = this.crumbs ?? [];
    return html`<header class="top-bar">
      ${this.me ? html`<button type="button" class="icon-button rail-toggle" aria-controls="rail"
          aria-expanded=${this.railOpen ? 'true' : 'false'}
          @click=${() => this.dispatchEvent(new CustomEvent('cadre-toggle-rail', { bubbles: true }))}>
          <span aria-hidden="true">☰</span><span class="rail-toggle-label">${this.railOpen ? t('app.closeMenu') : t('app.menu')}</span>
        </button>` : null}
      <a class="product" href="/">${t('app.name')}</a>
      ${crumbs.length ? html`<nav class="breadcrumbs" aria-label=${t('breadcrumbs')}><ol>
          ${crumbs.map((space, i) => html`<li>${i === crumbs.length - 1
            ? html`<span aria-current="page">${space.name}</span>`
            : html`<a href=${spacePath(space.id)}>${space.name}</a>`}</li>`)}
        </ol></nav>` : html`<span class="spacer"></span>`}
      ${this.me ? html`<cadre-connection-status .connection=${this.connection}></cadre-connection-status>
        <cadre-user-menu .me=${this.me}></cadre-user-menu>` : null}
    </header>`;
  }
}

customElements.define('cadre-top-bar', CadreTopBar);
