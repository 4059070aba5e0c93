// /spaces/{id}/actions: the team's action items as a board of columns by status, kept live from the space's feed.
// A focused card moves to the next or previous column with Alt+ArrowRight/Left (action.update status) and up or
// down its column with Alt+ArrowUp/Down (action.move); each move is announced.
import { html } from 'lit';
import { t } from '../i18n/i18n.js';
import { loading, failed } from '../ui/states.js';
import { run, afterIdFor, today } from '../board/board-state.js';
import { BoardTabElement } from '../board/board-tab-element.js';
import './action-column.js';
import './action-form.js';

export const STATUSES = ['open', 'in-progress', 'done', 'dropped'];

export class CadreActionsTab extends BoardTabElement {
  static properties = { ...BoardTabElement.properties, moveError: { state: true } };

  /** What every card needs to show itself and act. */
  context() {
    const names = new Map((this.members ?? []).map((m) => [m.userId, m.name]));
    return {
      space: this.space, me: this.me, bus: this.bus, state: this.state, names,
      members: (this.members ?? []).filter((m) => m.role !== 'observer'),
      meetings: new Map(this.board.meetings.map((m) => [m.id, m])),
      writable: ['write', 'manage'].includes(this.space.access),
      manages: this.space.access === 'manage',
      today: today(this.bus, this.space.timeZone),
    };
  }

  column(status) {
    return this.board.actionItems.filter((item) => item.status === status);
  }

  /** A card's keyboard move: `step` columns sideways, or `by` places within its column. */
  async move({ item, step = 0, by = 0 }) {
    this.moveError = null;
    try {
      if (step) {
        const status = STATUSES[STATUSES.indexOf(item.status) + step];
        if (!status) return;
        await run(this.bus, this.state, { type: 'action.update', actionId: item.id, status });
        this.announce(t('actions.movedTo', { title: item.title, status: t(`actions.status.${status}`) }));
      } else {
        const list = this.column(item.status);
        const index = list.findIndex((other) => other.id === item.id) + by;
        if (index < 0 || index >= list.length) return;
        await run(this.bus, this.state, { type: 'action.move', actionId: item.id,
          afterId: afterIdFor(list, this.board.actionItems, item, index) });
        this.announce(t('actions.reordered', { title: item.title, position: index + 1, count: list.length }));
      }
      await this.updateComplete;
      this.querySelector(`cadre-action-column[data-status="${this.state.board.actionItems.find((i) => i.id === item.id)?.status}"]`)
        ?.focusCard(item.id);
    } catch (error) {
      this.moveError = error;
    }
  }

  render() {
    if (this.error) return failed(this.error, () => this.load());
    if (!this.board) return loading();
    const context = this.context();
    const total = this.board.actionItems.length;
    return html`<div class="actions-board">
      ${context.writable ? html`<cadre-action-form .context=${context}></cadre-action-form>`
        : html`<p class="hint">${t('board.readOnly')}</p>`}
      ${this.moveError ? html`<p class="field-error" role="alert">${this.moveError.message}</p>` : null}
      ${total === 0 ? html`<p class="state-inline">${t(context.writable ? 'actions.empty' : 'actions.emptyReadOnly')}</p>` : null}
      ${context.writable && total ? html`<p id="cards-hint" class="hint">${t('actions.keyboardHint')}</p>` : null}
      <div class="kanban">
        ${STATUSES.map((status) => html`<cadre-action-column data-status=${status} .status=${status}
          .items=${this.column(status)} .context=${context} @card-move=${(e) => this.move(e.detail)}></cadre-action-column>`)}
      </div>
    </div>`;
  }
}

customElements.define('cadre-actions-tab', CadreActionsTab);
