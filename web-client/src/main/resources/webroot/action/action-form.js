// A new action item: title, due date (a day in the team's calendar) and tags, separated by commas.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { run } from '../board/board-state.js';

export class CadreActionForm extends CadreElement {
  static properties = { context: { attribute: false }, open: { state: true }, error: { state: true }, busy: { state: true } };

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const body = { type: 'action.create', title: data.get('title').trim() };
    if (data.get('due')) body.dueDate = data.get('due');
    const tags = String(data.get('tags')).split(',').map((tag) => tag.trim()).filter(Boolean);
    if (tags.length) body.tags = tags;
    this.busy = true;
    this.error = null;
    try {
      await run(this.context.bus, this.context.state, body);
      this.announce(t('actions.created', { title: body.title }));
      form.reset();
      form.elements.title.focus();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  render() {
    if (!this.open) {
      return html`<p><button type="button" class="button" @click=${() => { this.open = true; }}>${t('actions.new')}</button></p>`;
    }
    return html`<form class="panel form action-form" @submit=${this.create} aria-labelledby="new-action-heading">
      <h2 id="new-action-heading" class="panel-title">${t('actions.newTitle')}</h2>
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      <div class="form-row">
        <label class="field grow">${t('actions.titleLabel')}<input name="title" type="text" maxlength="200" required></label>
        <label class="field">${t('actions.dueLabel')}<input name="due" type="date"></label>
        <label class="field grow">${t('actions.tagsLabel')}<input name="tags" type="text" autocomplete="off"
          aria-describedby="tags-hint"></label>
      </div>
      <p id="tags-hint" class="hint">${t('actions.tagsHint', { zone: this.context.space.timeZone ?? 'UTC' })}</p>
      <div class="actions">
        <button type="submit" class="button" ?disabled=${this.busy}>${t('actions.create')}</button>
        <button type="button" class="button secondary" @click=${() => { this.open = false; }}>${t('board.cancel')}</button>
      </div>
    </form>`;
  }
}

customElements.define('cadre-action-form', CadreActionForm);
