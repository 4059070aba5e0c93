// /spaces/{id}/meetings/{meetingId}: the meeting room. The agenda down the middle, co-edited live; who is here and
// what each edits (presence, repeated every 20 s and on every focus change); a clock per item from the server's
// time; a discussion protocol run live (protocol-runner.js); check-in and attendance, the team's norms, decisions,
// feedback and action items; closing the meeting.
// The space page hands it the space's events (feed) in seq order.
import { html } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDateTime, formatTime } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { spacePath } from '../app/routes.js';
import { loading, failed, notFound } from '../ui/states.js';
import { sentence } from '../space/activity.js';
import { initials } from '../ui/initials.js';
import './agenda-item.js';
import './meeting-clock.js';
import './room-people.js';
import './room-decisions.js';
import './room-actions.js';
import './protocol-runner.js';
import './run-start.js';

const PRESENCE_MS = 20_000;
const TICK_MS = 1000;
const ANNOUNCE_MS = 5000;
const RELOADING = ['meeting.updated', 'meeting.agenda-published', 'meeting.reminder-sent', 'meeting.held',
  'meeting.cancelled', 'attendance.marked', 'decision.recorded', 'decision.updated', 'feedback.recorded'];

export class CadreMeetingRoom extends CadreElement {
  static properties = {
    space: { attribute: false },
    meetingId: { attribute: false },
    me: { attribute: false },
    bus: { attribute: false },
    feed: { attribute: false },
    members: { attribute: false },
    meeting: { state: true },
    // Bumped when one of the team's protocols is saved or archived: the start form then reads the list again.
    protocolRevision: { state: true },
    board: { state: true },
    viewers: { state: true },
    now: { state: true },
    error: { state: true },
    side: { state: true },
    message: { state: true },
    closing: { state: true },
  };

  constructor() {
    super();
    this.viewers = [];
    this.side = 'people';
    this.editing = { itemId: null, field: null };
    this.heard = [];
    this.onEvent = (e) => this.applied(e.detail);
    this.onSignal = (e) => this.signal(e.detail);
    this.onStatus = (e) => { if (e.detail.status === 'online') this.sayPresence(); this.requestUpdate(); };
    this.onLeave = () => this.sayPresence(true);
  }

  connectedCallback() {
    super.connectedCallback();
    this.feed.addEventListener('space-event', this.onEvent);
    this.feed.addEventListener('space-signal', this.onSignal);
    this.bus.addEventListener('status', this.onStatus);
    window.addEventListener('pagehide', this.onLeave);
    this.addEventListener('cadre-editing', (e) => { this.editing = e.detail; this.sayPresence(); });
    this.addEventListener('cadre-move-item', (e) => this.move(e.detail.item, e.detail.by));
    this.addEventListener('cadre-delete-item', (e) => this.remove(e.detail.item));
    this.addEventListener('cadre-create-action', (e) => this.createAction(e.detail.title, e.detail.item));
    this.addEventListener('cadre-reload', () => this.reload());
    this.presenceTimer = setInterval(() => this.sayPresence(), PRESENCE_MS);
    this.tick = setInterval(() => { this.now = this.bus.now(); }, TICK_MS);
    this.now = this.bus.now();
    this.load();
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.feed.removeEventListener('space-event', this.onEvent);
    this.feed.removeEventListener('space-signal', this.onSignal);
    this.bus.removeEventListener('status', this.onStatus);
    window.removeEventListener('pagehide', this.onLeave);
    clearInterval(this.presenceTimer);
    clearInterval(this.tick);
    clearTimeout(this.announceTimer);
    this.sayPresence(true);
  }

  get path() {
    return `/api/spaces/${this.space.id}`;
  }

  async load() {
    try {
      const [meeting, board] = await Promise.all([get(`${this.path}/meetings/${this.meetingId}`), get(`${this.path}/board`)]);
      meeting.agenda = sortByRank(meeting.agenda);
      this.meeting = meeting;
      this.board = board;
      this.sayPresence();
      this.focusHeading();
    } catch (error) {
      this.error = error;
    }
  }

  /** The shell focuses a new screen's heading, which the room only has once loaded: unless the user moved on. */
  async focusHeading() {
    await this.updateComplete;
    const active = document.activeElement;
    if (active && active !== document.body && active.id !== 'main') return;
    const heading = this.querySelector('h1');
    heading.tabIndex = -1;
    heading.focus({ preventScroll: true });
  }

