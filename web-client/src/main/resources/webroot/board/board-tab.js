// /spaces/{id}/board: the team's charter, its norms, agreements and policies, and goals, kept live from the space's
// feed so everyone sees each other's changes without reloading.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { loading, failed } from '../ui/states.js';
import { BoardState } from './board-state.js';
import './norm-list.js';
import './agreement-list.js';
import './goal-list.js';

export class CadreBoardTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    feed: { attribute: false },
    members: { attribute: false },
    board: { state: true },
    error: { state: true },
  };

  willUpdate(changed) {
    if ((changed.has('space') && changed.get('space')?.id !== this.space.id) || changed.has('feed')) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.state?.close();
    this.state = null;
  }

  connectedCallback() {
    super.connectedCallback();
    // Shown again after being taken off the page: the feed was let go, so load afresh.
    if (this.hasUpdated && !this.state) this.load();
  }

  async load() {
    this.state?.close();
    this.board = null;
    this.error = null;
    const state = new BoardState(this.space.id, this.feed);
    this.state = state;
    state.addEventListener('change', (e) => { if (state === this.state) this.board = { ...e.detail }; });
    try {
      await state.load();
    } catch (error) {
      if (state === this.state) this.error = error;
    }
  }

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
