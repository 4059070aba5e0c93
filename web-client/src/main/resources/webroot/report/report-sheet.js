// The team report itself, as the server assembled it (GET /api/spaces/{id}/report): the same content as the PDF.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate, formatNumber, currentLanguage } from '../i18n/i18n.js';
import { levelWithScore } from './report-words.js';
import './report-continua.js';

export class CadreReportSheet extends CadreElement {
  static properties = {
    report: { attribute: false },
  };

  render() {
    const r = this.report;
    const zone = r.timeZone ?? undefined;
    const more = r.openActionCount - r.openActions.length;
    return html`<article class="report-sheet" aria-labelledby="report-team">
      <header class="report-head">
        <p class="report-kicker">${t('report.heading')}</p>
        <h1 id="report-team" class="report-team">${r.team}</h1>
        ${r.parents.length ? html`<p class="report-parents">${r.parents.join(' · ')}</p>` : null}
        <p class="report-window">${t('report.window', {
          from: formatDate(r.window.from, zone), to: formatDate(r.window.to, zone), days: r.window.days })}</p>
      </header>
      <dl class="report-facts">
        <div><dt>${t('report.level')}</dt><dd>${levelWithScore(r.level, r.score)}</dd></div>
        <div><dt>${t('report.attendance')}</dt><dd>${r.attendanceRate == null ? t('report.none')
          : new Intl.NumberFormat(currentLanguage(), { style: 'percent' }).format(r.attendanceRate)}</dd></div>
        <div><dt>${t('report.meetingsHeld')}</dt><dd>${formatNumber(r.meetingsHeld)}</dd></div>
        ${r.strands.map((s) => html`<div><dt>${s.name}</dt><dd>${levelWithScore(s.level, s.score)}</dd></div>`)}
      </dl>
      <section aria-labelledby="report-rows-title">
        <h2 id="report-rows-title" class="report-section">${t('report.rows')}</h2>
        <table class="report-table report-rows">
          <thead><tr><th scope="col">${t('report.row')}</th><th scope="col">${t('report.level')}</th>
            <th scope="col">${t('report.nextStep')}</th></tr></thead>
          <tbody>${r.rows.map((row) => html`<tr>
            <th scope="row">${row.id}${row.name ? html` <span class="report-row-name">${row.name}</span>` : null}</th>
            <td>${t(`report.levels.${row.level}`)}</td><td>${row.nextStep ?? ''}</td></tr>`)}</tbody>
        </table>
      </section>
      <section aria-labelledby="report-actions-title">
        <h2 id="report-actions-title" class="report-section">${t('report.actions')}</h2>
        ${r.openActions.length === 0 ? html`<p>${t('report.noActions')}</p>` : html`
          <table class="report-table report-actions">
            <thead><tr><th scope="col">${t('report.action')}</th><th scope="col">${t('report.owner')}</th>
              <th scope="col">${t('report.due')}</th><th scope="col">${t('report.status')}</th></tr></thead>
            <tbody>${r.openActions.map((a) => html`<tr>
              <td>${a.title}</td><td>${a.owner ?? t('report.unowned')}</td>
              <td>${a.dueDate ? html`<time datetime=${a.dueDate}>${formatDate(a.dueDate, 'UTC')}</time>` : ''}</td>
              <td>${t(`report.statuses.${a.status}`)}</td></tr>`)}</tbody>
          </table>
          ${more > 0 ? html`<p class="report-more">${t('report.moreActions', { count: more })}</p>` : null}`}
      </section>
      <cadre-report-continua .continua=${r.continua} .timeZone=${r.timeZone}></cadre-report-continua>
    </article>`;
  }
}

customElements.define('cadre-report-sheet', CadreReportSheet);
