// Levels per row: for each row of the continuum (and overall), how many teams below the space sit at each level,
// every team counted, with a bar whose parts are in proportion and whose numbers are written beside them.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatNumber } from '../i18n/i18n.js';
import { ROWS, LEVELS, rowName, levelName } from './rollup-names.js';

export class CadreRollupDistributions extends CadreElement {
  static properties = {
    rollup: { attribute: false },
  };

  render() {
    const rollup = this.rollup;
    const lines = [
      { id: 'overall', name: t('rollup.heatmap.overall'), counts: rollup.levels },
      ...ROWS.map((row) => ({ id: row, name: rowName(rollup, row), counts: rollup.rows[row] ?? {} })),
    ];
    return html`<section class="panel rollup-distributions-panel" aria-labelledby="rollup-distributions-title">
      <h2 id="rollup-distributions-title" class="panel-title">${t('rollup.distributions.title')}</h2>
      <p class="hint">${t('rollup.distributions.intro')}</p>
      <div class="rollup-scroll" role="region" tabindex="0" aria-labelledby="rollup-distributions-caption">
        <table class="rollup-distributions">
          <caption id="rollup-distributions-caption" class="visually-hidden">${t('rollup.distributions.caption')}</caption>
          <thead><tr><th scope="col" class="sticky">${t('rollup.heatmap.rowHeader')}</th>
            ${LEVELS.map((level) => html`<th scope="col"><span class="level-chip level-${level}">${levelName(level)}</span></th>`)}
            <td class="bar-head"></td></tr></thead>
          <tbody>${lines.map((line) => html`<tr class=${line.id === 'overall' ? 'overall' : ''}>
            <th scope="row" class="sticky">${line.id === 'overall' ? null : html`<span class="row-id">${line.id}</span> `}${line.name}</th>
            ${LEVELS.map((level) => html`<td class="count">${formatNumber(line.counts[level] ?? 0)}</td>`)}
            <td class="bar-cell">${this.bar(line.counts)}</td>
          </tr>`)}</tbody>
        </table>
      </div>
    </section>`;
  }

  /** A picture of the numbers already in the row, so hidden from screen readers. */
  bar(counts) {
    const total = LEVELS.reduce((sum, level) => sum + (counts[level] ?? 0), 0);
    if (!total) return null;
    return html`<span class="bar" aria-hidden="true">${LEVELS.filter((level) => counts[level]).map((level) => html`<span
      class="bar-part level-${level}" data-count=${counts[level]}></span>`)}</span>`;
  }

  /** The parts' proportions are set through the CSSOM: the Content-Security-Policy refuses style attributes. */
  updated() {
    this.querySelectorAll('.bar-part').forEach((part) => { part.style.flexGrow = part.dataset.count; });
  }
}

customElements.define('cadre-rollup-distributions', CadreRollupDistributions);
