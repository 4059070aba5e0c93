// Whether this server sends email (GET /api/mail), asked once per page load, and the notice screens show when it
// does not: without an SMTP server there are no emailed invitations, reminders or password resets.
import { html } from 'lit';
import { t } from '../i18n/i18n.js';
import { get } from '../rest/http.js';

let status;

/** Resolves to true or false; a failed look-up counts as off, so no screen promises mail it cannot send. */
export function mailEnabled() {
  status ??= get('/api/mail').then(({ enabled }) => enabled, () => { status = undefined; return false; });
  return status;
}

export const mailOff = (message) => html`<p class="notice mail-off">${message ?? t('mail.off')}</p>`;
