// One action item: title, owner (by name), due date in the team's time zone (overdue said in words, with an icon),
// where it came from and its tags; Claim (optimistic: the button becomes the claimer's name at once; a lost race says
// who won), Release, Assign (leads), and Complete with an impact report.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';
import { run } from '../board/board-state.js';

const OPEN = ['open', 'in-progress'];

/** A date without a time (YYYY-MM-DD) is a calendar day: formatted as that day wherever the browser is. */
const formatDay = (day) => formatDate(`${day}T00:00:00Z`, 'UTC');

export class CadreActionCard extends CadreElement {
  static properties = {
    item: { attribute: false },
    context: { attribute: false },
    claiming: { state: true },
    lostTo: { state: true },
    completing: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  async send(body, done) {
    this.busy = true;
    this.error = null;
    try {
      await run(this.context.bus, this.context.state, { actionId: this.item.id, ...body });
      if (done) this.announce(done);
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async claim() {
    const { item } = this;
    this.claiming = true;
    this.lostTo = null;
    try {
      await run(this.context.bus, this.context.state, { type: 'action.claim', actionId: item.id });
      this.announce(t('actions.claimed', { title: item.title }));
    } catch (error) {
      if (error.code === 'already_claimed') {
        this.lostTo = error.owner?.name ?? t('activity.someone');
        this.announce(t('actions.claimLost', { name: this.lostTo, title: item.title }));
      } else {
        this.error = error;
      }
    } finally {
      this.claiming = false;
    }
  }

  release() {
    this.send({ type: 'action.release' }, t('actions.released', { title: this.item.title }));
  }

  assign(ownerId) {
    const name = this.context.names.get(ownerId);
    this.send({ type: 'action.assign', ownerId: ownerId || null },
      ownerId ? t('actions.assigned', { title: this.item.title, name }) : t('actions.unassigned', { title: this.item.title }));
  }

  async complete(event) {
    event.preventDefault();
    const impactReport = event.target.elements.impact.value.trim();
    const body = { type: 'action.update', status: 'done' };
    if (impactReport) body.impactReport = impactReport;
    if (await this.send(body, t('actions.completed', { title: this.item.title }))) this.completing = false;
  }

  ownerName(id) {
    const name = this.context.names.get(id) ?? t('actions.formerMember');
    return id === this.context.me?.id ? t('members.you', { name }) : name;
  }

  render() {
    const { item, context } = this;
    const mine = item.ownerId === context.me?.id;
    const overdue = OPEN.includes(item.status) && item.dueDate && item.dueDate < context.today;
    const meeting = item.meetingId ? context.meetings.get(item.meetingId) : null;
    return html`<article class="action ${overdue ? 'overdue' : ''}">
      <h3 id=${`action-${item.id}`} class="card-title">${item.title}</h3>
      ${this.owner(mine)}
      ${item.dueDate ? html`<p class=${overdue ? 'due-flag' : 'meta'}>
        ${overdue ? html`<span class="flag-icon" aria-hidden="true">⚠</span>` : null}
        ${t(overdue ? 'actions.overdue' : 'actions.due', { date: formatDay(item.dueDate) })}</p>`
        : html`<p class="meta">${t('actions.noDue')}</p>`}
      ${meeting ? html`<p class="meta">${t(item.agendaItemId ? 'actions.fromAgendaItem' : 'actions.fromMeeting',
        { title: meeting.title, date: formatDate(meeting.startsAt, context.space.timeZone) })}</p>` : null}
      ${item.origin && item.origin !== 'other' ? html`<p class="meta">${t(`actions.origin.${item.origin}`)}</p>` : null}
      ${item.tags?.length ? html`<ul class="tag-list" aria-label=${t('actions.tags')}>
        ${item.tags.map((tag) => html`<li class="tag">${tag}</li>`)}</ul>` : null}
      ${item.status === 'done' && item.impactReport ? html`<p class="impact"><strong>${t('actions.impact')}</strong> ${item.impactReport}</p>` : null}
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${context.writable ? this.controls(mine) : null}
    </article>`;
  }

  owner(mine) {
    const { item, context } = this;
    // Optimistic: while the claim is on its way, the claimer is shown as the owner.
    const ownerId = item.ownerId ?? (this.claiming ? context.me?.id : null);
    if (ownerId) {
      return html`<p class="owner"><span class="meta-label">${t('actions.owner')}</span> <strong>${this.ownerName(ownerId)}</strong>
        ${this.lostTo && !mine ? html`<span class="claim-lost" role="status">${t('actions.claimLost', { name: this.lostTo })}</span>` : null}</p>`;
    }
    if (context.writable && OPEN.includes(item.status)) {
      return html`<p class="owner"><button type="button" class="button claim" @click=${this.claim}
        aria-label=${t('actions.claimItem', { title: item.title })}>${t('actions.claim')}</button></p>`;
    }
    return html`<p class="owner meta">${t('actions.unowned')}</p>`;
  }

  controls(mine) {
    const { item, context } = this;
    if (!OPEN.includes(item.status)) return null;
    if (this.completing) {
      return html`<form class="form compact-form" @submit=${this.complete}>
        <label class="field">${t('actions.impactLabel')}
          <textarea name="impact" rows="3" maxlength="10000"></textarea></label>
        <p class="hint">${t('actions.impactHint')}</p>
        <div class="actions">
          <button type="submit" class="button" ?disabled=${this.busy}>${t('actions.markDone')}</button>
          <button type="button" class="button secondary" @click=${() => { this.completing = false; }}>${t('board.cancel')}</button>
        </div>
      </form>`;
    }
    return html`<div class="actions card-actions">
      <button type="button" class="button secondary" aria-label=${t('actions.completeItem', { title: item.title })}
        @click=${() => { this.completing = true; }}>${t('actions.complete')}</button>
      ${item.ownerId && (mine || context.manages) ? html`<button type="button" class="button secondary" ?disabled=${this.busy}
        aria-label=${t('actions.releaseItem', { title: item.title })} @click=${this.release}>${t('actions.release')}</button>` : null}
      ${context.manages ? html`<label class="field assign">${t('actions.assign')}
        <select ?disabled=${this.busy} @change=${(e) => this.assign(e.target.value)}
          aria-label=${t('actions.assignItem', { title: item.title })}>
          <option value="" ?selected=${!item.ownerId}>${t('actions.nobody')}</option>
          ${context.members.map((m) => html`<option value=${m.userId} ?selected=${m.userId === item.ownerId}>${m.name}</option>`)}
        </select></label>` : null}
    </div>`;
  }
}

customElements.define('cadre-action-card', CadreActionCard);
