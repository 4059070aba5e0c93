// /spaces/{id}/metrics: a team's facilitator metrics, or for a site, district or network the totals of the teams
// below with each team the viewer may open. Kept live: metrics.changed on the space reads them again.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import './metrics-figures.js';
import './metrics-range.js';
import { FeedFollower } from '../ui/feed-follower.js';

const SETTLE_MS = 150;

export class CadreMetricsTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    feed: { attribute: false },
    metrics: { state: true },
    error: { state: true },
    range: { state: true },
  };

  constructor() {
    super();
    new FeedFollower(this, { onSignal: (e) => { if (e.detail.type === 'metrics.changed') this.refreshSoon(); } });
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) this.refresh();
  }

  refreshSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  async refresh() {
    const id = this.space.id;
    const query = this.range ? `?from=${this.range.from}&to=${this.range.to}` : '';
    try {
      const metrics = await get(`/api/spaces/${id}/metrics${query}`);
      if (id === this.space.id) {
        this.metrics = metrics;
        this.error = null;
      }
    } catch (error) {
      if (id === this.space.id) this.error = error;
    }
  }

  render() {
    if (this.error) return failed(this.error, () => this.refresh());
    if (!this.metrics) return loading();
    const m = this.metrics;
    const team = this.space.kind === 'team';
    return html`<div class="metrics">
      <p class="lead-text">${t('metrics.intro')}</p>
      <cadre-metrics-range .from=${m.from} .to=${m.to}
        @range-change=${(e) => { this.range = e.detail; this.refresh(); }}></cadre-metrics-range>
      <section class="panel" aria-labelledby="metrics-totals">
        <h2 id="metrics-totals" class="panel-title">${team ? t('metrics.teamHeading') : t('metrics.totals', { count: m.teamCount })}</h2>
        ${!team && m.hiddenTeams ? html`<p class="hint">${t('metrics.hidden', { count: m.hiddenTeams })}</p>` : null}
        <cadre-metrics-figures .figures=${team ? m.teams[0] : m}></cadre-metrics-figures>
      </section>
      ${team ? null : m.teams.map((teamFigures) => html`<section class="panel" aria-labelledby=${`metrics-${teamFigures.spaceId}`}>
        <h3 id=${`metrics-${teamFigures.spaceId}`} class="panel-title">${teamFigures.name}</h3>
        <cadre-metrics-figures .figures=${teamFigures}></cadre-metrics-figures>
      </section>`)}
    </div>`;
  }
}

customElements.define('cadre-metrics-tab', CadreMetricsTab);
