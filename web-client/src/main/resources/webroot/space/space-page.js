// /spaces/{id}[/{tab}]: loads the space, subscribes to its events on the bus, and shows the tab bar and the tab.
// Events from others are announced politely; each is also fired on `feed` for the tab to apply.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { spacePath } from '../app/routes.js';
import { loading, failed, notFound } from '../ui/states.js';
import { tabsFor } from './tabs.js';
import { sentence } from './activity.js';
import { findPath } from './tree.js';
import '../meeting/meeting-room.js';
import '../export/export-menu.js';

export class CadreSpacePage extends CadreElement {
  static properties = {
    spaceId: { attribute: false },
    tab: { attribute: false },
    meetingId: { attribute: false }, // set: the meeting room instead of a tab
    me: { attribute: false },
    bus: { attribute: false },
    tree: { attribute: false },
    space: { state: true },
    members: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.feed = new EventTarget();
  }

  willUpdate(changed) {
    if (changed.has('spaceId')) this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.subscription?.close();
    this.subscription = null;
    this.barObserver?.disconnect();
    this.observedBar = null;
  }

  async load() {
    const id = this.spaceId;
    this.space = null;
    this.error = null;
    this.subscription?.close();
    this.subscription = null;
    try {
      const space = await get(`/api/spaces/${id}`);
      const readable = ['read', 'write', 'manage'].includes(space.access);
      const members = readable ? (await get(`/api/spaces/${id}/members`)).members : [];
      if (id !== this.spaceId) return;
      this.members = members;
      this.space = space;
      if (readable) this.subscribe(space);
    } catch (error) {
      if (id === this.spaceId) this.error = error;
    }
  }

  subscribe(space) {
    this.subscription = this.bus.subscribe(space.id, {
      afterSeq: space.seq ?? 0,
      onEvent: (event) => this.applied(event),
      onSignal: (body) => this.signal(body),
    });
  }

  applied(event) {
    this.space = { ...this.space, seq: event.seq };
    // The payload is the whole of the team's settings, so every tab shows them (and dates in the zone) at once.
    if (event.type === 'team.settings-changed') this.space = { ...this.space, ...event.payload };
    if (event.type.startsWith('member.')) this.reloadMembers();
    if (event.type === 'space.updated' || event.type === 'space.archived') this.reloadSpace();
    // The meeting room announces others' changes itself, batched, rather than one sentence per edit.
    if (event.actor !== this.me?.id && !this.meetingId) {
      this.announce(sentence(event, new Map(this.members.map((m) => [m.userId, m.name]))));
    }
    this.feed.dispatchEvent(new CustomEvent('space-event', { detail: event }));
  }

  signal(body) {
    if (body.type === 'unsubscribed' || body.type === 'refused') {
      this.error = { status: 404 };
      this.dispatchEvent(new CustomEvent('cadre-tree-changed', { bubbles: true }));
    } else if (body.type === 'resync') {
      this.load();
      return;
    }
    this.feed.dispatchEvent(new CustomEvent('space-signal', { detail: body }));
  }

  async reloadMembers() {
    try {
      this.members = (await get(`/api/spaces/${this.spaceId}/members`)).members;
    } catch {
      // The next load shows the error; the list on screen stays as it was.
    }
  }

  async reloadSpace() {
    try {
      this.space = { ...(await get(`/api/spaces/${this.spaceId}`)), seq: this.space.seq };
    } catch {
      // As above.
    }
  }

  render() {
    if (this.error?.status === 404 || this.error?.status === 403) return notFound();
    if (this.error) return failed(this.error, () => this.load());
    if (!this.space) return loading();
    const space = this.space;
    const tabs = tabsFor(space);
    const tab = tabs.find((candidate) => candidate.key === this.tab);
    if (!tab) return notFound();
    if (this.meetingId) {
      return html`<cadre-meeting-room .space=${space} .meetingId=${this.meetingId} .me=${this.me} .bus=${this.bus}
        .feed=${this.feed} .members=${this.members}></cadre-meeting-room>`;
    }
    return html`<section class="page">
      <header class="page-header">
        <p class="eyebrow">${t(`kind.${space.kind}`)}</p>
        <h1 class="page-title">${space.name}</h1>
        ${space.description ? html`<p class="lead-text">${space.description}</p>` : null}
        ${space.archived ? html`<p class="notice">${t('overview.archived')}</p>` : null}
        ${space.kind === 'team' && ['read', 'write', 'manage'].includes(space.access)
          ? html`<cadre-export-menu .space=${space}></cadre-export-menu>` : null}
      </header>
      ${tabs.length > 1 ? html`<nav class="tab-bar" aria-label=${t('tabs.label', { space: space.name })}><ul>
        ${tabs.map((candidate) => html`<li><a class="tab ${candidate === tab ? 'current' : ''}"
          href=${spacePath(space.id, candidate.key)} aria-current=${candidate === tab ? 'page' : 'false'}>${t(candidate.label ?? `tabs.${candidate.key}`)}</a></li>`)}
      </ul></nav>` : null}
      <div class="tab-panel">${this.tabElement(tab)}</div>
    </section>`;
  }

  /**
   * On a narrow screen the tab bar scrolls sideways; the current tab is kept in view after each render and when the
   * bar's width changes (a phone turned, a window narrowed), else later tabs such as Board sit off screen.
   */
  updated(changed) {
    super.updated?.(changed);
    const bar = this.querySelector('.tab-bar');
    if (bar !== this.observedBar) {
      this.barObserver ??= new ResizeObserver(() => this.showCurrentTab());
      this.barObserver.disconnect();
      if (bar) this.barObserver.observe(bar);
      this.observedBar = bar;
    }
    if (changed.has('tab') || changed.has('space')) this.showCurrentTab();
  }

  /** Scrolls the bar only (like scrollIntoView's inline 'nearest'), never the page, so reading is not disturbed. */
  showCurrentTab() {
    const bar = this.observedBar;
    const tab = bar?.querySelector('.tab.current');
    if (!tab) return;
    const outer = bar.getBoundingClientRect();
    const inner = tab.getBoundingClientRect();
    if (inner.right > outer.right) bar.scrollLeft += inner.right - outer.right;
    else if (inner.left < outer.left) bar.scrollLeft -= outer.left - inner.left;
  }

  /** The tab's element, made from its registered tag, with the properties every tab gets. */
  tabElement(tab) {
    if (this.current?.localName !== tab.tag) this.current = document.createElement(tab.tag);
    Object.assign(this.current, {
      space: this.space, me: this.me, bus: this.bus, feed: this.feed, members: this.members, tab: tab.key,
      subspaces: findPath(this.tree, this.space.id).at(-1)?.children ?? [],
    });
    return this.current;
  }
}

customElements.define('cadre-space-page', CadreSpacePage);