  /** Everything but the agenda's text, which the fields keep merged themselves. */
  reload() {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(async () => {
      try {
        const [meeting, board] = await Promise.all([get(`${this.path}/meetings/${this.meetingId}`), get(`${this.path}/board`)]);
        meeting.agenda = sortByRank(meeting.agenda);
        this.meeting = meeting;
        this.board = board;
      } catch {
        // The next event or a reload tries again; the room keeps what it shows.
      }
    }, 150);
  }

  get facilitates() {
    return this.space.access === 'manage' || this.meeting?.facilitatorId === this.me.id;
  }

  get writable() {
    return ['write', 'manage'].includes(this.space.access) && !this.space.archived;
  }

  // --- events -----------------------------------------------------------------------------------------------

  applied(event) {
    if (!this.meeting) return;
    const p = event.payload ?? {};
    const ours = p.meetingId === this.meetingId || p.id === this.meetingId;
    if (event.type === 'protocol.saved' || event.type === 'protocol.archived') {
      // The team's own protocols changed: the start form offers their latest versions (a live run keeps its own).
      this.protocolRevision = (this.protocolRevision ?? 0) + 1;
      return;
    }
    if (event.type.startsWith('agenda.') && p.meetingId === this.meetingId) this.applyAgenda(event);
    else if (event.type.startsWith('protocol.') && p.meetingId === this.meetingId) this.applyRun(event);
    else if (RELOADING.includes(event.type) && ours) this.reload();
    else if (event.type.startsWith('action.') || event.type.startsWith('norm.')) this.reload();
    else return;
    if (event.actor !== this.me.id) this.heardFromOthers(event);
  }

  applyAgenda(event) {
    const p = event.payload;
    let agenda = this.meeting.agenda;
    if (event.type === 'agenda.deleted') {
      agenda = agenda.filter((item) => item.id !== p.id);
    } else if (agenda.some((item) => item.id === p.id)) {
      agenda = agenda.map((item) => (item.id === p.id ? { ...item, ...p } : item));
    } else {
      agenda = [...agenda, p];
    }
    this.meeting = { ...this.meeting, agenda: sortByRank(agenda) };
    // The co-edited fields merge the text themselves, in seq order.
    this.querySelector(`cadre-agenda-item[data-id="${p.id}"]`)?.receive(event);
  }

  /** A run's new state (every run event carries the whole run), or one step's merged notes. */
  applyRun(event) {
    const p = event.payload;
    let runs = this.meeting.protocolRuns;
    if (event.type === 'protocol.notes-edited') {
      runs = runs.map((run) => (run.id !== p.runId ? run
        : { ...run, steps: run.steps.map((step) => (step.index === p.stepIndex ? { ...step, notes: p.notes } : step)) }));
      this.querySelector('cadre-protocol-runner')?.receive(event);
    } else if (runs.some((run) => run.id === p.id)) {
      runs = runs.map((run) => (run.id === p.id ? p : run));
    } else {
      runs = [...runs, p];
    }
    this.meeting = { ...this.meeting, protocolRuns: runs };
  }

  /** Others' changes, said politely once per few seconds, not per keystroke. */
  heardFromOthers(event) {
    const names = new Map((this.members ?? []).map((m) => [m.userId, m.name]));
    const said = sentence(event, names);
    if (!this.heard.includes(said)) this.heard.push(said);
    if (this.announceTimer) return;
    this.announceTimer = setTimeout(() => {
      this.announce(this.heard.splice(0).join('. '));
      this.announceTimer = null;
    }, ANNOUNCE_MS);
  }

  signal(body) {
    if (body.type === 'presence' && body.meetingId === this.meetingId) this.viewers = body.viewers ?? [];
  }

  /** Presence is not kept for later: sent only while connected, so a reload never replays stale presence. */
  sayPresence(leaving = false) {
    if (this.bus.status !== 'online' || !this.meeting) return;
    const body = { type: 'presence', spaceId: this.space.id, meetingId: this.meetingId };
    if (leaving) body.leaving = true;
    else {
      if (this.editing.itemId) body.itemId = this.editing.itemId;
      if (this.editing.field) body.field = this.editing.field;
    }
    this.bus.request(body).catch(() => {});
  }

  // --- changes ----------------------------------------------------------------------------------------------

