// /me/metrics (not /metrics, which the static files of webroot/metrics/ answer): the facilitator's dashboard, the metrics of every team the signed-in person leads.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import { spacePath } from '../app/routes.js';
import './metrics-figures.js';
import './metrics-range.js';

export class CadreMetricsPage extends CadreElement {
  static properties = { metrics: { state: true }, error: { state: true }, range: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
  }

  async refresh() {
    const query = this.range ? `?from=${this.range.from}&to=${this.range.to}` : '';
    try {
      this.metrics = await get(`/api/me/metrics${query}`);
      this.error = null;
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    if (this.error) return failed(this.error, () => this.refresh());
    if (!this.metrics) return loading();
    const m = this.metrics;
    return html`<section class="page metrics">
      <h1 class="page-title">${t('metrics.dashboard')}</h1>
      <p class="lead-text">${t('metrics.dashboardIntro')}</p>
      <cadre-metrics-range .from=${m.from} .to=${m.to}
        @range-change=${(e) => { this.range = e.detail; this.refresh(); }}></cadre-metrics-range>
      ${m.teams.length ? m.teams.map((team) => html`<section class="panel" aria-labelledby=${`metrics-${team.spaceId}`}>
        <h2 id=${`metrics-${team.spaceId}`} class="panel-title"><a href=${spacePath(team.spaceId, 'metrics')}>${team.name}</a></h2>
        <cadre-metrics-figures .figures=${team}></cadre-metrics-figures>
      </section>`) : html`<p>${t('metrics.noTeams')}</p>`}
    </section>`;
  }
}

customElements.define('cadre-metrics-page', CadreMetricsPage);
