// What every tab built on the team board shares (the Board and Actions tabs): the tab properties, and a BoardState
// loaded from GET /board and kept live from the space's feed, made afresh when the space or feed changes or the
// tab is shown again, and let go when it is taken off the page.
import { CadreElement } from '../ui/cadre-element.js';
import { BoardState } from './board-state.js';

export class BoardTabElement extends CadreElement {
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

  connectedCallback() {
    super.connectedCallback();
    // Shown again after being taken off the page: the feed was let go, so load afresh.
    if (this.hasUpdated && !this.state) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.state?.close();
    this.state = null;
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
}
