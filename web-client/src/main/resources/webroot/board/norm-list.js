// The team's norms, in order: add, edit, retire, and reorder by dragging or from the keyboard (a focused norm moves
// with Alt+ArrowUp/Down, and the new place is announced). Every change is a norm.* command; its event reorders
// everyone's list. An edit is sent with the text it started from, so the server merges it with others' edits; one
// that cannot be merged shows both texts and lets the user keep either.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { editConflict } from '../ui/edit-conflict.js';
import { run, afterIdFor } from './board-state.js';

export class CadreNormList extends CadreElement {
  static properties = {
    norms: { attribute: false },
    props: { attribute: false },
    editing: { state: true },
    error: { state: true },
    busy: { state: true },
    conflict: { state: true }, // {current, mine}: the stored text and the user's, which could not be merged
  };

  get writable() {
    return ['write', 'manage'].includes(this.props.space.access);
  }

  get active() {
    return this.norms.filter((norm) => !norm.retiredAt);
  }

  async send(body, done) {
    this.busy = true;
    this.error = null;
    try {
      await run(this.props.bus, this.props.state, body);
      if (done) this.announce(done);
      return true;
    } catch (error) {
      if (error?.code === 'edit_conflict') {
        // What is stored now is the text any further edit starts from.
        this.base = error.current ?? '';
        this.conflict = { current: this.base, mine: body.text };
      } else {
        this.error = error;
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  async add(event) {
    event.preventDefault();
    const input = event.target.elements.text;
    const text = input.value.trim();
    if (!text) return;
    if (await this.send({ type: 'norm.create', text }, t('norms.added', { text }))) input.value = '';
  }

  startEditing(norm) {
    // The input keeps what it started with while others' edits arrive; they are merged on save.
    this.started = norm.text;
    this.base = norm.text;
    this.conflict = null;
    this.editing = norm.id;
  }

  stopEditing(norm) {
    this.editing = null;
    this.conflict = null;
    this.focusNorm(norm.id);
  }

  save(event, norm) {
    event.preventDefault();
    const text = event.target.elements.text.value.trim();
    if (text) this.saveText(norm, text);
  }

  async saveText(norm, text) {
    this.conflict = null;
    if (text === this.base || await this.send({ type: 'norm.update', normId: norm.id, text, base: { text: this.base } },
      t('norms.saved'))) {
      this.stopEditing(norm);
    }
  }

  retire(norm) {
    this.send({ type: 'norm.retire', normId: norm.id }, t('norms.retiredOne', { text: norm.text }));
  }

  /** Moves a norm to `index` among the active ones, keeps focus on it and says where it went. */
  async moveTo(norm, index) {
    const active = this.active;
    if (index < 0 || index >= active.length || active[index].id === norm.id) return;
    const afterId = afterIdFor(active, this.norms, norm, index);
    const moved = await this.send({ type: 'norm.move', normId: norm.id, afterId },
      t('norms.moved', { text: norm.text, position: index + 1, count: active.length }));
    if (moved) this.focusNorm(norm.id);
  }

  keydown(event, norm) {
    if (event.target !== event.currentTarget || !event.altKey || this.busy) return;
    const index = this.active.findIndex((n) => n.id === norm.id);
    if (event.key === 'ArrowUp') this.moveTo(norm, index - 1);
    else if (event.key === 'ArrowDown') this.moveTo(norm, index + 1);
    else return;
    event.preventDefault();
  }

  async focusNorm(id) {
    await this.updateComplete;
    this.querySelector(`.norm[data-id="${id}"]`)?.focus();
  }

  dragStart(event, norm) {
    this.dragged = norm;
    event.dataTransfer.effectAllowed = 'move';
    event.dataTransfer.setData('text/plain', norm.text);
  }

  drop(event, target) {
    event.preventDefault();
    const norm = this.dragged;
    this.dragged = null;
    if (!norm || norm.id === target.id) return;
    this.moveTo(norm, this.active.findIndex((n) => n.id === target.id));
  }

  render() {
    const active = this.active;
    const retired = this.norms.filter((norm) => norm.retiredAt);
    return html`<section class="panel" aria-labelledby="norms-heading">
      <h2 id="norms-heading" class="panel-title">${t('norms.title')}</h2>
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${active.length === 0
        ? html`<p class="state-inline">${t(this.writable ? 'norms.empty' : 'norms.emptyReadOnly')}</p>`
        : html`${this.writable ? html`<p id="norms-hint" class="hint">${t('norms.reorderHint')}</p>` : null}
          <ol class="norm-list">${repeat(active, (norm) => norm.id, (norm, i) => this.row(norm, i, active.length))}</ol>`}
      ${this.writable ? html`<form class="inline-form" @submit=${this.add}>
        <label class="field grow">${t('norms.new')}
          <input name="text" type="text" maxlength="2000" required autocomplete="off"></label>
        <button type="submit" class="button" ?disabled=${this.busy}>${t('norms.add')}</button>
      </form>` : null}
      ${retired.length ? html`<details class="retired">
        <summary>${t('norms.retired', { count: retired.length })}</summary>
        <ul class="plain-list">${retired.map((norm) => html`<li>${norm.text}</li>`)}</ul>
      </details>` : null}
    </section>`;
  }

  row(norm, index, count) {
    if (this.editing === norm.id) {
      return html`<li class="norm editing" data-id=${norm.id}>
        <form class="inline-form" @submit=${(e) => this.save(e, norm)}>
          <label class="field grow">${t('norms.editLabel', { position: index + 1 })}
            <input name="text" type="text" maxlength="2000" required .value=${this.started}></label>
          <button type="submit" class="button" ?disabled=${this.busy}>${t('board.save')}</button>
          <button type="button" class="button secondary" @click=${() => this.stopEditing(norm)}>${t('board.cancel')}</button>
        </form>
        ${this.conflict ? editConflict({ id: `conflict-norm-${norm.id}`, field: t('norms.conflictField'), ...this.conflict,
          onMine: () => this.saveText(norm, this.conflict.mine), onTheirs: () => this.stopEditing(norm) }) : null}
      </li>`;
    }
    const label = t('norms.position', { position: index + 1, count, text: norm.text });
    return html`<li class="norm" data-id=${norm.id} tabindex=${this.writable ? '0' : '-1'} aria-label=${label}
      aria-describedby=${this.writable ? 'norms-hint' : ''} draggable=${this.writable ? 'true' : 'false'}
      @keydown=${(e) => this.keydown(e, norm)} @dragstart=${(e) => this.dragStart(e, norm)}
      @dragover=${(e) => e.preventDefault()} @drop=${(e) => this.drop(e, norm)}>
      ${this.writable ? html`<span class="drag-handle" aria-hidden="true">⠿</span>` : null}
      <span class="norm-number" aria-hidden="true">${index + 1}.</span>
      <span class="norm-text">${norm.text}</span>
      ${this.writable ? html`<span class="norm-actions">
        <button type="button" class="button secondary" aria-label=${t('norms.edit', { text: norm.text })}
          @click=${() => this.startEditing(norm)}>${t('board.edit')}</button>
        <button type="button" class="button danger" aria-label=${t('norms.retire', { text: norm.text })} ?disabled=${this.busy}
          @click=${() => this.retire(norm)}>${t('norms.retireShort')}</button>
      </span>` : null}
    </li>`;
  }
}

customElements.define('cadre-norm-list', CadreNormList);
