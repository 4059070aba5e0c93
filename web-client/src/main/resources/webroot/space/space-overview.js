// A space's overview: what is inside it, who is in it, and its recent activity as sentences, kept live.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { spacePath, reportPath } from '../app/routes.js';
import { sentence } from './activity.js';
import { loading, failed } from '../ui/states.js';
import '../calendar/calendar-feed.js';

const RECENT = 15;

export class CadreSpaceOverview extends CadreElement {
  static properties = {
    space: { attribute: false },
    members: { attribute: false },
    subspaces: { attribute: false },
    feed: { attribute: false },
    events: { state: true },
    error: { state: true },
  };

  constructor() {
    super();
    this.onEvent = (e) => { this.events = [e.detail, ...(this.events ?? [])].slice(0, RECENT); };
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) this.load();
    if (changed.has('feed')) {
      changed.get('feed')?.removeEventListener('space-event', this.onEvent);
      this.feed?.addEventListener('space-event', this.onEvent);
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.feed?.removeEventListener('space-event', this.onEvent);
  }

  get readable() {
    return ['read', 'write', 'manage'].includes(this.space.access);
  }

  async load() {
    this.events = null;
    this.error = null;
    if (!this.readable) return;
    const id = this.space.id;
    try {
      const after = Math.max(0, (this.space.seq ?? 0) - RECENT);
      const page = await get(`/api/spaces/${id}/events?after=${after}&limit=${RECENT}`);
      if (id === this.space.id) this.events = page.events.slice().reverse();
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    const space = this.space;
    if (!this.readable) return html`<p class="notice">${t('overview.limited')}</p>`;
    const children = this.subspaces ?? [];
    const members = this.members ?? [];
    const names = new Map(members.map((m) => [m.userId, m.name]));
    return html`<div class="overview">
      ${space.kind === 'team' ? html`<p class="overview-report"><a href=${reportPath(space.id)}>${t('report.link')}</a></p>`
        // Partners see no roll-up, so no report of a space above teams either.
        : space.role !== 'partner' ? html`<p class="overview-report"><a href=${reportPath(space.id)}>${t('report.spaceLink')}</a></p>` : null}
      ${space.kind !== 'team' || children.length ? html`<section class="panel" aria-labelledby="children-title">
        <h2 id="children-title" class="panel-title">${t(`overview.children.${space.kind}`)}</h2>
        ${children.length ? html`<ul class="space-list">${children.map((child) => html`<li>
            <a class="space-card" href=${spacePath(child.id)}><span class="space-card-name">${child.name}</span>
              <span class="tag">${t(`kind.${child.kind}`)}</span></a></li>`)}</ul>`
          : html`<p class="hint">${t('overview.noChildren')}</p>`}
      </section>` : null}
      <section class="panel" aria-labelledby="members-title">
        <h2 id="members-title" class="panel-title">${t('overview.members', { count: members.length })}</h2>
        <ul class="people">${members.slice(0, 8).map((m) => html`<li class="person">
          <span class="avatar" aria-hidden="true">${m.name.split(/\s+/).map((w) => w[0]).slice(0, 2).join('')}</span>
          <span>${m.name}</span> <span class="tag role">${t(`role.${m.role}`)}</span></li>`)}</ul>
        <a href=${spacePath(space.id, 'members')}>${t('overview.seeMembers')}</a>
      </section>
      ${space.kind === 'team' ? html`<section class="panel" aria-labelledby="calendar-title">
        <h2 id="calendar-title" class="panel-title">${t('calendar.teamTitle')}</h2>
        <cadre-calendar-feed .spaceId=${space.id} .timeZone=${space.timeZone}></cadre-calendar-feed>
      </section>` : null}
      <section class="panel activity" aria-labelledby="activity-title">
        <h2 id="activity-title" class="panel-title">${t('overview.activity')}</h2>
        ${this.error ? failed(this.error, () => this.load())
          : !this.events ? loading()
          : this.events.length === 0 ? html`<p class="hint">${t('overview.noActivity')}</p>`
          : html`<ol class="activity-list">${this.events.map((event) => html`<li>
              <span class="activity-text">${sentence(event, names)}</span>
              <time datetime=${event.at}>${formatDateTime(event.at, space.timeZone)}</time></li>`)}</ol>`}
      </section>
    </div>`;
  }
}

customElements.define('cadre-space-overview', CadreSpaceOverview);
