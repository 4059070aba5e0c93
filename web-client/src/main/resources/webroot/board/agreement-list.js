// Agreements and policies: each shows its status as a stepper (discussed, outlined, adopted, retired; it only moves
// forward, as the server insists), its review cadence, and, when a review is due, says so in words and with an icon.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';
import { run } from './board-state.js';

const STEPS = ['discussed', 'outlined', 'adopted', 'retired'];
const DAY_MS = 86_400_000;

export class CadreAgreementList extends CadreElement {
  static properties = {
    agreements: { attribute: false },
    props: { attribute: false },
    error: { state: true },
    busy: { state: true },
    adding: { state: true },
  };

  get writable() {
    return ['write', 'manage'].includes(this.props.space.access);
  }

  async send(body, done) {
    this.busy = true;
    this.error = null;
    try {
      await run(this.props.bus, this.props.state, body);
      this.announce(done);
      return true;
    } catch (error) {
      this.error = error;
      return false;
    } finally {
      this.busy = false;
    }
  }

  async add(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const body = { type: 'agreement.create', title: data.get('title').trim(), kind: data.get('kind'), status: 'discussed' };
    const description = data.get('description').trim();
    if (description) body.description = description;
    if (data.get('every')) body.reviewEveryDays = Number(data.get('every'));
    if (await this.send(body, t('agreements.added', { title: body.title }))) {
      form.reset();
      this.adding = false;
    }
  }

  advance(agreement, status) {
    this.send({ type: 'agreement.update', agreementId: agreement.id, status },
      t('agreements.advanced', { title: agreement.title, status: t(`agreements.step.${status}`) }));
  }

  saveCadence(event, agreement) {
    event.preventDefault();
    const value = event.target.elements.every.value;
    this.send({ type: 'agreement.update', agreementId: agreement.id, reviewEveryDays: value ? Number(value) : null },
      t('agreements.cadenceSaved', { title: agreement.title }));
  }

  /** When the next review is due: from the last review (or the adoption) plus the cadence; null if none is expected. */
  dueAt(agreement) {
    if (agreement.status !== 'adopted' || !agreement.reviewEveryDays) return null;
    const last = (agreement.reviews ?? []).map((r) => Date.parse(r.at)).reduce((a, b) => Math.max(a, b), 0)
      || Date.parse(agreement.adoptedAt ?? agreement.createdAt);
    return last + agreement.reviewEveryDays * DAY_MS;
  }

  render() {
    const list = this.agreements;
    return html`<section class="panel" aria-labelledby="agreements-heading">
      <h2 id="agreements-heading" class="panel-title">${t('agreements.title')}</h2>
      ${this.error ? html`<p class="field-error" role="alert">${this.error.message}</p>` : null}
      ${list.length === 0 ? html`<p class="state-inline">${t(this.writable ? 'agreements.empty' : 'agreements.emptyReadOnly')}</p>`
        : html`<ul class="card-list">${list.map((agreement) => this.card(agreement))}</ul>`}
      ${this.writable ? this.addForm() : null}
    </section>`;
  }

  addForm() {
    if (!this.adding) {
      return html`<button type="button" class="button secondary" @click=${() => { this.adding = true; }}>${t('agreements.new')}</button>`;
    }
    return html`<form class="form boxed" @submit=${this.add}>
      <label class="field">${t('agreements.titleLabel')}<input name="title" type="text" maxlength="200" required></label>
      <label class="field">${t('agreements.kindLabel')}
        <select name="kind"><option value="agreement">${t('agreements.kind.agreement')}</option>
          <option value="policy">${t('agreements.kind.policy')}</option></select></label>
      <label class="field">${t('agreements.descriptionLabel')}<textarea name="description" rows="3" maxlength="10000"></textarea></label>
      <label class="field">${t('agreements.everyLabel')}<input name="every" type="number" min="1" max="3660" inputmode="numeric"></label>
      <div class="actions">
        <button type="submit" class="button" ?disabled=${this.busy}>${t('agreements.create')}</button>
        <button type="button" class="button secondary" @click=${() => { this.adding = false; }}>${t('board.cancel')}</button>
      </div>
    </form>`;
  }

  card(agreement) {
    const at = STEPS.indexOf(agreement.status);
    const next = STEPS[at + 1];
    const due = this.dueAt(agreement);
    const overdue = due !== null && due <= this.props.bus.now();
    const zone = this.props.space.timeZone;
    const headingId = `agreement-${agreement.id}`;
    return html`<li class="card agreement ${overdue ? 'review-due' : ''}" aria-labelledby=${headingId}>
      <div class="card-head">
        <h3 id=${headingId} class="card-title">${agreement.title}</h3>
        <span class="tag">${t(`agreements.kind.${agreement.kind}`)}</span>
      </div>
      ${agreement.description ? html`<p class="card-body">${agreement.description}</p>` : null}
      <ol class="stepper" aria-label=${t('agreements.stepsLabel', { title: agreement.title })}>
        ${STEPS.map((step, i) => html`<li class="step ${i < at ? 'past' : i === at ? 'current' : 'future'}"
          aria-current=${i === at ? 'step' : 'false'}>
          <span class="step-mark" aria-hidden="true">${i < at ? '✓' : i + 1}</span>
          <span>${t(`agreements.step.${step}`)}</span>
          ${i === at ? html`<span class="visually-hidden">${t('agreements.currentStep')}</span>` : null}
        </li>`)}
      </ol>
      <p class="meta">${agreement.reviewEveryDays
        ? t('agreements.cadence', { count: agreement.reviewEveryDays }) : t('agreements.noCadence')}
        ${(agreement.reviews ?? []).length ? html` · ${t('agreements.lastReview', {
          date: formatDate(agreement.reviews.at(-1).at, zone) })}` : null}</p>
      ${due !== null ? html`<p class=${overdue ? 'due-flag' : 'meta'}>
        ${overdue ? html`<span class="flag-icon" aria-hidden="true">⚠</span>` : null}
        ${t(overdue ? 'agreements.reviewDue' : 'agreements.nextReview', { date: formatDate(new Date(due).toISOString(), zone) })}</p>` : null}
      ${this.writable && agreement.status !== 'retired' ? html`<div class="actions">
        ${next ? html`<button type="button" class="button secondary" ?disabled=${this.busy}
          aria-label=${t(`agreements.moveToItem.${next}`, { title: agreement.title })} @click=${() => this.advance(agreement, next)}>${t(`agreements.moveTo.${next}`)}</button>` : null}
        <form class="inline-form compact" @submit=${(e) => this.saveCadence(e, agreement)}>
          <label class="field">${t('agreements.everyShort')}
            <input name="every" type="number" min="1" max="3660" inputmode="numeric" .value=${String(agreement.reviewEveryDays ?? '')}></label>
          <button type="submit" class="button secondary" ?disabled=${this.busy}
            aria-label=${t('agreements.saveCadence', { title: agreement.title })}>${t('board.save')}</button>
        </form>
      </div>` : null}
    </li>`;
  }
}

customElements.define('cadre-agreement-list', CadreAgreementList);
