// The team board as the client holds it: GET /api/spaces/{id}/board, then the space's events applied to it. Each
// item remembers the seq that last wrote it, so a command's reply and the same event from the feed (or an older
// event arriving after a newer reply) never move it backwards. Pure functions, no UI.
import { get } from '../rest/http.js';

const byRank = (a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

const COLLECTIONS = { norm: 'norms', goal: 'goals', agreement: 'agreements', action: 'actionItems', meeting: 'meetings' };

/** Loads the board; events the feed fires meanwhile are kept and applied after it (those it already holds are skipped). */
export class BoardState extends EventTarget {
  constructor(spaceId, feed) {
    super();
    this.spaceId = spaceId;
    this.feed = feed;
    this.board = null;
    this.early = [];
    this.onEvent = (e) => (this.board ? this.apply(e.detail) : this.early.push(e.detail));
    feed.addEventListener('space-event', this.onEvent);
  }

  close() {
    this.feed.removeEventListener('space-event', this.onEvent);
  }

  async load() {
    const board = await get(`/api/spaces/${this.spaceId}/board`);
    for (const name of Object.values(COLLECTIONS)) for (const item of board[name] ?? []) item.seq = board.seq;
    board.norms.sort(byRank);
    board.actionItems.sort(byRank);
    this.board = board;
    this.early.splice(0).forEach((event) => this.apply(event));
    this.changed();
    return board;
  }

  /** Applies one event (from the feed or a command's reply); answers whether it changed anything. */
  apply(event) {
    const board = this.board;
    if (!board || event.seq <= board.seq && !event.reply) return false;
    const [kind] = event.type.split('.');
    const p = event.payload ?? {};
    if (event.type === 'agreement.reviewed') {
      const agreement = board.agreements.find((a) => a.id === p.agreementId);
      if (!agreement || (agreement.reviews ?? []).some((r) => r.id === p.id)) return false;
      agreement.reviews = [...(agreement.reviews ?? []), p];
    } else if (event.type === 'action.deleted') {
      board.actionItems = board.actionItems.filter((item) => item.id !== p.id);
    } else if (COLLECTIONS[kind] && p.id) {
      const name = COLLECTIONS[kind];
      const list = board[name];
      const at = list.findIndex((item) => item.id === p.id);
      if (at >= 0 && list[at].seq >= event.seq) return false;
      // An update answers the row itself; an agreement's reviews come with the board only, so they are kept.
      const next = { ...(at >= 0 ? list[at] : {}), ...p, seq: event.seq };
      if (at >= 0) list[at] = next;
      else list.push(next);
      if (name === 'norms' || name === 'actionItems') list.sort(byRank);
      board[name] = [...list];
    } else {
      return false;
    }
    this.changed();
    return true;
  }

  changed() {
    this.dispatchEvent(new CustomEvent('change', { detail: this.board }));
  }
}

/**
 * The `afterId` that places `item` at `index` of `list` (an ordered sublist of the space's whole ranked list, which
 * `all` is): after the item that will precede it, or, at the top, after whatever precedes the sublist's first
 * item in the whole list (null: the very first).
 */
export function afterIdFor(list, all, item, index) {
  const others = list.filter((other) => other.id !== item.id);
  if (index > 0) return others[index - 1].id;
  const first = others[0];
  if (!first) return null;
  const whole = all.filter((other) => other.id !== item.id);
  const at = whole.findIndex((other) => other.id === first.id);
  return at > 0 ? whole[at - 1].id : null;
}

/** Runs a board command on the bus and applies its reply at once (the feed brings the same event again). */
export async function run(bus, state, body) {
  const event = await bus.command({ spaceId: state.spaceId, ...body });
  if (event?.seq) state.apply({ ...event, reply: true });
  return event;
}

/** Today's date (YYYY-MM-DD) in the team's time zone, by the server's clock. */
export function today(bus, timeZone) {
  return new Intl.DateTimeFormat('en-CA', { timeZone: timeZone ?? undefined, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(new Date(bus.now()));
}
