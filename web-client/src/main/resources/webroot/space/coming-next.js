// The placeholder of a team tab that is built next: says what it will be, and where to look meanwhile.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { spacePath } from '../app/routes.js';

export class CadreComingNext extends CadreElement {
  static properties = { space: { attribute: false }, tab: { attribute: false } };

  render() {
    const tab = t(`tabs.${this.tab}`);
    return html`<div class="state state-empty">
      <h2 class="state-title">${t('tabs.comingNextTitle', { tab })}</h2>
      <p>${t('tabs.comingNextBody')}</p>
      <a class="button" href=${spacePath(this.space.id)}>${t('tabs.overview')}</a>
    </div>`;
  }
}

customElements.define('cadre-coming-next', CadreComingNext);
