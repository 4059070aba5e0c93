// Decisions recorded in the meeting, and the feedback people give on it.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

const KINDS = ['implication', 'goal-adjustment', 'strategy-adjustment', 'agreement', 'policy', 'other'];
const METHODS = ['consensus', 'consent', 'vote', 'fist-to-five', 'leader', 'unrecorded'];
const FEEDBACK = ['warm', 'critical', 'probing-question'];

export class CadreRoomDecisions extends CadreElement {
  static properties = {
    meeting: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    readOnly: { attribute: false },
    error: { state: true },
  };

  submit(event, body) {
    event.preventDefault();
    const form = event.target;
    this.error = null;
    this.bus.command({ spaceId: this.spaceId, meetingId: this.meeting.id, ...body })
      .then(() => form.reset(), (error) => { this.error = { ...error, form: body.type }; });
  }

  decide(event) {
    const data = new FormData(event.target);
    const body = { type: 'decision.record', text: String(data.get('text')).trim(), kind: data.get('kind'), method: data.get('method') };
    if (data.get('agendaItemId')) body.agendaItemId = data.get('agendaItemId');
    this.submit(event, body);
  }

  feedback(event) {
    const data = new FormData(event.target);
    const body = { type: 'feedback.record', kind: data.get('kind') };
    const note = String(data.get('note')).trim();
    if (note) body.note = note;
    this.submit(event, body);
  }

  errorFor(type, field) {
    const e = this.error;
    return e && e.form === type && (e.field === field || (!e.field && field === null))
      ? html`<span class="field-error">${e.message}</span>` : null;
  }

  render() {
    const m = this.meeting;
    const items = new Map(m.agenda.map((i) => [i.id, i.title]));
    return html`<h2 class="panel-title">${t('room.decisions')}</h2>
      ${m.decisions.length ? html`<ul class="decision-list">${m.decisions.map((d) => html`<li>
        <p>${d.text}</p>
        <p class="hint">${t(`room.decisionKind.${d.kind}`)} · ${t(`room.method.${d.method}`)}${d.agendaItemId && items.has(d.agendaItemId)
          ? ` · ${items.get(d.agendaItemId)}` : ''}</p></li>`)}</ul>` : html`<p class="hint">${t('room.noDecisions')}</p>`}
      ${this.readOnly ? null : html`<form class="form" @submit=${(e) => this.decide(e)}>
        <label class="field"><span>${t('room.decisionText')}</span><textarea name="text" required maxlength="10000" rows="2"></textarea>
          ${this.errorFor('decision.record', 'text')}</label>
        <label class="field"><span>${t('room.decisionKindLabel')}</span><select name="kind">
          ${KINDS.map((k) => html`<option value=${k}>${t(`room.decisionKind.${k}`)}</option>`)}</select></label>
        <label class="field"><span>${t('room.methodLabel')}</span><select name="method">
          ${METHODS.map((k) => html`<option value=${k}>${t(`room.method.${k}`)}</option>`)}</select></label>
        <label class="field"><span>${t('room.decisionItem')}</span><select name="agendaItemId">
          <option value="">${t('room.none')}</option>
          ${m.agenda.map((i) => html`<option value=${i.id}>${i.title}</option>`)}</select>
          ${this.errorFor('decision.record', 'agendaItemId')}</label>
        ${this.errorFor('decision.record', null)}
        <button class="button">${t('room.recordDecision')}</button>
      </form>`}
      <h3 class="subheading">${t('room.feedback')}</h3>
      <p class="hint">${t('room.feedbackCount', { count: m.feedback.length })}</p>
      ${this.readOnly ? null : html`<form class="form" @submit=${(e) => this.feedback(e)}>
        <label class="field"><span>${t('room.feedbackKind')}</span><select name="kind">
          ${FEEDBACK.map((k) => html`<option value=${k}>${t(`room.feedbackKinds.${k}`)}</option>`)}</select></label>
        <label class="field"><span>${t('room.feedbackNote')}</span><textarea name="note" maxlength="2000" rows="2"></textarea>
          ${this.errorFor('feedback.record', 'note')}</label>
        ${this.errorFor('feedback.record', null)}
        <button class="button secondary">${t('room.giveFeedback')}</button>
      </form>`}`;
  }
}

customElements.define('cadre-room-decisions', CadreRoomDecisions);
