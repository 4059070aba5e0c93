// The continua rated on a report's space, as the server put them in words: one table per continuum with the latest
// rating per subject and rater role, and the provider/receiver gaps. The team sheet and the space sheet both show it.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';

export class CadreReportContinua extends CadreElement {
  static properties = {
    continua: { attribute: false },
    timeZone: { attribute: false },
  };

  gap(value) {
    if (value === 0) return t('continua.gapNone');
    return value > 0 ? t('continua.gapProviderHigher', { count: value }) : t('continua.gapReceiverHigher', { count: -value });
  }

  render() {
    const continua = this.continua;
    if (!continua?.length) return null;
    const zone = this.timeZone ?? undefined;
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
}

customElements.define('cadre-report-continua', CadreReportContinua);
