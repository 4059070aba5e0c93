// /reset-password?token=: the emailed link. Sets a new password once; every session of the account ends, so the
// person signs in again with it.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { errorSummary, field, submitForm } from './auth-form.js';

export class CadreResetPasswordPage extends CadreElement {
  static properties = { token: { attribute: false }, done: { state: true }, error: { state: true }, busy: { state: true } };

  async submit(event) {
    event.preventDefault();
    await submitForm(this, async () => {
      await post('/api/auth/password-reset/confirm', { token: this.token ?? '', newPassword: new FormData(event.target).get('newPassword') });
      this.done = true;
    });
  }

  render() {
    // A bad link is the page's problem, not a field's: it offers a new one.
    const linkBad = this.error?.field === 'token';
    return html`<section class="page narrow">
      <h1 class="page-title">${t('reset.title')}</h1>
      ${this.done ? html`<p class="lead-text" role="status">${t('reset.done')}</p>
          <p><a class="button" href="/sign-in">${t('auth.signIn')}</a></p>`
        : html`${errorSummary(this.error)}
          ${linkBad ? html`<p><a href="/forgot-password">${t('reset.askAgain')}</a></p>` : html`
          <form class="form" @submit=${this.submit} novalidate>
            ${field({ name: 'newPassword', label: t('reset.newPassword'), type: 'password', autocomplete: 'new-password',
              hint: t('auth.passwordHint'), error: this.error })}
            <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? t('auth.working') : t('reset.save')}</button>
          </form>`}`}
    </section>`;
  }
}

customElements.define('cadre-reset-password-page', CadreResetPasswordPage);
