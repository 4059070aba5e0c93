// One agenda item in the meeting room: its co-edited title and notes, timebox, focus, kind, presenter, data
// artifacts (links) and outcome; moved with buttons (or Alt+Arrow keys), deleted, and the origin of action items.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import './shared-text.js';

export const FOCUSES = ['student-outcomes', 'support', 'business', 'other'];
export const KINDS = ['data-review', 'strategy-share', 'share-successes-challenges', 'peer-review', 'planning', 'business', 'other'];
export const OUTCOMES = ['achieved', 'partial', 'not-achieved'];
const ARTIFACT_TYPES = ['enrollment', 'grades', 'assessment', 'participation', 'attendance', 'student-work', 'survey', 'other'];

export class CadreAgendaItem extends CadreElement {
  static properties = {
    item: { attribute: false },
    position: { attribute: false }, // {index, count}
    phase: { attribute: false }, // {state: 'now'|'done'|'next', minutesLeft, from, to}
    members: { attribute: false },
    viewers: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    meId: { attribute: false },
    timeZone: { attribute: false },
    readOnly: { attribute: false },
    adding: { state: true },
    error: { state: true },
  };

  editorsOf(field) {
    return (this.viewers ?? []).filter((v) => v.userId !== this.meId && v.itemId === this.item.id && v.field === field);
  }

  /** The co-edited fields, so the room can hand them the item's events. */
  receive(event) {
    this.querySelectorAll('cadre-shared-text').forEach((field) => field.receive(event));
  }

  send(changes) {
    this.error = null;
    return this.bus.command({ type: 'agenda.update', spaceId: this.spaceId, itemId: this.item.id, ...changes })
      .catch((error) => { this.error = error; });
  }

