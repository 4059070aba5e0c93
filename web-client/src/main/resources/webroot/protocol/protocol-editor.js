// The editor of a space's own protocol: its name, purpose, category and roles, and its steps, which can be added,
// removed and moved up or down with buttons (so the keyboard does all of it). Saving sends the whole content; the
// server answers a 400 naming the field, shown at the top and on that field.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

const CATEGORIES = ['data', 'instruction', 'planning', 'reflection', 'other'];

export class CadreProtocolEditor extends CadreElement {
  static properties = {
    content: { attribute: false },
    error: { attribute: false },
    busy: { attribute: false },
    isNew: { attribute: false },
    steps: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('content')) this.steps = this.content.steps.map((step) => ({ ...step, outputs: [...step.outputs] }));
  }

  updated(changed) {
    if (changed.has('error') && this.error) this.querySelector('.error-summary')?.focus();
  }

  move(index, by) {
    const steps = [...this.steps];
    const [step] = steps.splice(index, 1);
    steps.splice(index + by, 0, step);
    this.steps = steps;
    this.announce(t('protocols.moved', { title: step.title || t('protocols.stepNumber', { number: index + by + 1 }), position: index + by + 1 }));
    const target = index + by;
    this.updateComplete.then(() => {
      const button = this.querySelector(`[data-step="${target}"] [data-move="${by < 0 ? 'up' : 'down'}"]`);
      (button && !button.disabled ? button : this.querySelector(`[data-step="${target}"] input`))?.focus();
    });
  }

  removeStep(index) {
    this.steps = this.steps.filter((_, i) => i !== index);
    this.announce(t('protocols.removed', { number: index + 1 }));
    this.updateComplete.then(() => this.querySelector(`[data-step="${Math.max(0, index - 1)}"] input`)?.focus()
      ?? this.querySelector('.protocol-add-step')?.focus());
  }

  add() {
    this.steps = [...this.steps, { title: '', minMinutes: 5, maxMinutes: 10, prompt: '', outputs: [] }];
    const index = this.steps.length - 1;
    this.updateComplete.then(() => this.querySelector(`[data-step="${index}"] input`)?.focus());
  }

  change(index, field, value) {
    this.steps = this.steps.map((step, i) => (i === index ? { ...step, [field]: value } : step));
  }

  submit(e) {
    e.preventDefault();
    const form = new FormData(e.target);
    const number = (value) => (value === '' ? null : Number(value));
    this.dispatchEvent(new CustomEvent('protocol-save', {
      bubbles: true,
      detail: {
        name: form.get('name'),
        purpose: form.get('purpose'),
        category: form.get('category'),
        roles: String(form.get('roles')).split(',').map((role) => role.trim()).filter(Boolean),
        steps: this.steps.map((step) => ({
          title: step.title,
          minMinutes: number(step.minMinutes),
          maxMinutes: number(step.maxMinutes),
          prompt: step.prompt,
          outputs: String(step.outputs.join('\n')).split('\n').map((line) => line.trim()).filter(Boolean),
        })),
      },
    }));
  }

  invalid(field) {
    return this.error?.field === field;
  }

  stepFields(step, index) {
    const id = (field) => `protocol-step-${index}-${field}`;
    const at = (field) => `steps[${index}].${field}`;
    const last = index === this.steps.length - 1;
    return html`<fieldset class="protocol-step-edit" data-step=${index}>
      <legend>${t('protocols.stepNumber', { number: index + 1 })}</legend>
      <label class="field ${this.invalid(at('title')) ? 'field-invalid' : ''}" for=${id('title')}>${t('protocols.stepTitle')}
        <input id=${id('title')} .value=${step.title} maxlength="120" required aria-invalid=${this.invalid(at('title')) ? 'true' : 'false'}
          @input=${(e) => this.change(index, 'title', e.target.value)}></label>
      <div class="protocol-minutes">
        <label class="field ${this.invalid(at('minMinutes')) ? 'field-invalid' : ''}" for=${id('min')}>${t('protocols.minMinutes')}
          <input id=${id('min')} type="number" min="0" max="600" .value=${String(step.minMinutes ?? '')}
            aria-invalid=${this.invalid(at('minMinutes')) ? 'true' : 'false'}
            @input=${(e) => this.change(index, 'minMinutes', e.target.value)}></label>
        <label class="field ${this.invalid(at('maxMinutes')) ? 'field-invalid' : ''}" for=${id('max')}>${t('protocols.maxMinutes')}
          <input id=${id('max')} type="number" min="0" max="600" .value=${String(step.maxMinutes ?? '')}
            aria-invalid=${this.invalid(at('maxMinutes')) ? 'true' : 'false'}
            @input=${(e) => this.change(index, 'maxMinutes', e.target.value)}></label>
      </div>
      <label class="field" for=${id('prompt')}>${t('protocols.prompt')}
        <textarea id=${id('prompt')} maxlength="2000" .value=${step.prompt} @input=${(e) => this.change(index, 'prompt', e.target.value)}></textarea></label>
      <label class="field" for=${id('outputs')}>${t('protocols.outputsField')}
        <span class="hint">${t('protocols.outputsHint')}</span>
        <textarea id=${id('outputs')} .value=${step.outputs.join('\n')}
          @input=${(e) => this.change(index, 'outputs', e.target.value.split('\n'))}></textarea></label>
      <div class="actions">
        <button type="button" class="button secondary small" data-move="up" ?disabled=${index === 0} @click=${() => this.move(index, -1)}
          aria-label=${t('protocols.moveUpLabel', { number: index + 1 })}>${t('protocols.moveUp')}</button>
        <button type="button" class="button secondary small" data-move="down" ?disabled=${last} @click=${() => this.move(index, 1)}
          aria-label=${t('protocols.moveDownLabel', { number: index + 1 })}>${t('protocols.moveDown')}</button>
        <button type="button" class="button danger small" ?disabled=${this.steps.length === 1} @click=${() => this.removeStep(index)}
          aria-label=${t('protocols.removeLabel', { number: index + 1 })}>${t('protocols.remove')}</button>
      </div>
    </fieldset>`;
  }

  render() {
    const c = this.content;
    return html`<section class="panel protocol-editor" aria-labelledby="protocol-editor-title">
      <h2 id="protocol-editor-title" class="panel-title">${this.isNew ? t('protocols.newTitle') : t('protocols.editTitle', { name: c.name })}</h2>
      ${this.error ? html`<div class="error-summary" role="alert" tabindex="-1">
        <p class="error-summary-title">${t('protocols.fixField')}</p><p>${this.error.message}</p></div>` : null}
      <form class="form" @submit=${this.submit} novalidate>
        <label class="field ${this.invalid('name') ? 'field-invalid' : ''}" for="protocol-name">${t('protocols.name')}
          <input id="protocol-name" name="name" .value=${c.name} maxlength="120" required
            aria-invalid=${this.invalid('name') ? 'true' : 'false'}></label>
        <label class="field" for="protocol-purpose">${t('protocols.purpose')}
          <textarea id="protocol-purpose" name="purpose" maxlength="2000" .value=${c.purpose}></textarea></label>
        <label class="field" for="protocol-category">${t('protocols.categoryField')}
          <select id="protocol-category" name="category">
            ${CATEGORIES.map((key) => html`<option value=${key} ?selected=${key === c.category}>${t(`protocols.category.${key}`)}</option>`)}
          </select></label>
        <label class="field" for="protocol-roles">${t('protocols.roles')}
          <span class="hint">${t('protocols.rolesHint')}</span>
          <input id="protocol-roles" name="roles" .value=${c.roles.join(', ')}></label>
        <h3 class="subheading">${t('protocols.steps')}</h3>
        ${this.steps.map((step, index) => this.stepFields(step, index))}
        <p><button type="button" class="button secondary protocol-add-step" @click=${() => this.add()}>${t('protocols.addStep')}</button></p>
        <div class="actions">
          <button type="submit" class="button" ?disabled=${this.busy}>${t('protocols.save')}</button>
          <button type="button" class="button secondary" @click=${() => this.dispatchEvent(new CustomEvent('protocol-cancel', { bubbles: true }))}>${t('protocols.cancel')}</button>
        </div>
      </form>
    </section>`;
  }
}

customElements.define('cadre-protocol-editor', CadreProtocolEditor);
