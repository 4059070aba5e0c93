// Starting a discussion protocol in the meeting room: which protocol (the built-in library, the team's own and those
// of the spaces above it) and, when it serves one, which agenda item. Shown to the meeting's facilitator and the
// team's leads; the server checks again. The room bumps `revision` when one of the team's protocols is saved or
// archived, and the list is read again, so what it offers is what protocol.start would run (the latest version).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { minutesOf } from '../protocol/minutes.js';

export class CadreRunStart extends CadreElement {
  static properties = {
    meeting: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    revision: { attribute: false },
    protocols: { state: true },
    chosen: { state: true },
    error: { state: true },
    busy: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('spaceId') || changed.has('revision')) this.load();
  }

  async load() {
    try {
      this.protocols = (await get(`/api/spaces/${this.spaceId}/protocols`)).protocols;
    } catch (error) {
      this.error = error;
    }
  }

  start(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const body = { type: 'protocol.start', spaceId: this.spaceId, meetingId: this.meeting.id, protocolId: data.get('protocolId') };
    if (data.get('agendaItemId')) body.agendaItemId = data.get('agendaItemId');
    this.busy = true;
    this.error = null;
    const name = this.protocols.find((p) => p.id === body.protocolId)?.name ?? '';
    this.bus.command(body).then(() => this.announce(t('runner.started', { name })),
      (error) => { this.error = error; }).finally(() => { this.busy = false; });
  }

  render() {
    const protocols = this.protocols ?? [];
    const chosen = protocols.find((p) => p.id === this.chosen) ?? protocols[0];
    const steps = chosen?.content.steps ?? [];
    const sum = (field) => steps.reduce((total, step) => total + step[field], 0);
    return html`<form class="form run-start" @submit=${(e) => this.start(e)}>
      <p class="hint">${t('runner.startHint')}</p>
      <label class="field"><span>${t('runner.protocol')}</span>
        <select name="protocolId" required ?disabled=${!this.protocols} aria-describedby="run-start-length"
          @change=${(e) => { this.chosen = e.target.value; }}>
          ${protocols.map((p) => html`<option value=${p.id} ?selected=${p === chosen}>${p.name}${p.builtIn ? '' : ` (${t('protocols.version', { version: p.version })})`}</option>`)}
        </select></label>
      <p class="hint" id="run-start-length">${chosen ? t('runner.length', { count: steps.length, minutes: minutesOf(sum('minMinutes'), sum('maxMinutes')) }) : ''}</p>
      <label class="field"><span>${t('runner.item')}</span>
        <select name="agendaItemId">
          <option value="">${t('room.none')}</option>
          ${this.meeting.agenda.map((item) => html`<option value=${item.id}>${item.title}</option>`)}
        </select></label>
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      <button class="button" ?disabled=${this.busy || !this.protocols}>${t('runner.start')}</button>
    </form>`;
  }
}

customElements.define('cadre-run-start', CadreRunStart);
