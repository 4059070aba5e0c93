// The team report itself, as the server assembled it (GET /api/spaces/{id}/report): the same content as the PDF.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate, formatNumber, currentLanguage } from '../i18n/i18n.js';

export class CadreReportSheet extends CadreElement {
  static properties = {
    report: { attribute: false },
  };

  level(level, score) {
    const name = t(`report.levels.${level}`);
    // A score on the 1-3 scale reads best with one decimal at least ("3.0", "2.33"), as in the PDF.
    const number = new Intl.NumberFormat(currentLanguage(), { minimumFractionDigits: 1, maximumFractionDigits: 2 });
    return score == null ? name : t('report.levelScore', { level: name, score: number.format(score) });
  }

  gap(value) {
    if (value === 0) return t('continua.gapNone');
    return value > 0 ? t('continua.gapProviderHigher', { count: value }) : t('continua.gapReceiverHigher', { count: -value });
  }

  continua(continua, zone) {
    if (!continua.length) return null;
    return html`<section aria-labelledby="report-continua-title">
      <h2 id="report-continua-title" class="report-section">${t('report.continua')}</h2>
      ${continua.map((c) => html`<h3 class="report-continuum">${c.name}</h3>
        <table class="report-table report-continua">
          <thead><tr><th scope="col">${t('report.subject')}</th><th scope="col">${t('report.raterRole')}</th>
            <th scope="col">${t('report.current')}</th><th scope="col">${t('report.target')}</th>
            <th scope="col">${t('report.rated')}</th></tr></thead>
          <tbody>${c.ratings.map((r) => html`<tr>
            <th scope="row">${r.subject}</th>
            <td data-label=${t('report.raterRole')}>${t(`continua.raterRole.${r.raterRole}`)}</td>
            <td data-label=${t('report.current')}>${r.current}</td><td data-label=${t('report.target')}>${r.target ?? ''}</td>
            <td data-label=${t('report.rated')}><time datetime=${r.ratedAt}>${formatDate(r.ratedAt, zone)}</time>, ${r.ratedBy}</td>
          </tr>`)}</tbody>
        </table>
        ${(c.gaps ?? []).some((g) => g.gap != null) ? html`<ul class="report-gaps">
          ${c.gaps.filter((g) => g.gap != null).map((g) => html`<li>${g.subject}: ${this.gap(g.gap)}</li>`)}
        </ul>` : null}`)}
    </section>`;
  }

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
        <div><dt>${t('report.level')}</dt><dd>${this.level(r.level, r.score)}</dd></div>
        <div><dt>${t('report.attendance')}</dt><dd>${r.attendanceRate == null ? t('report.none')
          : new Intl.NumberFormat(currentLanguage(), { style: 'percent' }).format(r.attendanceRate)}</dd></div>
        <div><dt>${t('report.meetingsHeld')}</dt><dd>${formatNumber(r.meetingsHeld)}</dd></div>
        ${r.strands.map((s) => html`<div><dt>${s.name}</dt><dd>${this.level(s.level, s.score)}</dd></div>`)}
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
      ${this.continua(r.continua, zone)}
    </article>`;
  }
}

customElements.define('cadre-report-sheet', CadreReportSheet);
