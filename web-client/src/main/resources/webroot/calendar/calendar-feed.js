// A calendar subscription: the secret feed URL of one team's meetings (spaceId set) or of all the user's teams,
// with copy, reset and remove. The server keeps only a digest of the secret, so the URL can be shown only when it
// is made; later the panel says a link exists and offers a new one (which ends the old).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime } from '../i18n/i18n.js';
import { get, post, del } from '../rest/http.js';

export class CadreCalendarFeed extends CadreElement {
  static properties = {
    spaceId: { attribute: false }, // a team's feed; unset: the user's own
    timeZone: { attribute: false },
    feed: { state: true },
    url: { state: true },
    busy: { state: true },
    error: { state: true },
    copied: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  get route() {
    return this.spaceId ? `/api/spaces/${this.spaceId}/calendar-feed` : '/api/me/calendar-feed';
  }

  get idPrefix() {
    return this.spaceId ? 'team-feed' : 'my-feed';
  }

  async load() {
    try {
      this.feed = await get(this.route);
    } catch (error) {
      this.error = error;
    }
  }

  async run(action) {
    this.busy = true;
    this.error = null;
    this.copied = false;
    try {
      await action();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  create() {
    return this.run(async () => {
      const made = await post(this.route);
      this.feed = made;
      this.url = new URL(made.path, window.location.origin).href;
      this.announce(t('calendar.madeAnnounce'));
      await this.updateComplete;
      this.querySelector('.feed-url')?.select();
    });
  }

  remove() {
    return this.run(async () => {
      await del(this.route);
      this.feed = { active: false };
      this.url = null;
      this.announce(t('calendar.removedAnnounce'));
    });
  }

  async copy() {
    const field = this.querySelector('.feed-url');
    try {
      await navigator.clipboard.writeText(this.url);
    } catch {
      // Without clipboard access (an insecure origin, a denied permission) the selected text can still be copied.
      field.select();
      document.execCommand?.('copy');
    }
    this.copied = true;
    this.announce(t('calendar.copied'));
  }

  render() {
    const p = this.idPrefix;
    const feed = this.feed;
    return html`<div class="calendar-feed">
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${!feed ? null : !feed.active ? html`
        <p class="hint">${t(this.spaceId ? 'calendar.introTeam' : 'calendar.introMine')}</p>
        <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.create()}>${t('calendar.create')}</button>`
      : html`
        ${this.url ? html`
          <label class="field" for=${`${p}-url`}>${t('calendar.urlLabel')}</label>
          <div class="feed-url-row">
            <input id=${`${p}-url`} class="feed-url" type="text" readonly .value=${this.url} aria-describedby=${`${p}-help`}>
            <button type="button" class="button secondary" @click=${() => this.copy()}>${t('calendar.copy')}</button>
          </div>
          <p class="hint" id=${`${p}-help`}>${t('calendar.howTo')} ${t('calendar.private')}</p>
          ${this.copied ? html`<p class="hint">${t('calendar.copied')}</p>` : null}`
        : html`<p class="hint">${t('calendar.exists', { created: formatDateTime(feed.createdAt, this.timeZone) })}
            ${feed.lastUsedAt ? t('calendar.lastUsed', { used: formatDateTime(feed.lastUsedAt, this.timeZone) }) : t('calendar.neverUsed')}</p>
          <p class="hint">${t('calendar.shownOnce')}</p>`}
        <div class="feed-actions">
          <button type="button" class="button secondary" ?disabled=${this.busy} @click=${() => this.create()}>${t('calendar.reset')}</button>
          <button type="button" class="button danger" ?disabled=${this.busy} @click=${() => this.remove()}>${t('calendar.remove')}</button>
        </div>
        <p class="hint">${t('calendar.resetHint')}</p>`}
    </div>`;
  }
}

customElements.define('cadre-calendar-feed', CadreCalendarFeed);
