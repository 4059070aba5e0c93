// The culture roll-up of a site, district or network (GET /api/spaces/{id}/culture/rollup): the teams needing
// support first, the status-by-change grid, the heat map of rows by team and the levels per row, with the table as
// CSV and a link to the space's printable report. It follows rollup.<id> on the bus and refetches whenever a team below scores differently, so it stays live
// without the space's own events (which a district lead looking at the network may not read).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime, currentLanguage } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed, empty } from '../ui/states.js';
import { reportPath } from '../app/routes.js';
import './rollup-support.js';
import './rollup-grid.js';
import './rollup-heatmap.js';
import './rollup-distributions.js';

export class CadreRollupTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    bus: { attribute: false },
    rollup: { state: true },
    error: { state: true },
  };

  /** A new space, or the tab shown again: follow its roll-up and fetch it. */
  willUpdate() {
    if (this.space && this.watching !== this.space.id) {
      this.watch();
      this.rollup = null;
      this.error = null;
      this.load();
    }
  }

  connectedCallback() {
    super.connectedCallback();
    this.requestUpdate();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.watcher?.close();
    this.watcher = null;
    this.watching = null;
  }

  watch() {
    this.watcher?.close();
    this.watching = this.space.id;
    this.watcher = this.bus?.watch(`rollup.${this.space.id}`, (body) => {
      if (body.type === 'culture.rollup-changed') this.load({ live: true });
    }) ?? null;
  }

  /** One fetch at a time; a notice arriving meanwhile asks for one more fetch after it. */
  async load({ live = false } = {}) {
    if (this.fetching) {
      this.again = true;
      return;
    }
    this.fetching = true;
    const id = this.space.id;
    try {
      const rollup = await get(`/api/spaces/${id}/culture/rollup`);
      if (id !== this.space.id) return;
      this.rollup = rollup;
      this.error = null;
      if (live) this.announce(t('rollup.updated'));
    } catch (error) {
      if (id === this.space.id && !live) this.error = error;
    } finally {
      this.fetching = false;
      if (this.again) {
        this.again = false;
        this.load({ live: true });
      }
    }
  }

  render() {
    if (this.error?.status === 403) return html`<p class="notice">${t('rollup.refused')}</p>`;
    if (this.error) return failed(this.error, () => this.load());
    if (!this.rollup) return loading();
    const rollup = this.rollup;
    const csv = `/api/spaces/${this.space.id}/culture/rollup.csv?lang=${currentLanguage()}`;
    return html`<div class="rollup">
      <header class="rollup-head">
        <h2 class="rollup-title">${t('rollup.title', { space: this.space.name })}</h2>
        <p class="hint">${t('rollup.intro')}</p>
        <p class="rollup-facts"><span>${t('rollup.teams', { count: rollup.teamCount })}</span>
          <span>${t('rollup.asOf', { date: formatDateTime(rollup.asOf, this.space.timeZone) })}</span></p>
        ${rollup.hiddenTeams ? html`<p class="rollup-hidden-note">${t('rollup.hiddenNote', { count: rollup.hiddenTeams })}</p>` : null}
        <p class="rollup-actions">
          <a class="button secondary rollup-report" href=${reportPath(this.space.id)}>${t('report.spaceLink')}</a>
          ${rollup.teams.length ? html`<a class="button rollup-download" href=${csv} download>${t('rollup.download')}</a>` : null}
        </p>
      </header>
      ${rollup.teamCount === 0 ? empty(t('rollup.empty')) : html`
        <cadre-rollup-support .rollup=${rollup}></cadre-rollup-support>
        <cadre-rollup-grid .rollup=${rollup}></cadre-rollup-grid>
        <cadre-rollup-heatmap .rollup=${rollup}></cadre-rollup-heatmap>
        <cadre-rollup-distributions .rollup=${rollup}></cadre-rollup-distributions>`}
    </div>`;
  }
}

customElements.define('cadre-rollup-tab', CadreRollupTab);
