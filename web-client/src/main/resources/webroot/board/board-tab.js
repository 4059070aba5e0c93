// /spaces/{id}/board: the team's charter, its norms, agreements and policies, and goals, kept live from the space's
// feed so everyone sees each other's changes without reloading.
import { html } from 'lit';
import { t } from '../i18n/i18n.js';
import { loading, failed } from '../ui/states.js';
import { BoardTabElement } from './board-tab-element.js';
import './norm-list.js';
import './agreement-list.js';
import './goal-list.js';

export class CadreBoardTab extends BoardTabElement {
  render() {
    if (this.error) return failed(this.error, () => this.load());
    if (!this.board) return loading();
    const props = { space: this.space, me: this.me, bus: this.bus, members: this.members, state: this.state };
    const writable = ['write', 'manage'].includes(this.space.access);
    return html`<div class="board">
      ${writable ? null : html`<p class="hint">${t('board.readOnly')}</p>`}
      <cadre-norm-list .norms=${this.board.norms} .props=${props}></cadre-norm-list>
      <cadre-agreement-list .agreements=${this.board.agreements} .props=${props}></cadre-agreement-list>
      <cadre-goal-list .goals=${this.board.goals} .props=${props}></cadre-goal-list>
    </div>`;
  }
}

customElements.define('cadre-board-tab', CadreBoardTab);
