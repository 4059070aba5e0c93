// The printable report (/spaces/{id}/report): the sheet, a Print button and the PDF of the same content. A team's
// report is its own sheet; a site's, district's or network's sums up the teams below it (the answer's kind says
// which). Printing hides everything but the sheet (styles/report.css).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, currentLanguage } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { spacePath } from '../app/routes.js';
import { loading, failed, notFound } from '../ui/states.js';
import './report-sheet.js';
import './space-report-sheet.js';

export class CadreReportPage extends CadreElement {
  static properties = {
    spaceId: { attribute: false },
    report: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    // The report's words come from the server too (strand names): a new language needs a new report.
    this.reload = () => this.load();
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('cadre-language', this.reload);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('cadre-language', this.reload);
  }

  willUpdate(changed) {
    if (changed.has('spaceId')) this.load();
  }

  async load() {
    const id = this.spaceId;
    this.error = null;
    try {
      const report = await get(`/api/spaces/${id}/report?lang=${currentLanguage()}`);
      if (id === this.spaceId) this.report = report;
    } catch (error) {
      if (id === this.spaceId) this.error = error;
    }
  }

  pdf(paper) {
    return `/api/spaces/${this.spaceId}/report.pdf?lang=${currentLanguage()}${paper ? `&paper=${paper}` : ''}`;
  }

  render() {
    // A space the reader cannot see, as everywhere; a report not shared with them (403) says why, with no retry.
    if (this.error?.status === 404) return html`<div class="page report-page">${notFound()}</div>`;
    if (this.error) {
      return html`<div class="page report-page">${failed(this.error, this.error.status === 403 ? null : () => this.load())}</div>`;
    }
    if (!this.report || this.report.spaceId !== this.spaceId) return loading();
    const team = this.report.kind === 'team';
    return html`<div class="page report-page">
      <div class="report-tools">
        ${team ? html`<a href=${spacePath(this.spaceId)}>${t('report.back')}</a>`
          : html`<a href=${spacePath(this.spaceId, 'rollup')}>${t('report.backToSpace', { space: this.report.name })}</a>`}
        <span class="spacer"></span>
        <button type="button" class="button" @click=${() => window.print()}>${t('report.print')}</button>
        <a class="button secondary" href=${this.pdf()} download>${t('report.downloadPdf')}</a>
        <a class="button secondary" href=${this.pdf('a4')} download>${t('report.downloadPdfA4')}</a>
      </div>
      ${team ? html`<cadre-report-sheet .report=${this.report}></cadre-report-sheet>`
        : html`<cadre-space-report-sheet .report=${this.report}></cadre-space-report-sheet>`}
    </div>`;
  }
}

customElements.define('cadre-report-page', CadreReportPage);
