// One co-edited text field: an agenda item's title or notes, or the notes of a protocol run's step (`target` names
// the command and the ids it carries). Each edit is sent with the text it started
// from (`base`), so the server merges it with others' edits; others' edits are merged into what the user is typing
// (merge.js) without moving the caret out of their word. Edits go a short, bounded time after typing pauses.
//
// The field keeps `known` (the stored text as of the last event it applied) and `flight` (edits sent and not yet
// seen back, in order, each with the text it sent). Events are applied in seq order: the user's own edit is
// recognised by the seq of its reply, so it is never applied twice; an event of this user that arrives before the
// reply that names it is held until that reply comes.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { rebase } from './merge.js';
import { editConflict } from '../ui/edit-conflict.js';

const PAUSE_MS = 400;
const MAX_WAIT_MS = 2000;

export class CadreSharedText extends CadreElement {
  static properties = {
    label: { attribute: false },
    item: { attribute: false }, // the agenda item as last loaded: {id, title, notes, ...}
    field: { attribute: false }, // 'title' or 'notes'
    target: { attribute: false }, // {type, ids, presence}: default, the agenda item's update
    multiline: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    meId: { attribute: false },
    editors: { attribute: false }, // others editing this field now: [{userId, name}]
    disabled: { attribute: false },
    pending: { state: true },
    conflict: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.flight = [];
    this.held = [];
    this.editors = [];
    this.pending = false;
    this.conflict = null;
    this.error = null;
    this.onSettled = (e) => this.replayed(e.detail);
  }

  connectedCallback() {
    super.connectedCallback();
    this.bus.addEventListener('command-settled', this.onSettled);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.bus.removeEventListener('command-settled', this.onSettled);
    // Typed but not yet sent: send it now rather than lose it.
    if (this.timer) this.flush();
  }

  /** The command an edit is sent as, the ids it carries and the field named in presence. */
  get sendAs() {
    return this.target ?? { type: 'agenda.update', ids: { itemId: this.item.id }, presence: this.field };
  }

  willUpdate(changed) {
    if (changed.has('item') && this.known === undefined) this.start();
  }

  /** The first render: the stored text, or an edit of this field still in the bus's outbox (sent before a reload). */
  start() {
    this.known = this.item[this.field] ?? '';
    this.local = this.known;
    const { type, ids } = this.sendAs;
    const mine = (command) => command.type === type && Object.entries(ids).every(([key, value]) => command[key] === value);
    for (const command of this.bus.outbox.values()) {
      if (mine(command) && typeof command[this.field] === 'string') {
        this.flight.push({ commandId: command.commandId, sent: command[this.field], seq: undefined });
        this.local = command[this.field];
      }
    }
    this.pending = this.flight.length > 0;
  }

  get control() {
    return this.querySelector('.shared-input');
  }

  /** An event about this item (agenda.added/updated), in seq order. */
  receive(event) {
    if (this.held.length || (event.actor === this.meId && this.flight.some((f) => f.seq === undefined))) {
      this.held.push(event);
      return;
    }
    this.apply(event);
  }

  apply(event) {
    const remote = event.payload?.[this.field] ?? '';
    const index = this.flight.findIndex((f) => f.seq === event.seq);
    let ancestor;
    if (index >= 0) {
      // Our own edit, as the server stored it (possibly merged with others'): only the difference is new to us.
      ancestor = this.flight[index].sent;
      const rest = this.flight.slice(index + 1);
      rest.forEach((f) => { f.sent = rebase(ancestor, f.sent, remote).text; });
      this.flight = rest;
    } else {
      ancestor = this.known;
      this.flight.forEach((f) => { f.sent = rebase(ancestor, f.sent, remote).text; });
    }
    // Not placed in the local text: the next send keeps the older base, so the server merges that change in.
    if (this.merge(ancestor, remote)) this.known = remote;
    this.pending = this.flight.length > 0 || !!this.timer;
  }

  /** Merges a remote change into the control's text, keeping the caret (and selection) where the user was. */
  merge(ancestor, remote) {
    const control = this.control;
    const focused = control && document.activeElement === control;
    const local = control ? control.value : this.local;
    const start = rebase(ancestor, local, remote, focused ? control.selectionStart : local.length);
    const end = focused ? rebase(ancestor, local, remote, control.selectionEnd).caret : start.caret;
    this.local = start.text;
    if (control && control.value !== start.text) {
      control.value = start.text;
      if (focused) control.setSelectionRange(start.caret, end);
    }
    return start.ok;
  }

