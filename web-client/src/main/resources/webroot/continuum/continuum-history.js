// A subject's ratings over time: a small Chart.js line chart of the current and target levels (target dashed, so
// colour is not the only difference) and the same ratings as a list, newest first.
import { html } from 'lit';
import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip } from 'chart.js';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate, formatDateTime } from '../i18n/i18n.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

export class CadreContinuumHistory extends CadreElement {
  static properties = {
    history: { attribute: false },
    levels: { attribute: false },
    space: { attribute: false },
    title: { attribute: false },
  };

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = null;
  }

  levelName(level) {
    return t('continua.levelName', { number: level, name: this.levels[level - 1]?.name ?? String(level) });
  }

  updated() {
    const canvas = this.querySelector('canvas');
    this.chart?.destroy();
    this.chart = null;
    if (!canvas) return;
    const oldestFirst = [...this.history].reverse();
    const still = matchMedia('(prefers-reduced-motion: reduce)').matches;
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        labels: oldestFirst.map((r) => formatDate(r.ratedAt, this.space.timeZone)),
        datasets: [
          { label: t('continua.current'), data: oldestFirst.map((r) => r.current), borderColor: '#1f5fa8', backgroundColor: '#1f5fa8', borderWidth: 3 },
          { label: t('continua.target'), data: oldestFirst.map((r) => r.target), borderColor: '#1d6b3a', backgroundColor: '#1d6b3a', borderDash: [6, 4], borderWidth: 2 },
        ],
      },
      options: {
        animation: still ? false : { duration: 300 },
        maintainAspectRatio: false,
        scales: { y: { min: 1, max: this.levels.length, ticks: { stepSize: 1 } } },
        plugins: { legend: { position: 'bottom', labels: { boxHeight: 2 } } },
      },
    });
  }

  render() {
    const history = this.history ?? [];
    return html`<details class="continuum-history">
      <summary>${t('continua.history', { count: history.length })}<span class="visually-hidden">: ${this.title}</span></summary>
      ${history.length > 1 ? html`<div class="continuum-chart">
        <canvas role="img" aria-label=${t('continua.chart', { subject: this.title })}></canvas></div>` : null}
      <ol class="continuum-history-list">${history.map((r) => html`<li>
        <span class="continuum-history-when">${formatDateTime(r.ratedAt, this.space.timeZone)}</span>
        ${t('continua.historyEntry', { name: r.ratedByName, current: this.levelName(r.current), target: this.levelName(r.target) })}
        ${r.note ? html`<span class="continuum-note">“${r.note}”</span>` : null}
      </li>`)}</ol>
    </details>`;
  }
}

customElements.define('cadre-continuum-history', CadreContinuumHistory);
