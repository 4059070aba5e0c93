// A discussion protocol running in the meeting: the step everyone is on, its prompt and the outputs it leaves, a
// countdown to the step's end on the server's clock (so every screen, a reconnected one too, shows the same time),
// the roles, notes per step co-edited like agenda notes, and the debrief on the team's norms. The meeting's
// facilitator and the team's leads drive it (next, back, more time, pause, end, finish); the server checks again.
import { html } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { CadreElement } from '../ui/cadre-element.js';
import { t, currentLanguage } from '../i18n/i18n.js';
import { get } from '../rest/http.js';
import { minutesOf } from '../protocol/minutes.js';
import { roleName } from '../protocol/protocol-detail.js';
import './shared-text.js';

export class CadreProtocolRunner extends CadreElement {
  static properties = {
    run: { attribute: false },
    agenda: { attribute: false },
    norms: { attribute: false },
    members: { attribute: false },
    viewers: { attribute: false },
    bus: { attribute: false },
    spaceId: { attribute: false },
    meId: { attribute: false },
    drives: { attribute: false }, // the meeting's facilitator or a lead
    writable: { attribute: false },
    now: { attribute: false }, // the server's time, ms
    making: { state: true }, // the output being made into an action item
    error: { state: true },
    busy: { state: true },
    translated: { state: true }, // {protocolId, language, content}: a built-in in the user's language
  };

  /** A step's notes, as edited by anyone: handed to the step's field when it is the one shown. */
  receive(event) {
    if (event.payload.stepIndex === this.run.stepIndex) this.querySelector('cadre-shared-text')?.receive(event);
  }

  /** A built-in is stored in English: shown in the user's language when the library has the same version in it. */
  get content() {
    const translated = this.translated;
    return translated && translated.protocolId === this.run.protocolId && translated.language === currentLanguage()
      ? translated.content : this.run.content;
  }

  async translate() {
    const { protocolId, protocolVersion, content } = this.run;
    const language = currentLanguage();
    const key = `${protocolId}:${language}`;
    if (!protocolId || language === 'en' || this.asked === key) return;
    this.asked = key;
    try {
      const protocol = await get(`/api/protocols/${protocolId}`);
      if (protocol.builtIn && protocol.version === protocolVersion && protocol.content.steps.length === content.steps.length) {
        this.translated = { protocolId, language, content: protocol.content };
      }
    } catch {
      // The run's own words stay.
    }
  }

  get step() {
    return this.content.steps[this.run.stepIndex];
  }

  /** The current step's time left in ms: counted to stepEndsAt while it runs, standing still while paused. */
  get remaining() {
    const run = this.run;
    if (run.state === 'running') return Date.parse(run.stepEndsAt) - this.now;
    return run.remainingMs ?? 0;
  }

  willUpdate(changed) {
    this.translate();
    if (!changed.has('run')) return;
    const before = changed.get('run');
    if (before && (before.stepIndex !== this.run.stepIndex || before.state !== this.run.state)) this.making = null;
  }

  updated(changed) {
    const run = this.run;
    const said = `${run.id}:${run.state}:${run.stepIndex}`;
    if (changed.has('run') && this.said !== undefined && said !== this.said) this.announce(this.where());
    this.said = said;
    // Once per step, when its time runs out (not on every tick after).
    const over = run.state === 'running' && this.remaining < 0;
    const step = `${run.id}:${run.stepIndex}`;
    if (over && this.overSaid !== step) {
      if (this.overSaid !== undefined || this.remaining > -2000) this.announce(t('runner.timeUp', { title: this.step.title }));
      this.overSaid = step;
    }
    if (!over && this.overSaid === step) this.overSaid = null;
  }

  where() {
    const run = this.run;
    if (run.state === 'debrief') return t('runner.debriefNow', { name: this.content.name });
    if (run.state === 'finished') return t('runner.finished', { name: this.content.name });
    const step = t('runner.stepOf', { number: run.stepIndex + 1, count: run.stepsTotal });
    return run.state === 'paused' ? `${step}: ${this.step.title}. ${t('runner.paused')}` : `${step}: ${this.step.title}`;
  }

  command(type, extra = {}) {
    this.error = null;
    this.busy = true;
    return this.bus.command({ type, spaceId: this.spaceId, runId: this.run.id, ...extra })
      .catch((error) => { this.error = error; throw error; })
      .finally(() => { this.busy = false; });
  }

