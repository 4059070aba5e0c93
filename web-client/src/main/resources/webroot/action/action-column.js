// One status column of the actions board: its cards are one list with a roving tabindex (Tab enters the list at one
// card, ArrowUp/Down, Home and End move between cards); Alt+Arrow keys ask the board to move the focused card.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import './action-card.js';

const FOLDED = ['done', 'dropped'];
const FOLDED_SHOWN = 5;

export class CadreActionColumn extends CadreElement {
  static properties = {
    status: { attribute: false },
    items: { attribute: false },
    context: { attribute: false },
    activeId: { state: true },
    expanded: { state: true },
  };

  /** Finished work piles up: the done and dropped columns show their last few cards until asked for all. */
  get visible() {
    const folds = FOLDED.includes(this.status) && !this.expanded && this.items.length > FOLDED_SHOWN;
    return folds ? this.items.slice(-FOLDED_SHOWN) : this.items;
  }

  get current() {
    return this.visible.some((item) => item.id === this.activeId) ? this.activeId : this.visible[0]?.id;
  }

  async focusCard(id) {
    this.activeId = id;
    if (!this.visible.some((item) => item.id === id)) this.expanded = true;
    await this.updateComplete;
    this.querySelector(`.action-card[data-id="${id}"]`)?.focus();
  }

  keydown(event, item) {
    if (event.target !== event.currentTarget) return;
    const items = this.visible;
    const index = items.indexOf(item);
    const moves = { ArrowUp: { by: -1 }, ArrowDown: { by: 1 }, ArrowLeft: { step: -1 }, ArrowRight: { step: 1 } };
    if (event.altKey && moves[event.key] && this.context.writable) {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('card-move', { detail: { item, ...moves[event.key] } }));
      return;
    }
    const to = { ArrowUp: index - 1, ArrowDown: index + 1, Home: 0, End: items.length - 1 }[event.key];
    if (to === undefined || event.altKey) return;
    event.preventDefault();
    if (items[to]) this.focusCard(items[to].id);
  }

  render() {
    const headingId = `column-${this.status}`;
    const current = this.current;
    return html`<section class="column" aria-labelledby=${headingId}>
      <h2 id=${headingId} class="column-title">${t(`actions.status.${this.status}`)}
        <span class="count">${t('actions.count', { count: this.items.length })}</span></h2>
      ${this.items.length === 0 ? html`<p class="column-empty">${t(`actions.emptyColumn.${this.status}`)}</p>`
        : html`<ul class="card-column" aria-labelledby=${headingId}>${repeat(this.visible, (item) => item.id, (item) => html`
          <li class="action-card" data-id=${item.id} tabindex=${item.id === current ? '0' : '-1'}
            aria-labelledby=${`action-${item.id}`} aria-describedby=${this.context.writable ? 'cards-hint' : ''}
            @focus=${() => { this.activeId = item.id; }} @keydown=${(e) => this.keydown(e, item)}>
            <cadre-action-card .item=${item} .context=${this.context}></cadre-action-card>
          </li>`)}</ul>`}
      ${this.visible.length < this.items.length || this.expanded && this.items.length > FOLDED_SHOWN
        ? html`<button type="button" class="button secondary fold" aria-expanded=${this.expanded ? 'true' : 'false'}
          @click=${() => { this.expanded = !this.expanded; }}>${this.expanded ? t('actions.showFewer')
            : t('actions.showAll', { count: this.items.length })}</button>` : null}
    </section>`;
  }
}

customElements.define('cadre-action-column', CadreActionColumn);
