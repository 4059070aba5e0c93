// The tabs of a space, in one place. A tab is one element, given the properties space (GET /api/spaces/{id}),
// me (GET /api/me), members, subspaces (the spaces inside, from the tree), tab (its key), bus (realtime/bus.js) and feed (an EventTarget firing 'space-event' with each applied event
// and 'space-signal' with presence and other signals). To build a tab: write its element, import it here, and
// point its entry's tag at it.
import './space-overview.js';
import './space-members.js';
import './space-settings.js';
import '../board/board-tab.js';
import '../action/actions-tab.js';
import '../meeting/meetings-tab.js';
import '../culture/culture-tab.js';
import '../rollup/rollup-tab.js';
import '../continuum/continua-tab.js';
import '../protocol/protocols-tab.js';
import '../metrics/metrics-tab.js';

/**
 * kinds: which kinds of space show the tab; access: the access it needs when not just being there (the server
 * refuses the rest anyway); label: its catalog key when not tabs.{key}.
 */
export const SPACE_TABS = [
  { key: 'overview', tag: 'cadre-space-overview', kinds: ['network', 'district', 'site', 'team'] },
  { key: 'meetings', tag: 'cadre-meetings-tab', kinds: ['team'] },
  { key: 'actions', tag: 'cadre-actions-tab', kinds: ['team'] },
  { key: 'board', tag: 'cadre-board-tab', kinds: ['team'] },
  { key: 'culture', tag: 'cadre-culture-tab', kinds: ['team'] },
  { key: 'rollup', tag: 'cadre-rollup-tab', kinds: ['network', 'district', 'site'], label: 'rollup.tab' },
  { key: 'continua', tag: 'cadre-continua-tab', kinds: ['network', 'district', 'site', 'team'] },
  { key: 'protocols', tag: 'cadre-protocols-tab', kinds: ['district', 'site', 'team'] },
  { key: 'metrics', tag: 'cadre-metrics-tab', kinds: ['network', 'district', 'site', 'team'] },
  { key: 'members', tag: 'cadre-space-members', kinds: ['network', 'district', 'site', 'team'] },
  { key: 'settings', tag: 'cadre-space-settings', kinds: ['team'], access: 'manage' },
];

export const tabsFor = (space) => SPACE_TABS.filter((tab) => tab.kinds.includes(space.kind)
  && (!tab.access || space.access === tab.access));