  assign(role, userId) {
    const roles = { ...this.run.roles, [role]: userId || null };
    this.command('protocol.roles', { roles }).then(() => this.announce(t('runner.roleSaved', { role: roleName(role) })), () => {});
  }

  makeAction(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const body = { stepIndex: this.run.stepIndex, title: String(data.get('title')).trim() };
    if (data.get('dueDate')) body.dueDate = data.get('dueDate');
    this.command('protocol.output-action', body).then(() => {
      this.making = null;
      this.announce(t('room.actionCreated', { title: body.title }));
    }, () => {});
  }

  finish(event) {
    event.preventDefault();
    const debrief = String(new FormData(event.target).get('debrief')).trim();
    this.command('protocol.finish', { debrief }).catch(() => {});
  }

  render() {
    const run = this.run;
    const item = run.agendaItemId ? this.agenda.find((i) => i.id === run.agendaItemId) : null;
    return html`<section class="panel runner" aria-labelledby="runner-title">
      <p class="eyebrow">${t('runner.running')}</p>
      <h2 class="panel-title" id="runner-title">${this.content.name}</h2>
      <p class="hint">
        <span class="tag">${t(`protocols.category.${run.category}`)}</span>
        ${item ? t('runner.forItem', { title: item.title }) : null}
      </p>
      ${run.state === 'debrief' ? this.renderDebrief() : this.renderStep()}
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${this.renderRoles()}
      ${this.renderSteps()}
    </section>`;
  }

  renderStep() {
    const run = this.run;
    const step = this.step;
    const left = this.remaining;
    const state = run.state === 'paused' ? 'paused' : left < 0 ? 'over' : 'running';
    const extended = run.steps[run.stepIndex].extendedMinutes;
    const last = run.stepIndex === run.stepsTotal - 1;
    return html`
      <p class="run-step-count">${t('runner.stepOf', { number: run.stepIndex + 1, count: run.stepsTotal })}</p>
      <h3 class="run-step-title">${step.title}</h3>
      <div class="clock run-clock clock-${state}">
        <p class="clock-label" id="run-clock-label">${t(`runner.clock.${state}`)}</p>
        <p class="clock-value" role="timer" aria-labelledby="run-clock-label">${duration(left)}</p>
        <p class="hint">${t('runner.planned', { minutes: minutesOf(step.minMinutes, step.maxMinutes) })}${extended
          ? ` · ${t('runner.extended', { count: extended })}` : ''}</p>
      </div>
      ${step.prompt ? html`<p class="run-prompt">${step.prompt}</p>` : null}
      ${step.outputs.length ? this.renderOutputs(step) : null}
      ${this.drives ? html`<div class="actions run-controls" role="group" aria-label=${t('runner.controls')}>
        <button type="button" class="button secondary" ?disabled=${this.busy || run.stepIndex === 0}
          @click=${() => this.command('protocol.back').catch(() => {})}>${t('runner.back')}</button>
        ${run.state === 'paused'
          ? html`<button type="button" class="button secondary" ?disabled=${this.busy}
              @click=${() => this.command('protocol.resume').catch(() => {})}>${t('runner.resume')}</button>`
          : html`<button type="button" class="button secondary" ?disabled=${this.busy}
              @click=${() => this.command('protocol.pause').catch(() => {})}>${t('runner.pause')}</button>`}
        <button type="button" class="button secondary" ?disabled=${this.busy}
          @click=${() => this.command('protocol.extend', { minutes: 2 }).catch(() => {})}>${t('runner.extend')}</button>
        <button type="button" class="button" ?disabled=${this.busy}
          @click=${() => this.command('protocol.advance').catch(() => {})}>${last ? t('runner.toDebrief') : t('runner.next')}</button>
        ${last ? null : html`<button type="button" class="button secondary" ?disabled=${this.busy}
          @click=${() => this.command('protocol.end').catch(() => {})}>${t('runner.end')}</button>`}
      </div>` : null}
      ${keyed(`${run.id}:${run.stepIndex}`, html`<cadre-shared-text .label=${t('runner.notes', { title: step.title })}
        .item=${{ id: run.id, notes: run.steps[run.stepIndex].notes }} .field=${'notes'} .multiline=${true}
        .target=${{ type: 'protocol.notes', ids: { runId: run.id, stepIndex: run.stepIndex }, presence: `step-${run.stepIndex}` }}
        .bus=${this.bus} .spaceId=${this.spaceId} .meId=${this.meId} .disabled=${!this.writable}
        .editors=${(this.viewers ?? []).filter((v) => v.userId !== this.meId && v.itemId === run.id && v.field === `step-${run.stepIndex}`)}>
      </cadre-shared-text>`)}`;
  }

