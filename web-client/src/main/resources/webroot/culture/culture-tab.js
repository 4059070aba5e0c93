// /spaces/{id}/culture: the team on the Collaborative Culture continuum. The overall level and score, the three
// strands, the sixteen rows grouped by strand, and the weekly trend, in the user's language. Kept live: a rating
// (rating.recorded) or a rescoring (culture.scored) reads the score again, so a second person sees a new median
// without reloading.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, currentLanguage, formatNumber, formatDateTime } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import './culture-row.js';
import './culture-trend.js';
import { FeedFollower } from '../ui/feed-follower.js';

/** Reading again waits this long after a live change, so a burst of them costs one read. */
const SETTLE_MS = 150;

export class CadreCultureTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    feed: { attribute: false },
    members: { attribute: false },
    culture: { state: true },
    weeks: { state: true },
    records: { state: true },
    mine: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    new FeedFollower(this, {
      onEvent: (e) => { if (e.detail.type === 'rating.recorded') this.refreshSoon(); },
      onSignal: (e) => { if (e.detail.type === 'culture.scored') this.refreshSoon(); },
    });
    this.onLanguage = () => this.refresh();
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('cadre-language', this.onLanguage);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('cadre-language', this.onLanguage);
    clearTimeout(this.timer);
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) this.load();
  }

  async load() {
    this.culture = null;
    this.error = null;
    await this.refresh();
    await this.updateComplete;
    const wanted = new URLSearchParams(location.search).get('row');
    if (wanted) requestAnimationFrame(() => this.showRow(wanted));
  }

  /** Opens the evidence of the row a link asked for (?row=A1, from the roll-up's heat map) and moves focus to it. */
  showRow(id) {
    const article = this.querySelector(`article[data-row="${CSS.escape(id)}"]`);
    if (!article) return;
    const details = article.querySelector('details.evidence');
    if (details) details.open = true;
    const heading = article.querySelector('h4');
    heading.tabIndex = -1;
    heading.focus();
    article.scrollIntoView({ block: 'start' });
  }

  refreshSoon() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.refresh(), SETTLE_MS);
  }

  /**
   * Reads the score and the trend in the user's language, the user's own ratings, and the board once for the names
   * of the evidence.
   */
  async refresh() {
    const id = this.space.id;
    const lang = encodeURIComponent(currentLanguage());
    try {
      const [culture, trend, mine] = await Promise.all([
        get(`/api/spaces/${id}/culture?lang=${lang}`),
        get(`/api/spaces/${id}/culture/trend?lang=${lang}`),
        get(`/api/spaces/${id}/culture/ratings/mine`),
      ]);
      const records = !this.records || this.unknownEvidence(culture) ? await this.readRecords(id) : this.records;
      if (id !== this.space.id) return;
      this.records = records;
      this.culture = culture;
      this.weeks = trend.weeks;
      this.mine = new Map(mine.ratings.map((rating) => [rating.row, rating]));
    } catch (error) {
      if (id === this.space.id) this.error = error;
    }
  }

  async readRecords(id) {
    const board = await get(`/api/spaces/${id}/board`);
    const byId = (list) => new Map((list ?? []).map((record) => [record.id, record]));
    return { meetings: byId(board.meetings), agreements: byId(board.agreements), actionItems: byId(board.actionItems) };
  }

  unknownEvidence(culture) {
    const known = (id) => this.records.meetings.has(id) || this.records.agreements.has(id) || this.records.actionItems.has(id);
    return culture.rows.some((row) => row.evidence.some((id) => !known(id)));
  }

  summary() {
    const c = this.culture;
    return html`<section class="panel culture-summary" aria-labelledby="culture-overall">
      <h2 id="culture-overall" class="panel-title">${t('culture.overall')}</h2>
      <p class="culture-overall">
        <span class="level-badge large level-${c.level}">${t(`culture.level.${c.level}`)}</span>
        <span class="culture-score">${c.score == null ? t('culture.noScore') : t('culture.score', { score: formatNumber(c.score) })}</span>
      </p>
      ${c.level === 'insufficient' ? html`<p class="insufficient-note">${t('culture.insufficientOverall')}</p>` : null}
      ${c.status ? html`<p>${t('culture.statusLine', { status: t(`culture.status.${c.status}`), change: t(`culture.change.${c.change}`) })}</p>` : null}
      <p class="hint">${t('culture.window', { count: c.meetingsHeld, days: c.windowDays, date: formatDateTime(c.asOf, this.space.timeZone) })}</p>
      <ul class="strand-list" aria-label=${t('culture.strands')}>
        ${c.strands.map((strand) => html`<li class="strand-card">
          <a class="strand-name" href=${`#strand-${strand.id}`}>${t('culture.strandTitle', { id: strand.id, name: strand.name })}</a>
          <span class="level-badge level-${strand.level}">${t(`culture.level.${strand.level}`)}</span>
          <span class="culture-score">${strand.score == null ? t('culture.noScore') : t('culture.score', { score: formatNumber(strand.score) })}</span>
        </li>`)}
      </ul>
    </section>`;
  }

  render() {
    if (this.error) return failed(this.error, () => this.load());
    if (!this.culture) return loading();
    const context = {
      space: this.space, bus: this.bus, records: this.records, mine: this.mine,
      writable: ['write', 'manage'].includes(this.space.access),
    };
    return html`<div class="culture">
      <p class="lead-text">${t('culture.intro')}</p>
      ${this.summary()}
      ${context.writable ? null : html`<p class="hint">${t('culture.readOnly')}</p>`}
      ${this.culture.strands.map((strand) => html`<section class="culture-strand" aria-labelledby=${`strand-${strand.id}`}>
        <h3 id=${`strand-${strand.id}`} class="strand-heading" tabindex="-1">${t('culture.strandTitle', { id: strand.id, name: strand.name })}</h3>
        <div class="culture-rows">
          ${this.culture.rows.filter((row) => row.id.startsWith(strand.id)).map((row) => html`<cadre-culture-row
            .row=${row} .context=${context} @rating-saved=${() => this.refreshSoon()}></cadre-culture-row>`)}
        </div>
      </section>`)}
      <section class="panel culture-trend" aria-labelledby="culture-trend-title">
        <h2 id="culture-trend-title" class="panel-title">${t('culture.trend')}</h2>
        <p class="hint">${t('culture.trendIntro')}</p>
        <cadre-culture-trend .weeks=${this.weeks} .strands=${this.culture.strands}></cadre-culture-trend>
      </section>
    </div>`;
  }
}

customElements.define('cadre-culture-tab', CadreCultureTab);
