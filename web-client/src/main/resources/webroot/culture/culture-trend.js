// The team's culture week by week: a Chart.js line chart of the overall and strand scores (each line also drawn in
// its own dash pattern, so colour is never the only difference), and the same numbers as a table for anyone who
// cannot use the chart.
import { html } from 'lit';
import { Chart, LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip } from 'chart.js';
import { CadreElement } from '../ui/cadre-element.js';
import { ChartController } from '../ui/chart-controller.js';
import { t, formatDate, formatNumber } from '../i18n/i18n.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

const SERIES = [
  { id: 'overall', colour: '#1b2733', dash: [], width: 3 },
  { id: 'A', colour: '#1f5fa8', dash: [6, 4], width: 2 },
  { id: 'B', colour: '#8a3ea8', dash: [2, 3], width: 2 },
  { id: 'C', colour: '#1d6b3a', dash: [10, 3, 2, 3], width: 2 },
];

export class CadreCultureTrend extends CadreElement {
  static properties = { weeks: { attribute: false }, strands: { attribute: false } };

  chart = new ChartController(this, () => ({
    type: 'line',
    data: {
      labels: this.weeks.map((week) => this.week(week)),
      datasets: SERIES.map((series) => ({
        label: this.seriesName(series.id),
        data: this.weeks.map((week) => this.value(week, series.id)),
        borderColor: series.colour,
        backgroundColor: series.colour,
        borderDash: series.dash,
        borderWidth: series.width,
        pointRadius: 2,
        spanGaps: false,
        clip: 4,
      })),
    },
    options: {
      scales: { y: { min: 1, max: 3, ticks: { stepSize: 0.5, callback: (v) => formatNumber(v) } } },
      plugins: { legend: { position: 'bottom', labels: { boxHeight: 2 } } },
    },
  }));

  seriesName(id) {
    if (id === 'overall') return t('culture.overall');
    const strand = this.strands?.find((s) => s.id === id);
    return t('culture.strandSeries', { id, name: strand?.name ?? id });
  }

  value(week, id) {
    return id === 'overall' ? week.score : week.strands?.[id] ?? null;
  }

  week(week) {
    return formatDate(week.week, 'UTC');
  }

  render() {
    const weeks = this.weeks ?? [];
    if (!weeks.length) return html`<p class="state-inline">${t('culture.noTrend')}</p>`;
    const first = this.week(weeks[0]);
    const last = this.week(weeks.at(-1));
    const cell = (value) => (value == null ? t('culture.notScored') : formatNumber(value));
    return html`<div class="trend-chart">
        <canvas role="img" aria-label=${t('culture.trendChart', { from: first, to: last })}></canvas>
      </div>
      <details class="trend-table">
        <summary>${t('culture.trendTable')}</summary>
        <div class="table-wrap" tabindex="0" role="region" aria-label=${t('culture.trendCaption', { from: first, to: last })}>
          <table class="table">
            <caption class="visually-hidden">${t('culture.trendCaption', { from: first, to: last })}</caption>
            <thead><tr>
              <th scope="col">${t('culture.week')}</th>
              ${SERIES.map((series) => html`<th scope="col">${this.seriesName(series.id)}</th>`)}
            </tr></thead>
            <tbody>${weeks.map((week) => html`<tr>
              <th scope="row">${this.week(week)}</th>
              ${SERIES.map((series) => html`<td>${cell(this.value(week, series.id))}</td>`)}
            </tr>`)}</tbody>
          </table>
        </div>
      </details>`;
  }
}

customElements.define('cadre-culture-trend', CadreCultureTrend);
