// The team's goals. Editing one keeps the old wording: goal.update stores every revision, and "History" lists them
// (goal.revisions) with who changed what and when. An edit is sent with the text it started from, so the server
// merges it with others' edits; one that cannot be merged shows both texts and lets the user keep either.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { editConflict } from '../ui/edit-conflict.js';
import { run } from './board-state.js';

export class CadreGoalList extends CadreElement {
  static properties = {
    goals: { attribute: false },
    props: { attribute: false },
    editing: { state: true },
    adding: { state: true },
    history: { state: true },
    error: { state: true },
    busy: { state: true },
    conflict: { state: true }, // {field, current, mine, values}: a field whose edit could not be merged, and the edit
  };

  constructor() {
    super();
    this.history = {}; // goalId -> revisions, for the goals whose history is open
  }

  get writable() {
    return ['write', 'manage'].includes(this.props.space.access);
  }

  willUpdate(changed) {
    // A goal revised while its history is open: the history is read again.
    if (changed.has('goals')) {
      for (const goal of this.goals) {
        const open = this.history[goal.id];
        if (open && open.at(-1)?.revision !== goal.revision) this.loadHistory(goal);
      }
    }
  }

  async send(body, done) {
    this.busy = true;
    this.error = null;
    try {
      await run(this.props.bus, this.props.state, body);
      this.announce(done);
      return true;
    } catch (error) {
      if (error?.code === 'edit_conflict' && body.type === 'goal.update') {
        // What is stored now is the text any further edit of that field starts from.
        const { title, description } = body;
        this.base = { ...this.base, [error.field]: error.current ?? '' };
        this.conflict = { field: error.field, current: error.current ?? '', mine: body[error.field] ?? '', values: { title, description } };
      } else {
        this.error = error;
      }
      return false;
    } finally {
      this.busy = false;
    }
  }

  values(form) {
    const data = new FormData(form);
    const description = data.get('description').trim();
    return { title: data.get('title').trim(), description: description || null };
  }

  async add(event) {
    event.preventDefault();
    const values = this.values(event.target);
    if (!values.description) delete values.description;
    if (await this.send({ type: 'goal.create', ...values }, t('goals.added', { title: values.title }))) this.adding = false;
  }

  startEditing(goal) {
    // The form keeps what it started with while others' edits arrive; they are merged on save.
    this.started = { title: goal.title, description: goal.description };
    this.base = { ...this.started };
    this.conflict = null;
    this.editing = goal.id;
  }

  stopEditing() {
    this.editing = null;
    this.adding = false;
    this.conflict = null;
  }

  save(event, goal) {
    event.preventDefault();
    this.saveValues(goal, this.values(event.target));
  }

  async saveValues(goal, values) {
    this.conflict = null;
    if (values.title === this.base.title && values.description === this.base.description) {
      this.stopEditing();
      return;
    }
    const base = { title: this.base.title };
    if (this.base.description != null) base.description = this.base.description;
    if (await this.send({ type: 'goal.update', goalId: goal.id, ...values, base }, t('goals.saved', { title: values.title }))) {
      this.stopEditing();
    }
  }

  /** Keeps the user's text or the current one for the conflicting field; the other field's edit is sent either way. */
  resolve(goal, choice) {
    const { field, current, values } = this.conflict;
    this.saveValues(goal, choice === 'mine' ? values : { ...values, [field]: current });
  }

  async loadHistory(goal) {
    try {
      const { revisions } = await get(`/api/spaces/${this.props.space.id}/goals/${goal.id}/revisions`);
      this.history = { ...this.history, [goal.id]: revisions };
    } catch (error) {
      this.error = error;
    }
  }

  toggleHistory(goal) {
    if (this.history[goal.id]) {
      const { [goal.id]: closed, ...rest } = this.history;
      this.history = rest;
    } else {
      this.loadHistory(goal);
    }
  }

  render() {
    return html`<section class="panel" aria-labelledby="goals-heading">
      <h2 id="goals-heading" class="panel-title">${t('goals.title')}</h2>
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${this.goals.length === 0 ? html`<p class="state-inline">${t(this.writable ? 'goals.empty' : 'goals.emptyReadOnly')}</p>`
        : html`<ul class="card-list">${this.goals.map((goal) => this.card(goal))}</ul>`}
      ${this.writable ? (this.adding ? this.form(null) : html`<button type="button" class="button secondary"
        @click=${() => { this.adding = true; }}>${t('goals.new')}</button>`) : null}
    </section>`;
  }

  form(goal) {
    return html`<form class="form boxed" @submit=${(e) => (goal ? this.save(e, goal) : this.add(e))}>
      <label class="field">${t('goals.titleLabel')}<input name="title" type="text" maxlength="200" required .value=${goal ? this.started.title : ''}></label>
      <label class="field">${t('goals.descriptionLabel')}
        <textarea name="description" rows="3" maxlength="10000" .value=${(goal ? this.started.description : null) ?? ''}></textarea></label>
      ${goal ? html`<p class="hint">${t('goals.keepsHistory')}</p>` : null}
      <div class="actions">
        <button type="submit" class="button" ?disabled=${this.busy}>${t(goal ? 'board.save' : 'goals.create')}</button>
        <button type="button" class="button secondary" @click=${() => this.stopEditing()}>${t('board.cancel')}</button>
      </div>
      ${goal && this.conflict ? editConflict({ id: `conflict-goal-${goal.id}`, field: t(`goals.conflictField.${this.conflict.field}`),
        current: this.conflict.current, mine: this.conflict.mine,
        onMine: () => this.resolve(goal, 'mine'), onTheirs: () => this.resolve(goal, 'theirs') }) : null}
    </form>`;
  }

  card(goal) {
    if (this.editing === goal.id) return html`<li class="card">${this.form(goal)}</li>`;
    const revisions = this.history[goal.id];
    const headingId = `goal-${goal.id}`;
    return html`<li class="card goal" aria-labelledby=${headingId}>
      <div class="card-head">
        <h3 id=${headingId} class="card-title">${goal.title}</h3>
        <span class="tag">${t('goals.revision', { count: goal.revision })}</span>
      </div>
      ${goal.description ? html`<p class="card-body">${goal.description}</p>` : null}
      <div class="actions">
        ${this.writable ? html`<button type="button" class="button secondary" aria-label=${t('goals.edit', { title: goal.title })}
          @click=${() => this.startEditing(goal)}>${t('board.edit')}</button>` : null}
        <button type="button" class="button secondary" aria-expanded=${revisions ? 'true' : 'false'}
          aria-label=${t('goals.historyOf', { title: goal.title })} @click=${() => this.toggleHistory(goal)}>${t('goals.history')}</button>
      </div>
      ${revisions ? html`<ol class="revisions" reversed>${[...revisions].reverse().map((r) => html`<li>
        <p class="meta">${t('goals.revisionBy', { count: r.revision, name: r.editorName ?? t('activity.someone'),
          date: formatDateTime(r.editedAt, this.props.space.timeZone) })}</p>
        <p class="revision-title">${r.title}</p>
        ${r.description ? html`<p>${r.description}</p>` : null}
      </li>`)}</ol>` : null}
    </li>`;
  }
}

customElements.define('cadre-goal-list', CadreGoalList);
