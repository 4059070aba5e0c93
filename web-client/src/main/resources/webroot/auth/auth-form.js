// What the account forms (sign in, register, forgot and reset password) share: a GOV.UK-style error summary that
// takes focus, fields that name the error next to them, and one way to submit.
import { html } from 'lit';
import { t } from '../i18n/i18n.js';

export function errorSummary(error) {
  if (!error) return null;
  return html`<div class="error-summary" role="alert" tabindex="-1">
    <h2 class="error-summary-title">${t('auth.errorSummary')}</h2>
    <p>${error.field ? html`<a href="#field-${error.field}">${error.message}</a>` : error.message}</p>
  </div>`;
}

export function field({ name, label, type = 'text', autocomplete, hint, error, required = true }) {
  const invalid = error?.field === name;
  const describedBy = [hint ? `hint-${name}` : '', invalid ? `error-${name}` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${invalid ? 'field-invalid' : ''}">
    <label for="field-${name}">${label}</label>
    ${hint ? html`<p id="hint-${name}" class="hint">${hint}</p>` : null}
    ${invalid ? html`<p id="error-${name}" class="field-error"><span class="visually-hidden">${t('auth.errorSummary')}: </span>${error.message}</p>` : null}
    <input id="field-${name}" name=${name} type=${type} autocomplete=${autocomplete ?? 'off'} ?required=${required}
      aria-invalid=${invalid ? 'true' : 'false'} aria-describedby=${describedBy || undefined}>
  </div>`;
}

/** Puts focus on the error summary once it is shown. */
export async function focusSummary(element) {
  await element.updateComplete;
  element.querySelector('.error-summary')?.focus();
}

/**
 * Runs a form's request with `element.busy` set meanwhile; a failure becomes `element.error` and its summary takes
 * focus. `work` sends the request and does whatever follows its success.
 */
export async function submitForm(element, work) {
  element.busy = true;
  element.error = null;
  try {
    await work();
  } catch (error) {
    element.error = error;
    focusSummary(element);
  } finally {
    element.busy = false;
  }
}