  /** The reply to one of our sends: its seq says which event is ours; held events can now be applied. */
  acknowledged(entry, event) {
    entry.seq = event.seq;
    const held = this.held;
    this.held = [];
    held.forEach((e) => this.apply(e));
  }

  refused(entry, error) {
    this.flight = this.flight.filter((f) => f !== entry);
    const held = this.held;
    this.held = [];
    held.forEach((e) => this.apply(e));
    if (error?.code === 'edit_conflict') {
      this.known = error.current ?? this.known;
      this.conflict = { current: this.known, mine: this.control?.value ?? this.local };
    } else {
      this.error = error?.message ?? t('errors.unknown');
    }
    this.pending = this.flight.length > 0;
  }

  /** The outcome of a command sent before a reload (its promise died with the page). */
  replayed({ command, ok, value }) {
    const entry = this.flight.find((f) => f.commandId === command.commandId);
    if (!entry) return;
    if (ok) this.acknowledged(entry, value);
    else this.refused(entry, value);
  }

  input() {
    this.local = this.control.value;
    this.error = null;
    if (this.conflict) return; // sent once the user picks a version
    this.pending = true;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), PAUSE_MS);
    this.firstKey ??= Date.now();
    if (Date.now() - this.firstKey >= MAX_WAIT_MS) this.flush();
  }

  flush() {
    clearTimeout(this.timer);
    this.timer = null;
    this.firstKey = null;
    const text = this.control?.value ?? this.local;
    const base = this.flight.at(-1)?.sent ?? this.known;
    if (text === base) {
      this.pending = this.flight.length > 0;
      return;
    }
    if (this.field === 'title' && !text.trim()) return; // a title is required: wait for one
    const commandId = crypto.randomUUID();
    const entry = { commandId, sent: text, seq: undefined };
    this.flight.push(entry);
    this.pending = true;
    const { type, ids } = this.sendAs;
    this.bus.command({ type, commandId, spaceId: this.spaceId, ...ids, [this.field]: text, base: { [this.field]: base } })
      .then((event) => this.acknowledged(entry, event), (error) => this.refused(entry, error));
  }

  resolve(choice) {
    const { current, mine } = this.conflict;
    const text = choice === 'mine' ? mine : choice === 'theirs' ? current : `${current}\n${mine}`;
    this.conflict = null;
    this.local = text;
    this.control.value = text;
    this.flush();
    this.updateComplete.then(() => this.control.focus());
  }

  focused(editing) {
    this.dispatchEvent(new CustomEvent('cadre-editing', { bubbles: true, detail: editing
      ? { itemId: this.item.id, field: this.sendAs.presence } : { itemId: null, field: null } }));
    if (!editing && this.timer) this.flush();
  }

  render() {
    const id = `${this.sendAs.presence}-${this.item.id}`;
    const editors = this.editors ?? [];
    const common = { id, value: this.local, disabled: !!this.disabled };
    return html`<div class="shared-field ${editors.length ? 'being-edited' : ''}">
      <label class="shared-label" for=${id}>${this.label}</label>
      ${this.multiline
        ? html`<textarea class="shared-input" id=${common.id} .value=${common.value} ?disabled=${common.disabled}
            rows="4" aria-describedby=${`${id}-state`} @input=${() => this.input()}
            @focus=${() => this.focused(true)} @blur=${() => this.focused(false)}></textarea>`
        : html`<input class="shared-input" id=${common.id} .value=${common.value} ?disabled=${common.disabled}
            maxlength="200" aria-describedby=${`${id}-state`} @input=${() => this.input()}
            @focus=${() => this.focused(true)} @blur=${() => this.focused(false)}
            @keydown=${(e) => e.key === 'Enter' && this.flush()}>`}
      <p class="shared-state" id=${`${id}-state`}>
        ${editors.map((editor) => html`<span class="editor-name">${t('room.editing', { name: editor.name })}</span>`)}
        ${this.pending ? html`<span class="pending">${t('room.pending')}</span>` : null}
        ${this.error ? html`<span class="field-error">${this.error}</span>` : null}
      </p>
      ${this.conflict ? this.renderConflict() : null}
    </div>`;
  }

  renderConflict() {
    return editConflict({ id: `conflict-${this.field}-${this.item.id}`, field: this.label, ...this.conflict,
      onMine: () => this.resolve('mine'), onTheirs: () => this.resolve('theirs'), onBoth: () => this.resolve('both') });
  }
}

customElements.define('cadre-shared-text', CadreSharedText);