  command(body) {
    this.message = null;
    return this.bus.command({ spaceId: this.space.id, ...body }).catch((error) => {
      this.message = error;
      throw error;
    });
  }

  addItem(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const body = { type: 'agenda.add', meetingId: this.meetingId, title: String(data.get('title')).trim() };
    if (data.get('minutes')) body.minutes = Number(data.get('minutes'));
    this.addError = null;
    this.command(body).then(() => {
      form.reset();
      form.querySelector('input').focus();
      this.announce(t('room.itemAdded', { title: body.title }));
    }, (error) => { this.addError = error; this.requestUpdate(); });
  }

  move(item, by) {
    const agenda = this.meeting.agenda;
    const index = agenda.findIndex((candidate) => candidate.id === item.id);
    const target = index + by;
    if (target < 0 || target >= agenda.length) return;
    // afterId: the item it will follow (none: first).
    const rest = agenda.filter((candidate) => candidate.id !== item.id);
    const afterId = target === 0 ? null : rest[target - 1].id;
    const body = { type: 'agenda.move', itemId: item.id };
    if (afterId) body.afterId = afterId;
    this.command(body).then(() => {
      this.announce(t('room.moved', { title: item.title, position: target + 1, count: agenda.length }));
      // Keep the keyboard on the moved item's button.
      this.updateComplete.then(() => this.querySelector(`cadre-agenda-item[data-id="${item.id}"] .item-actions button:not([disabled])`)?.focus());
    }, () => {});
  }

  remove(item) {
    this.command({ type: 'agenda.delete', itemId: item.id })
      .then(() => this.announce(t('room.deleted', { title: item.title })), () => {});
  }

  createAction(title, item) {
    this.command({ type: 'action.create', title, meetingId: this.meetingId, agendaItemId: item.id })
      .then(() => this.announce(t('room.actionCreated', { title })), () => {});
  }

  close() {
    this.command({ type: 'meeting.close', meetingId: this.meetingId })
      .then(() => { this.closing = false; this.announce(t('room.closed')); }, () => {});
  }

  // --- view -------------------------------------------------------------------------------------------------

  render() {
    if (this.error?.status === 404 || this.error?.status === 403 || this.error?.status === 400) return notFound();
    if (this.error) return failed(this.error, () => { this.error = null; this.load(); });
    if (!this.meeting || !this.board) return loading();
    const m = this.meeting;
    const zone = m.timeZone ?? this.space.timeZone;
    const here = this.viewers.length ? this.viewers : [];
    const ro = !this.writable || m.status !== 'scheduled';
    const schedule = slots(m, this.now);
    const waiting = this.bus.waiting;
    const live = (m.protocolRuns ?? []).find((run) => run.state !== 'finished');
    return html`<section class="page room">
      <header class="page-header room-header">
        <p class="eyebrow"><a href=${spacePath(this.space.id, 'meetings')}>${t('room.back', { team: this.space.name })}</a></p>
        <h1 class="page-title">${m.title}</h1>
        <p class="lead-text">${formatDateTime(m.startsAt, zone)} · ${t(`meetings.status.${m.status}`)}${m.location ? ` · ${m.location}` : ''}</p>
        <div class="presence" aria-label=${t('room.hereNow')} role="group">
          <ul class="avatars">${here.map((v) => html`<li class="person">
            <span class="avatar" aria-hidden="true">${initials(v.name)}</span><span class="avatar-name">${v.name}</span></li>`)}</ul>
        </div>
        ${waiting ? html`<p class="notice" role="status">${t('room.waiting', { count: waiting })}</p>` : null}
        ${this.message ? html`<p class="field-error" role="alert">${this.message.message}</p>` : null}
      </header>
      <div class="room-layout">
        <div class="room-main">
          <cadre-meeting-clock .meeting=${m} .schedule=${schedule} .now=${this.now}></cadre-meeting-clock>
          ${live ? html`<cadre-protocol-runner .run=${live} .agenda=${m.agenda} .norms=${this.board.norms} .members=${this.members}
            .viewers=${this.viewers} .bus=${this.bus} .spaceId=${this.space.id} .meId=${this.me.id} .drives=${this.facilitates && this.writable}
            .writable=${this.writable} .now=${this.now}></cadre-protocol-runner>` : null}
          ${this.renderNorms(ro)}
          <section class="agenda" aria-labelledby="agenda-title">
            <h2 class="panel-title" id="agenda-title">${t('room.agenda')}</h2>
            ${m.agenda.length ? null : html`<p class="hint">${t('room.noItems')}</p>`}
            <p class="hint">${ro ? null : t('room.moveHint')}</p>
            ${repeat(m.agenda, (item) => item.id, (item, index) => html`<cadre-agenda-item data-id=${item.id} .item=${item}
              .position=${{ index, count: m.agenda.length }} .phase=${schedule.phases.get(item.id)} .members=${this.members}
              .viewers=${this.viewers} .bus=${this.bus} .spaceId=${this.space.id} .meId=${this.me.id} .timeZone=${zone}
              .readOnly=${ro}></cadre-agenda-item>`)}
            ${ro ? null : this.renderAddItem()}
          </section>
          ${this.renderProtocols(m, ro, live)}
          ${this.renderRunning(m, ro)}
        </div>
        ${this.renderSide(m, ro)}
      </div>
    </section>`;
  }

