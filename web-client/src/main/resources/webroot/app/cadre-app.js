// The shell: who is signed in, the space tree, the current URL, the one bus connection and the one polite live
// region. Screens get what they need as properties and talk back with events (cadre-navigate, cadre-announce,
// cadre-signed-in, cadre-tree-changed).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { get, post } from '../rest/http.js';
import { t, currentLanguage, isLanguage, setLanguage } from '../i18n/i18n.js';
import { Bus } from '../realtime/bus.js';
import { match } from './routes.js';
import { findPath } from '../space/tree.js';
import { notFound, loading } from '../ui/states.js';
import './top-bar.js';
import '../space/space-tree.js';
import '../space/spaces-page.js';
import '../space/space-page.js';
import '../report/report-page.js';
import '../metrics/metrics-page.js';
import '../auth/sign-in-page.js';
import '../auth/register-page.js';
import '../auth/join-page.js';
import '../auth/forgot-password-page.js';
import '../auth/reset-password-page.js';
import '../notify/notification-settings.js';
import '../notify/unsubscribe-page.js';

const ANNOUNCE_BATCH_MS = 1500;

export class CadreApp extends CadreElement {
  static properties = {
    me: { state: true },
    tree: { state: true },
    route: { state: true },
    ready: { state: true },
    connection: { state: true },
    railOpen: { state: true },
  };

  constructor() {
    super();
    this.me = null;
    this.tree = [];
    this.ready = false;
    this.railOpen = false;
    this.connection = { status: 'offline', waiting: 0 };
    this.route = match(location.pathname);
    this.pendingAnnouncements = [];
    this.bus = new Bus();
    window.cadreBus = this.bus; // for the browser tests and the console
    this.bus.addEventListener('status', (e) => { this.connection = e.detail; });
    this.bus.addEventListener('notice', (e) => { if (e.detail?.type === 'access.changed') this.loadTree(); });
    this.bus.addEventListener('command-failed', (e) =>
      this.queueAnnouncement(t('connection.failed', { message: e.detail.error?.message ?? t('errors.unknown') })));
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('popstate', () => this.show(location.pathname + location.search, { push: false }));
    this.addEventListener('cadre-navigate', (e) => this.show(e.detail.path, { replace: e.detail.replace }));
    this.addEventListener('cadre-announce', (e) => this.queueAnnouncement(e.detail));
    this.addEventListener('cadre-signed-in', () => this.signedIn());
    this.addEventListener('cadre-tree-changed', () => this.loadTree());
    this.addEventListener('cadre-sign-out', (e) => this.signOut(e.detail?.everywhere));
    this.addEventListener('cadre-toggle-rail', () => { this.railOpen = !this.railOpen; });
    // Same-origin links change the screen without reloading the page.
    this.addEventListener('click', (e) => this.followLink(e));
    this.loadSession();
  }

  async loadSession() {
    try {
      this.me = await get('/api/me');
      // The language the user saved wins over this browser's; without one, the browser's choice stays.
      if (isLanguage(this.me.language) && this.me.language !== currentLanguage()) setLanguage(this.me.language);
      await this.loadTree();
      this.bus.start();
    } catch {
      this.me = null;
    }
    this.ready = true;
    this.show(location.pathname + location.search, { push: false });
  }

  async loadTree() {
    try {
      this.tree = (await get('/api/spaces')).spaces;
    } catch {
      this.tree = [];
    }
  }

  async signedIn() {
    await this.loadSession();
  }

  /** Signs out this browser, or with {@code everywhere} every session of the user. */
  async signOut(everywhere = false) {
    try {
      await post(everywhere ? '/api/me/sessions/revoke-all' : '/api/auth/logout');
    } finally {
      this.bus.stop();
      this.me = null;
      this.tree = [];
      this.show('/sign-in', { replace: true });
    }
  }

  followLink(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const link = event.composedPath().find((node) => node.tagName === 'A');
    if (!link || link.getAttribute('href')?.startsWith('#') || link.target || link.hasAttribute('download') || link.origin !== location.origin) return;
    event.preventDefault();
    this.show(link.pathname + link.search);
  }

