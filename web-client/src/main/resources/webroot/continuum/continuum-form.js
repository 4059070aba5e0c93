// Rating a subject on a continuum: the subject (a partner's name, or one of the continuum's areas or steps), who is
// rating where the continuum asks (support provider or receiver), the current and the target level as radio
// buttons (arrow keys move between them), the requirements already met as a checklist, and a note. Sent as
// continuum.rate; the new rating comes back to everyone through continuum.rated. A subject already rated in the
// same role starts from its latest rating, so rating again is editing where it stood.
import { html, nothing } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { levelChoice } from '../ui/level-choice.js';

export class CadreContinuumForm extends CadreElement {
  static properties = {
    definition: { attribute: false },
    space: { attribute: false },
    bus: { attribute: false },
    subjects: { attribute: false },
    row: { state: true },
    busy: { state: true },
    error: { state: true },
  };

  get free() {
    return this.definition.subjects === 'free';
  }

  currentRow() {
    return this.free ? this.definition.rows[0] : this.definition.rows.find((r) => r.id === this.row) ?? this.definition.rows[0];
  }

  /** Fills the levels, checklist and note from the latest rating of the chosen subject in the chosen role. */
  async prefill() {
    await this.updateComplete;
    const form = this.querySelector('form');
    const subject = String(form.elements.subject.value ?? '').trim();
    const role = form.elements.raterRole?.value ?? this.definition.raterRoles[0];
    const latest = (this.subjects ?? []).find((s) => s.subject === subject && s.raterRole === role)?.latest;
    // A subject never rated keeps what the person chose, unless that came from another subject's rating.
    if (!latest && !this.prefilled) return;
    this.prefilled = Boolean(latest);
    for (const name of ['current', 'target']) {
      form.querySelectorAll(`input[name=${name}]`).forEach((input) => { input.checked = Number(input.value) === latest?.[name]; });
    }
    form.querySelectorAll('input[name=checked]').forEach((input) => { input.checked = latest?.checked.includes(input.value) ?? false; });
    form.elements.note.value = latest?.note ?? '';
  }

  async save(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const subject = String(data.get('subject') ?? '').trim();
    const current = Number(data.get('current'));
    const target = Number(data.get('target'));
    const fail = (message, selector) => {
      this.error = message;
      form.querySelector(selector)?.focus();
    };
    if (!subject) return fail(t('continua.chooseSubject'), '[name=subject]');
    if (!current) return fail(t('continua.chooseCurrent'), 'input[name=current]');
    if (!target) return fail(t('continua.chooseTarget'), 'input[name=target]');
    const note = String(data.get('note') ?? '').trim();
    this.busy = true;
    this.error = null;
    try {
      await this.bus.command({
        type: 'continuum.rate', spaceId: this.space.id, continuum: this.definition.id, subject, current, target,
        checked: data.getAll('checked').map(String),
        ...(data.get('raterRole') ? { raterRole: String(data.get('raterRole')) } : {}),
        ...(note ? { note } : {}),
      });
      this.announce(t('continua.saved', { subject: this.free ? subject : this.currentRow().name }));
      form.reset();
      this.prefilled = false;
      this.querySelector('details').open = false;
      this.dispatchEvent(new CustomEvent('rating-saved', { bubbles: true }));
    } catch (error) {
      this.error = error.message ?? t('errors.unknown');
    } finally {
      this.busy = false;
    }
  }

  levels(name, legend) {
    return levelChoice({ name, legend, levels: this.definition.levels.map((level) => ({ value: level.level,
      label: t('continua.levelName', { number: level.level, name: level.name }) })) });
  }

  subjectField(id) {
    if (this.free) {
      const known = [...new Set((this.subjects ?? []).map((s) => s.subject))];
      return html`<label class="field">${this.definition.subjectLabel ?? t('continua.subject')}
        <input name="subject" maxlength="200" required autocomplete="off" list=${`${id}-known`} @change=${this.prefill}>
        <datalist id=${`${id}-known`}>${known.map((name) => html`<option value=${name}></option>`)}</datalist>
      </label>`;
    }
    return html`<label class="field">${t('continua.area')}
      <select name="subject" @change=${(e) => { this.row = e.target.value; this.prefill(); }}>
        ${this.definition.rows.map((row) => html`<option value=${row.id} ?selected=${row.id === this.currentRow().id}>${row.name}</option>`)}
      </select>
    </label>`;
  }

  render() {
    const d = this.definition;
    const id = `rate-${d.id}`;
    const row = this.currentRow();
    return html`<details class="rate continuum-rate" @toggle=${(e) => { if (e.target.open) this.prefill(); }}>
      <summary>${t('continua.rate')}<span class="visually-hidden">: ${d.name}</span></summary>
      <form class="rate-form" @submit=${this.save} aria-describedby=${this.error ? `${id}-error` : nothing}>
        ${this.subjectField(id)}
        ${d.raterRoles.length > 1 ? html`<label class="field">${t('continua.raterRoleLabel')}
          <select name="raterRole" @change=${this.prefill}>${d.raterRoles.map((role) => html`<option value=${role}>${t(`continua.raterRole.${role}`)}</option>`)}</select>
        </label>` : null}
        ${this.levels('current', t('continua.currentLegend'))}
        ${this.levels('target', t('continua.targetLegend'))}
        <fieldset class="continuum-checklist">
          <legend>${t('continua.checklist')}</legend>
          ${row.cells.map((cell) => html`<p class="continuum-checklist-level">${t('continua.levelName', { number: cell.level, name: d.levels[cell.level - 1].name })}</p>
            ${cell.requirements.map((r) => html`<label class="check">
              <input type="checkbox" name="checked" value=${r.id}> ${r.text}
            </label>`)}`)}
        </fieldset>
        <label class="field">${t('continua.note')}
          <textarea name="note" maxlength="2000" rows="2"></textarea>
        </label>
        ${this.error ? html`<p id="${id}-error" class="field-error" role="alert">${this.error}</p>` : null}
        <div class="actions">
          <button type="submit" class="button" ?disabled=${this.busy}>${t('continua.save')}</button>
        </div>
      </form>
    </details>`;
  }
}

customElements.define('cadre-continuum-form', CadreContinuumForm);