  renderAddItem() {
    const error = this.addError;
    return html`<form class="panel add-item" @submit=${(e) => this.addItem(e)}>
      <h3 class="panel-title">${t('room.addItem')}</h3>
      <div class="inline-form">
        <label class="field"><span>${t('room.newItemTitle')}</span>
          <input name="title" required maxlength="200" aria-describedby=${error?.field === 'title' ? 'add-title-error' : ''}>
          ${error?.field === 'title' ? html`<span class="field-error" id="add-title-error">${error.message}</span>` : null}</label>
        <label class="field"><span>${t('room.minutes')}</span><input name="minutes" type="number" min="0" max="1440" inputmode="numeric">
          ${error?.field === 'minutes' ? html`<span class="field-error">${error.message}</span>` : null}</label>
        <button class="button">${t('room.add')}</button>
      </div>
      ${error && !['title', 'minutes'].includes(error.field) ? html`<p class="field-error" role="alert">${error.message}</p>` : null}
    </form>`;
  }

  renderNorms(ro) {
    const norms = (this.board.norms ?? []).filter((n) => !n.retiredAt);
    return html`<section class="panel norms" aria-labelledby="norms-title">
      <h2 class="panel-title" id="norms-title">${t('room.norms')}</h2>
      ${norms.length ? html`<ol class="norm-list">${norms.map((n) => html`<li>${n.text}</li>`)}</ol>`
        : html`<p class="hint">${t('room.noNorms')}</p>`}
      <label class="check">
        <input type="checkbox" .checked=${!!this.meeting.normsReviewed} ?disabled=${ro}
          @change=${(e) => this.command({ type: 'meeting.update', meetingId: this.meetingId, normsReviewed: e.target.checked }).catch(() => {})}>
        <span>${t('room.normsReviewed')}</span>
      </label>
    </section>`;
  }

  /** Protocols run in this meeting, and starting one when none is live. */
  renderProtocols(m, ro, live) {
    const finished = (m.protocolRuns ?? []).filter((run) => run.state === 'finished');
    const canStart = !live && !ro && this.facilitates;
    if (!canStart && !finished.length) return null;
    return html`<section class="panel protocol-runs" aria-labelledby="protocol-runs-title">
      <h2 class="panel-title" id="protocol-runs-title">${t('runner.title')}</h2>
      ${finished.length ? html`<ul class="run-history">${finished.map((run) => html`<li>
        <p><strong>${run.protocol}</strong> <span class="tag">${t(`protocols.category.${run.category}`)}</span></p>
        <p class="hint">${t('runner.completed', { done: run.stepsCompleted, count: run.stepsTotal })}</p>
        ${run.debrief ? html`<p>${t('runner.debriefSaid', { text: run.debrief })}</p>` : null}</li>`)}</ul>` : null}
      ${canStart ? html`<cadre-run-start .meeting=${m} .bus=${this.bus} .spaceId=${this.space.id}
        .revision=${this.protocolRevision}></cadre-run-start>` : null}
    </section>`;
  }