  /** Shows a path: pushes it (unless it is the current entry), redirecting when the user must sign in first. */
  show(path, { push = true, replace = false } = {}) {
    const url = new URL(path, location.origin);
    let route = match(url.pathname);
    if (this.ready && !this.me && !route.public) {
      const next = url.pathname + url.search;
      url.pathname = '/sign-in';
      url.search = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
      route = match(url.pathname);
      replace = true;
    } else if (this.ready && route.screen === 'home') {
      url.pathname = this.me ? '/spaces' : '/sign-in';
      route = match(url.pathname);
      replace = true;
    } else if (this.ready && this.me && (route.screen === 'sign-in' || route.screen === 'register')) {
      const next = url.searchParams.get('next') ?? '';
      // Only a path of this site: never an open redirect.
      url.pathname = next.startsWith('/') && !next.startsWith('//') ? next : '/spaces';
      url.search = '';
      route = match(url.pathname);
      replace = true;
    }
    const target = url.pathname + url.search;
    if (replace) history.replaceState(null, '', target);
    else if (push && target !== location.pathname + location.search) history.pushState(null, '', target);
    const moved = route.screen !== this.route.screen || JSON.stringify(route.params) !== JSON.stringify(this.route.params);
    this.route = { ...route, search: url.searchParams };
    this.railOpen = false;
    // Focus moves to the new screen's heading on in-app navigation; a page load starts at the skip link.
    if (moved && this.shown) this.updateComplete.then(() => this.focusMain());
    this.shown = this.ready;
  }

  /** After a screen change, focus goes to its heading, so keyboard and screen-reader users start there. */
  focusMain() {
    const heading = this.querySelector('main h1');
    if (heading) {
      heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }

  queueAnnouncement(message) {
    this.pendingAnnouncements.push(message);
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const region = this.querySelector('#live-region');
      region.textContent = this.pendingAnnouncements.splice(0).join('. ');
    }, ANNOUNCE_BATCH_MS / 3);
  }

  get spaceId() {
    return ['space', 'report'].includes(this.route.screen) ? this.route.params.spaceId : null;
  }

  render() {
    const signedIn = !!this.me;
    const crumbs = this.spaceId ? findPath(this.tree, this.spaceId) : [];
    document.title = crumbs.length ? `${crumbs.at(-1).name} · ${t('app.name')}` : t('app.name');
    return html`
      <a class="skip-link" href="#main">${t('app.skip')}</a>
      <cadre-top-bar .me=${this.me} .crumbs=${crumbs} .connection=${this.connection}
        .railOpen=${this.railOpen}></cadre-top-bar>
      <div class="layout ${signedIn ? 'with-rail' : ''}">
        ${signedIn ? html`<nav id="rail" class="rail ${this.railOpen ? 'open' : ''}" aria-label=${t('tree.tree')}>
            <cadre-space-tree .tree=${this.tree} .currentId=${this.spaceId}></cadre-space-tree>
          </nav>` : null}
        <main id="main" class="main" tabindex="-1">${this.ready ? this.screen() : loading()}</main>
      </div>
      <div id="live-region" class="visually-hidden" aria-live="polite"></div>
    `;
  }

  screen() {
    const { screen, params, search } = this.route;
    const next = search?.get('next') ?? '';
    switch (screen) {
      case 'sign-in': return html`<cadre-sign-in-page .next=${next}></cadre-sign-in-page>`;
      case 'register': return html`<cadre-register-page .next=${next}></cadre-register-page>`;
      case 'join': return html`<cadre-join-page .token=${params.token} .me=${this.me}></cadre-join-page>`;
      case 'forgot-password': return html`<cadre-forgot-password-page></cadre-forgot-password-page>`;
      case 'reset-password': return html`<cadre-reset-password-page .token=${search?.get('token')}></cadre-reset-password-page>`;
      case 'unsubscribe': return html`<cadre-unsubscribe-page .token=${search?.get('token')}></cadre-unsubscribe-page>`;
      case 'notifications': return html`<cadre-notification-settings></cadre-notification-settings>`;
      case 'spaces': return html`<cadre-spaces-page .tree=${this.tree}></cadre-spaces-page>`;
      case 'space': return html`<cadre-space-page .spaceId=${params.spaceId} .tab=${params.tab} .meetingId=${params.meetingId} .me=${this.me}
        .bus=${this.bus} .tree=${this.tree}></cadre-space-page>`;
      case 'report': return html`<cadre-report-page .spaceId=${params.spaceId}></cadre-report-page>`;
      case 'metrics': return html`<cadre-metrics-page .bus=${this.bus}></cadre-metrics-page>`;
      default: return notFound();
    }
  }
}

customElements.define('cadre-app', CadreApp);
