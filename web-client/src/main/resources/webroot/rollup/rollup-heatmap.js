// The heat map: the sixteen rows of the continuum down the side (a sticky first column), the teams the viewer may
// open across, grouped under the space one level below (sites of a district, districts of a network). Each cell
// shows the level as a colour and as a word, and links to the evidence behind it. Teams the viewer may not open are
// only counted, under their group or, when the whole group is closed to them, below the table.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatNumber } from '../i18n/i18n.js';
import { ROWS, rowName, levelName, evidencePath } from './rollup-names.js';

export class CadreRollupHeatmap extends CadreElement {
  static properties = {
    rollup: { attribute: false },
  };

  render() {
    const rollup = this.rollup;
    // Groups in the server's order, each with its teams in the server's order (needing support first).
    const named = rollup.groups.filter((group) => group.teams.length)
      .map((group) => ({ ...group, members: rollup.teams.filter((team) => group.teams.includes(team.spaceId)) }));
    const closed = rollup.groups.filter((group) => !group.teams.length && group.hiddenTeams);
    const teams = named.flatMap((group) => group.members);
    const groupKind = named[0]?.kind ?? closed[0]?.kind ?? 'site';
    return html`<section class="panel rollup-heatmap-panel" aria-labelledby="rollup-heatmap-title">
      <h2 id="rollup-heatmap-title" class="panel-title">${t('rollup.heatmap.title')}</h2>
      ${teams.length ? html`<p class="hint">${t('rollup.heatmap.intro')} ${t('rollup.heatmap.scroll')}</p>
      <div class="rollup-scroll" role="region" tabindex="0" aria-labelledby="rollup-heatmap-caption">
        <table class="rollup-heatmap">
          <caption id="rollup-heatmap-caption" class="visually-hidden">
            ${t('rollup.heatmap.caption', { groupKind: t(`rollup.groupKind.${groupKind}`) })}</caption>
          <colgroup><col class="row-column"></colgroup>
          ${named.map((group) => html`<colgroup span=${group.members.length}></colgroup>`)}
          <thead>
            <tr><td class="sticky corner"></td>${named.map((group) => html`<th scope="colgroup" colspan=${group.members.length}
              class="group-head">${group.name}${group.hiddenTeams ? html`<span class="group-hidden">
                ${t('rollup.heatmap.hiddenInGroup', { count: group.hiddenTeams })}</span>` : null}</th>`)}</tr>
            <tr><th scope="col" class="sticky">${t('rollup.heatmap.rowHeader')}</th>${teams.map((team) => html`<th scope="col"
              class="team-head"><a href=${evidencePath(team.spaceId)}>${team.name}</a></th>`)}</tr>
          </thead>
          <tbody>
            <tr class="overall"><th scope="row" class="sticky">${t('rollup.heatmap.overall')}</th>${teams.map((team) => html`<td
              class="level level-${team.level}">${levelName(team.level)}${team.score != null
                ? html` <span class="score">${formatNumber(team.score)}</span>` : null}</td>`)}</tr>
            ${ROWS.map((row) => html`<tr>
              <th scope="row" class="sticky"><span class="row-id">${row}</span> ${rowName(rollup, row)}</th>
              ${teams.map((team) => this.cell(team, row))}
            </tr>`)}
          </tbody>
        </table>
      </div>` : html`<p class="hint">${t('rollup.heatmap.noneVisible')}</p>`}
      ${closed.length ? html`<ul class="closed-groups">${closed.map((group) => html`<li>
        ${t('rollup.heatmap.hiddenGroup', { count: group.hiddenTeams, kind: t(`rollup.groupKind.${group.kind}`) })}</li>`)}</ul>` : null}
    </section>`;
  }

  cell(team, row) {
    const level = team.rows[row] ?? 'insufficient';
    return html`<td class="level level-${level}" data-team=${team.spaceId} data-row=${row}><a href=${evidencePath(team.spaceId, row)}><span class="visually-hidden">${
      t('rollup.heatmap.cellLabel', { team: team.name, row: rowName(this.rollup, row) })} </span>${levelName(level)}</a></td>`;
  }
}

customElements.define('cadre-rollup-heatmap', CadreRollupHeatmap);
