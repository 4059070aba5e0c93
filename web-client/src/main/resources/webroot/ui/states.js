// The loading, empty, error and not-found states every screen shows in the same way.
import { html } from 'lit';
import { t } from '../i18n/i18n.js';

export const loading = () => html`<p class="state state-loading" role="status">${t('app.loading')}</p>`;

export const empty = (message, action = null) => html`<div class="state state-empty"><p>${message}</p>${action}</div>`;

export const failed = (error, retry) => html`<div class="state state-error" role="alert">
  <h2 class="state-title">${t('app.errorTitle')}</h2>
  <p>${error?.message ?? t('errors.unknown')}</p>
  ${retry ? html`<button type="button" class="button" @click=${retry}>${t('app.retry')}</button>` : null}
</div>`;

export const notFound = () => html`<div class="state state-empty">
  <h1 class="state-title">${t('app.notFoundTitle')}</h1>
  <p>${t('app.notFoundBody')}</p>
  <a class="button" href="/spaces">${t('app.backToSpaces')}</a>
</div>`;
