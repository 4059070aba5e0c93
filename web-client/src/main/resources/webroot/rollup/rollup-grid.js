// The 5 x 5 status-by-change grid of the dashboard: status rows from very high to very low, change columns from
// declined significantly to increased significantly, each cell in the seed's colour with its name written out, the
// teams the viewer may open placed in it by name and the others as a count.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { evidencePath } from './rollup-names.js';

export class CadreRollupGrid extends CadreElement {
  static properties = {
    rollup: { attribute: false },
  };

  render() {
    const { statuses, changes, cells, unplaced } = this.rollup.grid;
    const cell = (status, change) => cells.find((c) => c.status === status && c.change === change);
    return html`<section class="panel rollup-grid-panel" aria-labelledby="rollup-grid-title">
      <h2 id="rollup-grid-title" class="panel-title">${t('rollup.grid.title')}</h2>
      <p class="hint">${t('rollup.grid.intro')}</p>
      <div class="rollup-scroll" role="region" tabindex="0" aria-labelledby="rollup-grid-caption">
        <table class="rollup-grid">
          <caption id="rollup-grid-caption" class="visually-hidden">${t('rollup.grid.caption')}</caption>
          <thead><tr><th scope="col">${t('rollup.grid.statusHeader')}</th>
            ${changes.map((change) => html`<th scope="col">${t(`rollup.change.${change}`)}</th>`)}</tr></thead>
          <tbody>${statuses.map((status) => html`<tr>
            <th scope="row">${t(`rollup.status.${status}`)}</th>
            ${changes.map((change) => this.cell(cell(status, change)))}
          </tr>`)}</tbody>
        </table>
      </div>
      ${unplaced.teams.length || unplaced.hiddenTeams ? html`<p class="rollup-unplaced">${t('rollup.grid.unplaced')}
        ${unplaced.teams.map((team, i) => html`${i ? ', ' : ' '}<a href=${evidencePath(team.spaceId)}>${team.name}</a>`)}
        ${unplaced.hiddenTeams ? html`${unplaced.teams.length ? ', ' : ' '}${t('rollup.grid.unplacedHidden', { count: unplaced.hiddenTeams })}` : null}
      </p>` : null}
    </section>`;
  }

  cell(cell) {
    const empty = !cell.teams.length && !cell.hiddenTeams;
    return html`<td class="grid-cell colour-${cell.colour}" data-status=${cell.status} data-change=${cell.change}>
      <span class="colour-name">${t(`rollup.colour.${cell.colour}`)}</span>
      ${cell.teams.length ? html`<ul class="grid-teams">${cell.teams.map((team) => html`<li>
        <a href=${evidencePath(team.spaceId)}>${team.name}</a></li>`)}</ul>` : null}
      ${cell.hiddenTeams ? html`<span class="grid-hidden">${t('rollup.grid.hidden', { count: cell.hiddenTeams })}</span>` : null}
      ${empty ? html`<span class="visually-hidden">${t('rollup.grid.emptyCell')}</span>` : null}
    </td>`;
  }
}

customElements.define('cadre-rollup-grid', CadreRollupGrid);