  request(type, detail = {}) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, detail: { item: this.item, ...detail } }));
  }

  keydown(event) {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    this.request('cadre-move-item', { by: event.key === 'ArrowUp' ? -1 : 1 });
  }

  addArtifact(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const artifact = { type: form.get('type'), title: String(form.get('title')).trim(), link: String(form.get('link')).trim() || null };
    this.send({ dataArtifacts: [...(this.item.dataArtifacts ?? []), artifact] }).then(() => event.target.reset());
  }

  removeArtifact(index) {
    this.send({ dataArtifacts: this.item.dataArtifacts.filter((_, i) => i !== index) });
  }

  createAction(event) {
    event.preventDefault();
    const title = String(new FormData(event.target).get('title')).trim();
    this.request('cadre-create-action', { title });
    this.adding = false;
  }

  fieldError(name) {
    const field = this.error?.field ?? '';
    return field === name || field.startsWith(`${name}[`)
      ? html`<p class="field-error" id=${`err-${name}-${this.item.id}`}>${this.error.message}</p>` : null;
  }

  render() {
    const item = this.item;
    const id = item.id;
    const { index, count } = this.position;
    const phase = this.phase;
    const ro = this.readOnly;
    const title = item.title || t('room.untitled');
    const select = (name, options, label, value, allowNone) => html`<label class="field compact">
      <span>${label}</span>
      <select ?disabled=${ro} @change=${(e) => this.send({ [name]: e.target.value || null })}>
        ${allowNone ? html`<option value="" ?selected=${!value}>${t('room.none')}</option>` : null}
        ${options.map((o) => html`<option value=${o.value} ?selected=${o.value === value}>${o.label}</option>`)}
      </select>${this.fieldError(name)}</label>`;
    return html`<article class="agenda-item phase-${phase?.state ?? 'next'}" aria-labelledby=${`h-${id}`} @keydown=${(e) => this.keydown(e)}>
      <header class="agenda-item-header">
        <h3 class="agenda-item-title" id=${`h-${id}`}>
          <span class="item-number">${index + 1}.</span> ${title}
        </h3>
        ${phase ? html`<p class="item-phase">
          <span class="tag">${t(`room.phase.${phase.state}`)}</span>
          ${phase.from ? html`<span class="hint">${t('room.slot', { from: phase.from, to: phase.to })}</span>` : null}
        </p>` : null}
      </header>
      <cadre-shared-text .label=${t('room.itemTitle')} .item=${item} .field=${'title'} .bus=${this.bus}
        .spaceId=${this.spaceId} .meId=${this.meId} .editors=${this.editorsOf('title')} .disabled=${ro}></cadre-shared-text>
      <cadre-shared-text .label=${t('room.notes')} .item=${item} .field=${'notes'} .multiline=${true} .bus=${this.bus}
        .spaceId=${this.spaceId} .meId=${this.meId} .editors=${this.editorsOf('notes')} .disabled=${ro}></cadre-shared-text>
      <div class="item-fields">
        <label class="field compact"><span>${t('room.minutes')}</span>
          <input type="number" min="0" max="1440" inputmode="numeric" .value=${item.minutes == null ? '' : String(item.minutes)} ?disabled=${ro}
            @change=${(e) => this.send({ minutes: e.target.value === '' ? null : Number(e.target.value) })}>${this.fieldError('minutes')}</label>
        ${select('focus', FOCUSES.map((v) => ({ value: v, label: t(`room.focus.${v}`) })), t('room.focusLabel'), item.focus)}
        ${select('kind', KINDS.map((v) => ({ value: v, label: t(`room.kind.${v}`) })), t('room.kindLabel'), item.kind)}
        ${select('presenterId', (this.members ?? []).map((m) => ({ value: m.userId, label: m.name })), t('room.presenter'), item.presenterId, true)}
        ${select('outcome', OUTCOMES.map((v) => ({ value: v, label: t(`room.outcome.${v}`) })), t('room.outcomeLabel'), item.outcome, true)}
      </div>
      <div class="artifacts">
        <h4 class="subheading">${t('room.artifacts')}</h4>
        ${(item.dataArtifacts ?? []).length ? html`<ul class="artifact-list">${item.dataArtifacts.map((a, i) => html`<li>
          ${a.link ? html`<a href=${a.link} target="_blank" rel="noopener noreferrer">${a.title}</a>` : html`<span>${a.title}</span>`}
          <span class="tag">${t(`room.artifactType.${a.type}`)}</span>
          ${ro ? null : html`<button type="button" class="button small secondary" aria-label=${t('room.removeArtifact', { title: a.title })}
            @click=${() => this.removeArtifact(i)}>${t('room.remove')}</button>`}</li>`)}</ul>`
          : html`<p class="hint">${t('room.noArtifacts')}</p>`}
        ${ro ? null : html`<form class="inline-form" @submit=${(e) => this.addArtifact(e)}>
          <label class="field compact"><span>${t('room.artifactTitle')}</span><input name="title" required maxlength="200"></label>
          <label class="field compact"><span>${t('room.artifactLink')}</span><input name="link" type="url" maxlength="2000"></label>
          <label class="field compact"><span>${t('room.artifactTypeLabel')}</span><select name="type">
            ${ARTIFACT_TYPES.map((v) => html`<option value=${v}>${t(`room.artifactType.${v}`)}</option>`)}</select></label>
          <button class="button secondary">${t('room.addArtifact')}</button>
        </form>`}
        ${this.fieldError('dataArtifacts')}
      </div>
      ${ro ? null : html`<div class="item-actions actions">
        <button type="button" class="button small secondary" ?disabled=${index === 0} aria-label=${t('room.moveUp', { title })}
          @click=${() => this.request('cadre-move-item', { by: -1 })}>${t('room.up')}</button>
        <button type="button" class="button small secondary" ?disabled=${index === count - 1} aria-label=${t('room.moveDown', { title })}
          @click=${() => this.request('cadre-move-item', { by: 1 })}>${t('room.down')}</button>
        <button type="button" class="button small secondary" aria-expanded=${this.adding ? 'true' : 'false'}
          @click=${() => { this.adding = !this.adding; }}>${t('room.addAction')}</button>
        <button type="button" class="button small danger" aria-label=${t('room.deleteItem', { title })}
          @click=${() => this.request('cadre-delete-item')}>${t('room.delete')}</button>
      </div>`}
      ${this.adding ? html`<form class="inline-form" @submit=${(e) => this.createAction(e)}>
        <label class="field compact"><span>${t('room.actionTitle')}</span><input name="title" required maxlength="200"></label>
        <button class="button">${t('room.createAction')}</button>
      </form>` : null}
      ${this.error && !this.error.field ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
    </article>`;
  }
}

customElements.define('cadre-agenda-item', CadreAgendaItem);
