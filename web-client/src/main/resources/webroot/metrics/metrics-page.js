// /me/metrics (not /metrics, which the static files of webroot/metrics/ answer): the facilitator's dashboard, the
// metrics of every team the signed-in person leads or facilitates meetings of. Kept live: it follows each team's
// space from the seq the figures were read at, and reads them again on metrics.changed.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import { spacePath } from '../app/routes.js';
import './metrics-figures.js';
import './metrics-range.js';

const SETTLE_MS = 150;

export class CadreMetricsPage extends CadreElement {
  static properties = {
    bus: { attribute: false },
    metrics: { state: true },
    error: { state: true },
    range: { state: true },
  };

  constructor() {
    super();
    this.followed = new Map(); // team id -> subscription
  }

  connectedCallback() {
    super.connectedCallback();
    this.refresh();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
    this.followed.forEach((sub) => sub.close());
    this.followed.clear();
  }

  async refresh() {
    const query = this.range ? `?from=${this.range.from}&to=${this.range.to}` : '';
    try {
      this.metrics = await get(`/api/me/metrics${query}`);
      this.error = null;
      this.follow(this.metrics.teams);
    } catch (error) {
      this.error = error;
    }
  }

  refreshSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  /** Follows the listed teams (and stops following the others); a team already followed keeps its subscription. */
  follow(teams) {
    if (!this.bus || !this.isConnected) return;
    const ids = new Set(teams.map((team) => team.spaceId));
    for (const [id, sub] of this.followed) {
      if (!ids.has(id)) {
        sub.close();
        this.followed.delete(id);
      }
    }
    for (const team of teams) {
      if (this.followed.has(team.spaceId)) continue;
      this.followed.set(team.spaceId, this.bus.subscribe(team.spaceId, {
        afterSeq: team.seq,
        onSignal: (body) => { if (body.type === 'metrics.changed' || body.type === 'resync') this.refreshSoon(); },
      }));
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
