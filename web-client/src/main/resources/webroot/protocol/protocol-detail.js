// One protocol as a facilitator reads it before a meeting: purpose, category, roles and each step with its minutes,
// prompt and the outputs it leaves. Copy, edit and archive are asked of the tab by events.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { minutesOf } from './minutes.js';

export class CadreProtocolDetail extends CadreElement {
  static properties = {
    protocol: { attribute: false },
    canCopy: { attribute: false },
    canEdit: { attribute: false },
    busy: { attribute: false },
  };

  fire(name) {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true }));
  }

  render() {
    const p = this.protocol;
    const c = p.content;
    const minutes = (step) => minutesOf(step.minMinutes, step.maxMinutes);
    return html`<article class="panel protocol-detail" aria-labelledby="protocol-title">
      <p><button type="button" class="button secondary small" @click=${() => this.fire('protocol-back')}>${t('protocols.back')}</button></p>
      <h2 id="protocol-title" class="panel-title" tabindex="-1">${c.name}</h2>
      <p>
        <span class="tag">${t(`protocols.category.${c.category}`)}</span>
        <span class="hint">${p.builtIn ? t('protocols.builtIn') : t('protocols.version', { version: p.version })}</span>
      </p>
      <h3 class="subheading">${t('protocols.purpose')}</h3>
      <p>${c.purpose}</p>
      ${c.roles.length ? html`<h3 class="subheading">${t('protocols.roles')}</h3>
        <ul class="protocol-roles">${c.roles.map((role) => html`<li class="tag">${roleName(role)}</li>`)}</ul>` : null}
      <h3 class="subheading">${t('protocols.steps')}</h3>
      <ol class="protocol-steps">
        ${c.steps.map((step) => html`<li class="protocol-step">
          <h4 class="protocol-step-title">${step.title} <span class="hint">${minutes(step)}</span></h4>
          ${step.prompt ? html`<p>${step.prompt}</p>` : null}
          ${step.outputs.length ? html`<p class="protocol-outputs-label">${t('protocols.outputs')}</p>
            <ul>${step.outputs.map((output) => html`<li>${output}</li>`)}</ul>` : null}
        </li>`)}
      </ol>
      <div class="actions">
        ${this.canCopy && !this.canEdit ? html`<button type="button" class="button" ?disabled=${this.busy}
          @click=${() => this.fire('protocol-copy')}>${t('protocols.copy')}</button>` : null}
        ${this.canEdit ? html`
          <button type="button" class="button" ?disabled=${this.busy} @click=${() => this.fire('protocol-edit')}>${t('protocols.edit')}</button>
          <button type="button" class="button danger" ?disabled=${this.busy} @click=${() => this.fire('protocol-archive')}>${t('protocols.archive')}</button>` : null}
      </div>
    </article>`;
  }
}

/** The four usual roles are translated; a role a space wrote itself is shown as written. */
const ROLES = ['facilitator', 'recorder', 'timekeeper', 'presenter'];
export const roleName = (role) => (ROLES.includes(role) ? t(`protocols.role.${role}`) : role);

customElements.define('cadre-protocol-detail', CadreProtocolDetail);
