// The report of a site, district or network, as the server assembled it (GET /api/spaces/{id}/report, kind
// "space"): the culture roll-up of the teams below, summed up, and the continua rated on the space itself. The same
// content as its PDF. Teams the reader may not open are only in the counts, as on the roll-up.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate, formatNumber } from '../i18n/i18n.js';
import { reportPath } from '../app/routes.js';
import { LEVELS } from '../rollup/rollup-names.js';
import { levelWithScore } from './report-words.js';
import './report-continua.js';

export class CadreSpaceReportSheet extends CadreElement {
  static properties = {
    report: { attribute: false },
  };

  /** The groups say more than the teams only when they are spaces below this one (not for a site). */
  get grouped() {
    return this.report.rollup.groups.some((g) => g.spaceId !== this.report.spaceId);
  }

  /** Sites group a district's teams, districts a network's. */
  get groupKind() {
    return this.report.spaceKind === 'network' ? 'district' : 'site';
  }

  render() {
    const r = this.report;
    const rollup = r.rollup;
    return html`<article class="report-sheet" aria-labelledby="report-space">
      <header class="report-head">
        <p class="report-kicker">${t(`report.spaceHeading.${r.spaceKind}`)}</p>
        <h1 id="report-space" class="report-team">${r.name}</h1>
        ${r.parents.length ? html`<p class="report-parents">${r.parents.join(' · ')}</p>` : null}
        <p class="report-window">${t('report.scoredOn', { date: formatDate(r.asOf, r.timeZone ?? undefined) })}</p>
      </header>
      <dl class="report-facts report-facts-wide">
        <div><dt>${t('report.teams')}</dt><dd>${formatNumber(rollup.teamCount)}</dd></div>
        <div><dt>${t('report.needsSupport')}</dt><dd>${formatNumber(rollup.needsSupportCount)}</dd></div>
        ${LEVELS.map((level) => html`<div><dt>${t(`report.levels.${level}`)}</dt>
          <dd>${formatNumber(rollup.levels[level] ?? 0)}</dd></div>`)}
      </dl>
      ${rollup.hiddenTeams ? html`<p class="report-more">${t('report.hiddenTeams', { count: rollup.hiddenTeams })}</p>` : null}
      ${this.teams()}
      ${this.grouped ? this.counts('groups', t(`report.byGroup.${this.groupKind}`), t(`report.group.${this.groupKind}`),
        rollup.groups.map((g) => ({ name: g.name ?? t(`report.hiddenGroup.${g.kind}`), teams: g.teamCount, levels: g.levels })))
        : null}
      ${rollup.teamCount ? this.counts('rows', t('report.rowLevels'), t('report.row'),
        rollup.rows.map((row) => ({ id: row.id, name: row.name, levels: row.levels }))) : null}
      ${this.continua()}
    </article>`;
  }

  teams() {
    const { rollup } = this.report;
    const grouped = this.grouped;
    return html`<section aria-labelledby="report-teams-title">
      <h2 id="report-teams-title" class="report-section">${t('report.teams')}</h2>
      ${rollup.teamCount === 0 ? html`<p>${t('report.noTeams')}</p>`
        : rollup.teams.length === 0 ? html`<p>${t('report.noTeamsShared')}</p>` : html`
        <table class="report-table report-teams report-cards">
          <thead><tr><th scope="col">${t('report.team')}</th>
            ${grouped ? html`<th scope="col">${t(`report.group.${this.groupKind}`)}</th>` : null}
            <th scope="col">${t('report.level')}</th><th scope="col">${t('report.cultureStatus')}</th>
            <th scope="col">${t('report.cultureChange')}</th><th scope="col">${t('report.needsSupport')}</th></tr></thead>
          <tbody>${rollup.teams.map((team) => html`<tr>
            <th scope="row"><a href=${reportPath(team.spaceId)}>${team.name}</a></th>
            ${grouped ? html`<td data-label=${t(`report.group.${this.groupKind}`)}>${team.group ?? ''}</td>` : null}
            <td data-label=${t('report.level')}>${levelWithScore(team.level, team.score)}</td>
            <td data-label=${t('report.cultureStatus')}>${team.status ? t(`rollup.status.${team.status}`) : ''}</td>
            <td data-label=${t('report.cultureChange')}>${team.change ? t(`rollup.change.${team.change}`) : ''}</td>
            <td data-label=${t('report.needsSupport')}>${team.needsSupport ? t('report.yes') : ''}</td>
          </tr>`)}</tbody>
        </table>`}
    </section>`;
  }

  /**
   * A table of how many teams sit at each level, per group or per row; it scrolls sideways on a narrow screen, in a
   * region named by the heading (the section is not a landmark too, so the page's landmarks keep unique names).
   */
  counts(key, title, first, lines) {
    const withTeams = key === 'groups';
    return html`<section class="report-counts-section" data-counts=${key}>
      <h2 id="report-${key}-title" class="report-section">${title}</h2>
      <div class="report-scroll" role="region" tabindex="0" aria-labelledby="report-${key}-title">
        <table class="report-table report-counts">
          <thead><tr><th scope="col">${first}</th>
            ${withTeams ? html`<th scope="col" class="count">${t('report.teams')}</th>` : null}
            ${LEVELS.map((level) => html`<th scope="col" class="count">${t(`report.levels.${level}`)}</th>`)}</tr></thead>
          <tbody>${lines.map((line) => html`<tr>
            <th scope="row">${line.id ? html`${line.id} <span class="report-row-name">${line.name}</span>` : line.name}</th>
            ${withTeams ? html`<td class="count">${formatNumber(line.teams)}</td>` : null}
            ${LEVELS.map((level) => html`<td class="count">${formatNumber(line.levels[level] ?? 0)}</td>`)}
          </tr>`)}</tbody>
        </table>
      </div>
    </section>`;
  }

  continua() {
    const r = this.report;
    if (r.continua?.length) return html`<cadre-report-continua .continua=${r.continua} .timeZone=${r.timeZone}></cadre-report-continua>`;
    return html`<section aria-labelledby="report-continua-title">
      <h2 id="report-continua-title" class="report-section">${t('report.continua')}</h2>
      <p>${r.continua ? t(`report.noContinua.${r.spaceKind}`) : t(`report.continuaNotShared.${r.spaceKind}`)}</p>
    </section>`;
  }
}

customElements.define('cadre-space-report-sheet', CadreSpaceReportSheet);
