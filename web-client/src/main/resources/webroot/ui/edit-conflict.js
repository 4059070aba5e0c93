// The choice shown when a text edit could not be merged with someone else's (a 409 edit_conflict): the current text
// next to what the user typed, and one click to keep either (or, where the caller offers it, both).
import { html } from 'lit';
import { t } from '../i18n/i18n.js';

/** `id` names the group; `field` is the field's label; `onBoth` is optional. */
export function editConflict({ id, field, current, mine, onMine, onTheirs, onBoth }) {
  return html`<div class="conflict" role="group" aria-labelledby=${id}>
    <p class="conflict-title" id=${id}>${t('conflict.title', { field })}</p>
    <div class="conflict-versions">
      <section><h4>${t('conflict.theirs')}</h4><pre class="conflict-text">${current}</pre></section>
      <section><h4>${t('conflict.mine')}</h4><pre class="conflict-text">${mine}</pre></section>
    </div>
    <div class="actions">
      <button type="button" class="button" @click=${onMine}>${t('conflict.keepMine')}</button>
      <button type="button" class="button secondary" @click=${onTheirs}>${t('conflict.keepTheirs')}</button>
      ${onBoth ? html`<button type="button" class="button secondary" @click=${onBoth}>${t('conflict.keepBoth')}</button>` : null}
    </div>
  </div>`;
}
