// Every client URL, in one table. A route answers the screen to show and its parameters; the server answers
// index.html for all of them, so each can be reloaded and shared.
import { SPACE_TABS } from '../space/tabs.js';

const ROUTES = [
  { pattern: /^\/sign-in$/, screen: 'sign-in', public: true },
  { pattern: /^\/register$/, screen: 'register', public: true },
  { pattern: /^\/join\/([^/]+)$/, screen: 'join', public: true, params: ['token'] },
  { pattern: /^\/forgot-password$/, screen: 'forgot-password', public: true },
  // The emailed links: their token is in the query (see cadre-app's screen()).
  { pattern: /^\/reset-password$/, screen: 'reset-password', public: true },
  { pattern: /^\/unsubscribe$/, screen: 'unsubscribe', public: true },
  { pattern: /^\/me\/notifications$/, screen: 'notifications' },
  { pattern: /^\/spaces$/, screen: 'spaces' },
  { pattern: /^\/me\/metrics$/, screen: 'metrics' },
  // The printable report of a team or of a space above teams: no tab, the page is the sheet (ahead of the tabs,
  // whose pattern it also fits).
  { pattern: /^\/spaces\/([0-9a-f-]{36})\/report$/, screen: 'report', params: ['spaceId'] },
  { pattern: /^\/spaces\/([0-9a-f-]{36})(?:\/([a-z-]+))?$/, screen: 'space', params: ['spaceId', 'tab'] },
  // A meeting room: a page of its own inside its team's space (which keeps the space's event subscription).
  { pattern: /^\/spaces\/([0-9a-f-]{36})\/(meetings)\/([0-9a-f-]{36})$/, screen: 'space', params: ['spaceId', 'tab', 'meetingId'] },
];

/** The route for a path: {screen, params, public}; unknown paths answer the not-found screen. */
export function match(pathname) {
  if (pathname === '/' || pathname === '') return { screen: 'home', params: {}, public: true };
  for (const route of ROUTES) {
    const found = route.pattern.exec(pathname);
    if (!found) continue;
    const params = {};
    (route.params ?? []).forEach((name, i) => { params[name] = found[i + 1] ? decodeURIComponent(found[i + 1]) : undefined; });
    if (route.screen === 'space') {
      params.tab = params.tab ?? 'overview';
      if (!SPACE_TABS.some((tab) => tab.key === params.tab)) return { screen: 'not-found', params: {} };
    }
    return { screen: route.screen, params, public: !!route.public };
  }
  return { screen: 'not-found', params: {} };
}

export const spacePath = (spaceId, tab = 'overview') => (tab === 'overview' ? `/spaces/${spaceId}` : `/spaces/${spaceId}/${tab}`);

export const reportPath = (spaceId) => `/spaces/${spaceId}/report`;
