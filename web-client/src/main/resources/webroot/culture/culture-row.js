// One continuum row: its name and description, the measured level (as a word and a colour), the team's rating
// beside it, each measured value against its thresholds, the records behind it as links, and the next step.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';
import { spacePath } from '../app/routes.js';
import { measuresOf } from './measures.js';
import './culture-measure.js';
import './culture-rating.js';

const LEVEL_NAMES = ['emerging', 'developing', 'transforming'];

export class CadreCultureRow extends CadreElement {
  static properties = { row: { attribute: false }, context: { attribute: false } };

  /** A record behind the row, as a link to where it lives: the meeting room, the board or the actions tab. */
  evidence(id) {
    const { space, records } = this.context;
    const meeting = records.meetings.get(id);
    if (meeting) {
      return html`<a href=${`/spaces/${space.id}/meetings/${id}`}>${t('culture.evidenceMeeting',
        { title: meeting.title, date: formatDate(meeting.startsAt, space.timeZone) })}</a>`;
    }
    const agreement = records.agreements.get(id);
    if (agreement) return html`<a href=${spacePath(space.id, 'board')}>${t('culture.evidenceAgreement', { title: agreement.title })}</a>`;
    const item = records.actionItems.get(id);
    if (item) return html`<a href=${spacePath(space.id, 'actions')}>${t('culture.evidenceAction', { title: item.title })}</a>`;
    return html`<span>${t('culture.evidenceUnknown')}</span>`;
  }

  teamRating() {
    const { rating, level } = this.row;
    if (level === 'not-rated') return html`<p class="row-rating">${t('culture.ratedOnly')}</p>`;
    if (!rating) return html`<p class="row-rating">${t('culture.teamRating')}: ${t('culture.notRatedYet')}</p>`;
    return html`<p class="row-rating">${t('culture.teamRating')}:
      <span class="level-word level-${LEVEL_NAMES[rating.level - 1]}">${t('culture.ratingValue',
        { level: t(`culture.level.${LEVEL_NAMES[rating.level - 1]}`), number: rating.level })}</span>
      <span class="raters">${t('culture.raters', { count: rating.raters })}</span></p>`;
  }

  render() {
    const row = this.row;
    const measures = measuresOf(row);
    const headingId = `row-${row.id}`;
    return html`<article class="culture-row level-edge-${row.level}" aria-labelledby=${headingId} data-row=${row.id}>
      <header class="culture-row-header">
        <h4 id=${headingId} class="culture-row-name"><span class="row-id">${row.id}</span> ${row.name}</h4>
        <p class="culture-row-level">
          <span class="visually-hidden">${t('culture.measuredLevel')}: </span>
          <span class="level-badge level-${row.level}">${t(`culture.level.${row.level}`)}</span>
        </p>
      </header>
      <p class="culture-row-description">${row.description}</p>
      ${row.level === 'insufficient' ? html`<p class="insufficient-note">${t('culture.insufficientRow')}</p>` : null}
      ${this.teamRating()}
      ${measures.length ? html`<ul class="measures" aria-label=${t('culture.measures', { row: row.name })}>
        ${measures.map((measure) => html`<li><cadre-culture-measure class="measure" .measure=${measure}></cadre-culture-measure></li>`)}
      </ul>` : null}
      <p class="next-step"><strong>${t('culture.nextStep')}:</strong> ${row.nextStep}</p>
      ${row.evidence.length ? html`<details class="evidence">
        <summary>${t('culture.evidence', { count: row.evidence.length })}<span class="visually-hidden">: ${row.name}</span></summary>
        <ul class="evidence-list">${row.evidence.map((id) => html`<li>${this.evidence(id)}</li>`)}</ul>
      </details>` : html`<p class="hint">${t('culture.noEvidence')}</p>`}
      ${this.context.writable ? html`<cadre-culture-rating .row=${row} .context=${this.context}></cadre-culture-rating>` : null}
    </article>`;
  }
}

customElements.define('cadre-culture-row', CadreCultureRow);
