// /forgot-password: asks for a reset link by email. The answer is the same whether or not the address has an
// account, so the page never tells; when the server sends no email it says so and offers nothing to submit.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { errorSummary, field, submitForm } from './auth-form.js';
import { mailEnabled, mailOff } from '../notify/mail-status.js';
import { loading } from '../ui/states.js';

export class CadreForgotPasswordPage extends CadreElement {
  static properties = { enabled: { state: true }, sent: { state: true }, error: { state: true }, busy: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    mailEnabled().then((enabled) => { this.enabled = enabled; });
  }

  async submit(event) {
    event.preventDefault();
    const email = new FormData(event.target).get('email');
    await submitForm(this, async () => {
      await post('/api/auth/password-reset', { email });
      this.sent = email;
    });
  }

  render() {
    let body;
    if (this.enabled === undefined) body = loading();
    else if (!this.enabled) body = mailOff(t('reset.mailOff'));
    else if (this.sent) body = html`<p class="lead-text" role="status">${t('reset.sent', { email: this.sent })}</p>`;
    else {
      body = html`<p class="lead-text">${t('reset.intro')}</p>
        ${errorSummary(this.error)}
        <form class="form" @submit=${this.submit} novalidate>
          ${field({ name: 'email', label: t('auth.email'), type: 'email', autocomplete: 'username', error: this.error })}
          <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? t('auth.working') : t('reset.send')}</button>
        </form>`;
    }
    return html`<section class="page narrow">
      <h1 class="page-title">${t('reset.forgotTitle')}</h1>
      ${body}
      <p><a href="/sign-in">${t('reset.backToSignIn')}</a></p>
    </section>`;
  }
}

customElements.define('cadre-forgot-password-page', CadreForgotPasswordPage);