  renderOutputs(step) {
    return html`<h4 class="subheading">${t('runner.outputs')}</h4>
      <ul class="run-outputs">${step.outputs.map((output) => html`<li>
        <span>${output}</span>
        ${this.drives ? html`<button type="button" class="button small secondary" aria-expanded=${this.making === output ? 'true' : 'false'}
          aria-label=${t('runner.makeActionFrom', { output })} @click=${() => { this.making = this.making === output ? null : output; }}>
          ${t('runner.makeAction')}</button>` : null}
        ${this.making === output ? html`<form class="inline-form" @submit=${(e) => this.makeAction(e)}>
          <label class="field compact"><span>${t('room.actionTitle')}</span><input name="title" required maxlength="200" .value=${output}></label>
          <label class="field compact"><span>${t('runner.due')}</span><input name="dueDate" type="date"></label>
          <button class="button" ?disabled=${this.busy}>${t('room.createAction')}</button>
        </form>` : null}
      </li>`)}</ul>`;
  }

  renderDebrief() {
    const norms = (this.norms ?? []).filter((n) => !n.retiredAt);
    return html`<h3 class="run-step-title">${t('runner.debrief')}</h3>
      <p>${t('runner.debriefPrompt')}</p>
      ${norms.length ? html`<ol class="norm-list">${norms.map((n) => html`<li>${n.text}</li>`)}</ol>` : null}
      ${this.drives ? html`<form class="form" @submit=${(e) => this.finish(e)}>
        <label class="field"><span>${t('runner.debriefField')}</span>
          <textarea name="debrief" rows="4" maxlength="10000" required></textarea></label>
        <div class="actions">
          <button type="button" class="button secondary" ?disabled=${this.busy}
            @click=${() => this.command('protocol.back').catch(() => {})}>${t('runner.backToSteps')}</button>
          <button class="button" ?disabled=${this.busy}>${t('runner.finish')}</button>
        </div>
      </form>` : html`<p class="hint">${t('runner.debriefByFacilitator')}</p>`}`;
  }

  renderRoles() {
    const roles = this.content.roles ?? [];
    if (!roles.length) return null;
    const names = new Map((this.members ?? []).map((m) => [m.userId, m.name]));
    return html`<h3 class="subheading">${t('protocols.roles')}</h3>
      ${this.drives
        ? html`<div class="item-fields run-roles">${roles.map((role) => html`<label class="field compact"><span>${roleName(role)}</span>
            <select ?disabled=${this.busy} @change=${(e) => this.assign(role, e.target.value)}>
              <option value="" ?selected=${!this.run.roles[role]}>${t('room.none')}</option>
              ${(this.members ?? []).map((m) => html`<option value=${m.userId} ?selected=${this.run.roles[role] === m.userId}>${m.name}</option>`)}
            </select></label>`)}</div>`
        : html`<ul class="run-roles-list">${roles.map((role) => html`<li><span class="tag">${roleName(role)}</span>
            ${names.get(this.run.roles[role]) ?? t('runner.unassigned')}</li>`)}</ul>`}`;
  }

  renderSteps() {
    const run = this.run;
    return html`<details class="run-steps">
      <summary>${t('runner.allSteps', { count: run.stepsTotal })}</summary>
      <ol>${this.content.steps.map((step, index) => {
        const state = run.state === 'debrief' || index < run.stepIndex ? 'done' : index === run.stepIndex ? 'now' : 'next';
        return html`<li class="run-step-${state}" aria-current=${state === 'now' ? 'step' : 'false'}>
          ${step.title} <span class="hint">${minutesOf(step.minMinutes, step.maxMinutes)} · ${t(`runner.stepState.${state}`)}</span></li>`;
      })}</ol>
    </details>`;
  }
}

/** m:ss of a time left, or of the time over once it is negative (the words around it say which). */
function duration(ms) {
  const seconds = ms >= 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

customElements.define('cadre-protocol-runner', CadreProtocolRunner);
