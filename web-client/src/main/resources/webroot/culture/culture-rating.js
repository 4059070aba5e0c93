// A member's rating of one row: 1 to 3 as radio buttons (arrow keys move between them) and an optional note, sent as
// rating.record. The team's median comes back through the culture score, for everyone at once.
import { html, nothing } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { levelChoice } from '../ui/level-choice.js';

const LEVELS = [[1, 'emerging'], [2, 'developing'], [3, 'transforming']];

export class CadreCultureRating extends CadreElement {
  static properties = {
    row: { attribute: false },
    context: { attribute: false },
    busy: { state: true },
    error: { state: true },
  };

  async save(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const level = Number(data.get('level'));
    if (!level) {
      this.error = t('culture.chooseLevel');
      form.querySelector('input[name=level]').focus();
      return;
    }
    const note = String(data.get('note') ?? '').trim();
    this.busy = true;
    this.error = null;
    try {
      await this.context.bus.command({ type: 'rating.record', spaceId: this.context.space.id, row: this.row.id, level,
        ...(note ? { note } : {}) });
      this.announce(t('culture.saved', { row: this.row.name }));
      form.reset();
      this.querySelector('details').open = false;
      this.dispatchEvent(new CustomEvent('rating-saved', { bubbles: true }));
    } catch (error) {
      this.error = error.message ?? t('errors.unknown');
    } finally {
      this.busy = false;
    }
  }

  render() {
    const id = `rate-${this.row.id}`;
    const mine = this.context.mine?.get(this.row.id);
    return html`${mine ? html`<p class="my-rating">${t('culture.myRating', {
      level: t(`culture.level.${LEVELS[mine.level - 1][1]}`), number: mine.level })}${mine.note ? html`: “${mine.note}”` : null}</p>` : null}
    <details class="rate">
      <summary>${t(mine ? 'culture.rateAgain' : 'culture.rate')}<span class="visually-hidden">: ${this.row.name}</span></summary>
      <form class="rate-form" @submit=${this.save} aria-describedby=${this.error ? `${id}-error` : nothing}>
        ${levelChoice({ name: 'level', legend: t('culture.rateLegend', { row: this.row.name }), checked: mine?.level,
          levels: LEVELS.map(([number, level]) => ({ value: number,
            label: t('culture.rateOption', { number, level: t(`culture.level.${level}`) }) })) })}
        <label class="field">${t('culture.note')}
          <textarea name="note" maxlength="2000" rows="2" aria-describedby="${id}-hint" .defaultValue=${mine?.note ?? ''}></textarea>
        </label>
        <p id="${id}-hint" class="hint">${t('culture.noteHint')}</p>
        ${this.error ? html`<p id="${id}-error" class="field-error" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="submit" class="button" ?disabled=${this.busy}>${t('culture.save')}</button>
        </div>
      </form>
    </details>`;
  }
}

customElements.define('cadre-culture-rating', CadreCultureRating);
