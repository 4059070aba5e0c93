// One continuum in a space: what it is for, each rated subject (its current and target level, the requirements
// met, its history), the provider/receiver gap where the continuum has both, and the form to rate.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import './continuum-scale.js';
import './continuum-history.js';
import './continuum-gap.js';
import './continuum-form.js';

export class CadreContinuumPanel extends CadreElement {
  static properties = {
    definition: { attribute: false },
    ratings: { attribute: false },
    space: { attribute: false },
    bus: { attribute: false },
    writable: { attribute: false },
  };

  subjectName(subject) {
    return this.definition.rows.find((row) => row.id === subject)?.name ?? subject;
  }

  levelName(level) {
    return this.definition.levels[level - 1]?.name ?? String(level);
  }

  /** The requirements met, by their text, from every level of the subject's row. */
  checkedTexts(entry) {
    const row = this.definition.subjects === 'free' ? this.definition.rows[0]
      : this.definition.rows.find((r) => r.id === entry.subject);
    const texts = new Map(row.cells.flatMap((cell) => cell.requirements.map((r) => [r.id, r.text])));
    return entry.latest.checked.map((id) => texts.get(id)).filter(Boolean);
  }

  subject(entry) {
    const d = this.definition;
    const checked = this.checkedTexts(entry);
    const latest = entry.latest;
    const role = d.raterRoles.length > 1 ? html` <span class="role-tag">${t(`continua.raterRole.${entry.raterRole}`)}</span>` : null;
    return html`<li class="continuum-subject">
      <h4 class="continuum-subject-name">${this.subjectName(entry.subject)}${role}</h4>
      <cadre-continuum-scale .levels=${d.levels} .current=${latest.current} .target=${latest.target}></cadre-continuum-scale>
      <p class="hint">${t('continua.ratedBy', { name: latest.ratedByName, date: formatDateTime(latest.ratedAt, this.space.timeZone) })}</p>
      ${latest.note ? html`<p class="continuum-note">“${latest.note}”</p>` : null}
      ${checked.length ? html`<details class="continuum-checked"><summary>${t('continua.met', { count: checked.length })}</summary>
        <ul>${checked.map((text) => html`<li>${text}</li>`)}</ul></details>` : null}
      <cadre-continuum-history .history=${entry.history} .levels=${d.levels} .space=${this.space}
        .title=${this.subjectName(entry.subject)}></cadre-continuum-history>
    </li>`;
  }

  render() {
    const d = this.definition;
    const subjects = this.ratings?.subjects ?? [];
    return html`<section class="panel continuum" aria-labelledby=${`continuum-${d.id}`}>
      <h2 id=${`continuum-${d.id}`} class="panel-title" tabindex="-1">${d.name}</h2>
      <p>${d.purpose}</p>
      <details class="continuum-rubric">
        <summary>${t('continua.rubric')}</summary>
        ${d.rows.map((row) => html`<h3 class="continuum-row-name">${row.name}</h3>
          <ol class="continuum-levels">${row.cells.map((cell) => html`<li>
            <strong>${t('continua.levelName', { number: cell.level, name: this.levelName(cell.level) })}</strong>: ${cell.description}
            ${cell.requirements.length ? html`<ul class="continuum-requirements">${cell.requirements.map((r) => html`<li>${r.text}</li>`)}</ul>` : null}
          </li>`)}</ol>`)}
      </details>
      ${this.ratings?.gaps ? html`<cadre-continuum-gap .gaps=${this.ratings.gaps} .definition=${d}></cadre-continuum-gap>` : null}
      <h3 class="continuum-section-title">${t('continua.ratings')}</h3>
      ${subjects.length ? html`<ul class="continuum-subjects">${subjects.map((entry) => this.subject(entry))}</ul>`
        : html`<p class="state-inline">${t('continua.none')}</p>`}
      ${this.writable ? html`<cadre-continuum-form .definition=${d} .space=${this.space} .bus=${this.bus}
        .subjects=${subjects}></cadre-continuum-form>` : null}
    </section>`;
  }
}

customElements.define('cadre-continuum-panel', CadreContinuumPanel);