  renderRunning(m, ro) {
    if (!this.facilitates) return null;
    return html`<section class="panel running" aria-labelledby="running-title">
      <h2 class="panel-title" id="running-title">${t('room.running')}</h2>
      <div class="actions">
        ${m.status === 'scheduled' && !m.agendaPublishedAt ? html`<button type="button" class="button secondary"
          @click=${() => this.command({ type: 'meeting.publish-agenda', meetingId: this.meetingId }).catch(() => {})}>${t('meetings.publish')}</button>` : null}
        ${m.status === 'scheduled' && !m.reminderSentAt ? html`<button type="button" class="button secondary"
          @click=${() => this.command({ type: 'meeting.send-reminder', meetingId: this.meetingId }).catch(() => {})}>${t('meetings.remind')}</button>` : null}
        ${m.status === 'scheduled' && !this.closing ? html`<button type="button" class="button" ?disabled=${ro}
          @click=${() => { this.closing = true; }}>${t('room.close')}</button>` : null}
      </div>
      ${this.closing ? html`<div class="confirm" role="group" aria-label=${t('room.close')}>
        <p>${t('room.closeConfirm')}</p>
        <div class="actions">
          <button type="button" class="button" @click=${() => this.close()}>${t('room.closeNow')}</button>
          <button type="button" class="button secondary" @click=${() => { this.closing = false; }}>${t('room.cancel')}</button>
        </div></div>` : null}
      ${m.status !== 'scheduled' ? html`<p class="hint">${t(`room.ended.${m.status}`)}</p>` : null}
    </section>`;
  }

  renderSide(m, ro) {
    const tabs = ['people', 'decisions', 'actions'];
    const mine = (this.board.actionItems ?? []).filter((a) => a.meetingId === this.meetingId);
    return html`<aside class="room-side" aria-label=${t('room.side')}>
      <div class="side-tabs" role="tablist" aria-label=${t('room.side')}>
        ${tabs.map((key) => html`<button type="button" role="tab" id=${`tab-${key}`} aria-controls=${`panel-${key}`}
          aria-selected=${this.side === key ? 'true' : 'false'} tabindex=${this.side === key ? '0' : '-1'}
          @click=${() => { this.side = key; }} @keydown=${(e) => this.tabKey(e, tabs)}>${t(`room.tab.${key}`)}</button>`)}
      </div>
      <section class="side-panel ${this.side === 'people' ? 'selected' : ''}" id="panel-people" role="tabpanel" aria-labelledby="tab-people">
        <cadre-room-people .meeting=${m} .me=${this.me} .bus=${this.bus} .spaceId=${this.space.id} .viewers=${this.viewers}
          .facilitates=${this.facilitates} .readOnly=${!this.writable} .now=${this.now}></cadre-room-people>
      </section>
      <section class="side-panel ${this.side === 'decisions' ? 'selected' : ''}" id="panel-decisions" role="tabpanel" aria-labelledby="tab-decisions">
        <cadre-room-decisions .meeting=${m} .bus=${this.bus} .spaceId=${this.space.id} .readOnly=${ro}></cadre-room-decisions>
      </section>
      <section class="side-panel ${this.side === 'actions' ? 'selected' : ''}" id="panel-actions" role="tabpanel" aria-labelledby="tab-actions">
        <cadre-room-actions .made=${mine} .carried=${m.carriedForward ?? []} .agenda=${m.agenda} .members=${this.members}></cadre-room-actions>
      </section>
    </aside>`;
  }

  tabKey(event, tabs) {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    const next = (tabs.indexOf(this.side) + (event.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length;
    this.side = tabs[next];
    this.updateComplete.then(() => this.querySelector(`#tab-${tabs[next]}`).focus());
  }
}

const sortByRank = (items) => [...items].sort((a, b) => (a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : a.id < b.id ? -1 : 1));

/**
 * The planned slot of each item: one after another from the meeting's start, each as long as its timebox. The
 * current item is the one whose slot holds the server's now.
 */
function slots(meeting, now) {
  const phases = new Map();
  let at = Date.parse(meeting.startsAt);
  let current = null;
  const time = (ms) => formatTime(ms, meeting.timeZone);
  for (const item of meeting.agenda) {
    const length = (item.minutes ?? 0) * 60_000;
    const end = at + length;
    let state = 'next';
    if (meeting.status !== 'scheduled' || now >= end) state = 'done';
    if (meeting.status === 'scheduled' && now >= at && now < end && !current) {
      state = 'now';
      current = { item, end };
    }
    phases.set(item.id, { state, from: length ? time(at) : null, to: time(end) });
    at = end;
  }
  return { phases, current, start: Date.parse(meeting.startsAt), end: at };
}

customElements.define('cadre-meeting-room', CadreMeetingRoom);
