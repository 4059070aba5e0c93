// /spaces/{id}/continua: the space rated on the four continua (partnership, helpfulness, support design cycle,
// coherence). Each continuum shows its subjects' current and target levels, their history and a form to rate. Any
// space may hold ratings: a network rates its partnerships with districts and colleges, a team the partner it works
// with. Kept live: a continuum.rated event from anyone reads the ratings again.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, currentLanguage } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import './continuum-panel.js';
import { FeedFollower } from '../ui/feed-follower.js';

export class CadreContinuaTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    feed: { attribute: false },
    members: { attribute: false },
    definitions: { state: true },
    ratings: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    new FeedFollower(this, { onEvent: (e) => { if (e.detail.type === 'continuum.rated') this.refresh(); } });
    this.onLanguage = () => this.refresh();
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('cadre-language', this.onLanguage);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('cadre-language', this.onLanguage);
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) {
      this.definitions = null;
      this.error = null;
      this.refresh();
    }
  }

  async refresh() {
    const id = this.space.id;
    try {
      const [definitions, ratings] = await Promise.all([
        get(`/api/continua?lang=${encodeURIComponent(currentLanguage())}`),
        get(`/api/spaces/${id}/continua`),
      ]);
      if (id !== this.space.id) return;
      this.ratings = new Map(ratings.continua.map((c) => [c.id, c]));
      this.definitions = definitions.continua;
    } catch (error) {
      if (id === this.space.id) this.error = error;
    }
  }

  render() {
    if (this.error) return failed(this.error, () => this.refresh());
    if (!this.definitions) return loading();
    const writable = ['write', 'manage'].includes(this.space.access);
    return html`<div class="continua">
      <p class="lead-text">${t('continua.intro')}</p>
      ${writable ? null : html`<p class="hint">${t('continua.readOnly')}</p>`}
      <nav class="continua-index" aria-label=${t('continua.index')}><ul>
        ${this.definitions.map((d) => html`<li><a href=${`#continuum-${d.id}`}>${d.name}</a></li>`)}
      </ul></nav>
      ${this.definitions.map((d) => html`<cadre-continuum-panel .definition=${d} .ratings=${this.ratings.get(d.id)}
        .space=${this.space} .bus=${this.bus} .writable=${writable} @rating-saved=${() => this.refresh()}></cadre-continuum-panel>`)}
    </div>`;
  }
}

customElements.define('cadre-continua-tab', CadreContinuaTab);
