// /register[?next=...]: creates the account, which also signs in.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { errorSummary, field, submitForm } from './auth-form.js';

export class CadreRegisterPage extends CadreElement {
  static properties = { next: { attribute: false }, error: { state: true }, busy: { state: true } };

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const body = { name: form.get('name'), email: form.get('email'), password: form.get('password') };
    if (form.get('organization')) body.organization = form.get('organization');
    await submitForm(this, async () => {
      await post('/api/auth/register', body);
      this.dispatchEvent(new CustomEvent('cadre-signed-in', { bubbles: true }));
    });
  }

  render() {
    const query = this.next ? `?next=${encodeURIComponent(this.next)}` : '';
    return html`<section class="page narrow">
      <h1 class="page-title">${t('auth.registerTitle')}</h1>
      ${this.next?.startsWith('/join/') ? html`<p class="lead-text">${t('join.signInFirst')}</p>` : null}
      ${errorSummary(this.error)}
      <form class="form" @submit=${this.submit} novalidate>
        ${field({ name: 'name', label: t('auth.name'), autocomplete: 'name', error: this.error })}
        ${field({ name: 'email', label: t('auth.email'), type: 'email', autocomplete: 'email', error: this.error })}
        ${field({ name: 'password', label: t('auth.password'), type: 'password', autocomplete: 'new-password',
          hint: t('auth.passwordHint'), error: this.error })}
        ${field({ name: 'organization', label: t('auth.organization'), autocomplete: 'organization', error: this.error, required: false })}
        <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? t('auth.working') : t('auth.register')}</button>
      </form>
      <p>${t('auth.haveAccount')} <a href="/sign-in${query}">${t('auth.toSignIn')}</a></p>
    </section>`;
  }
}

customElements.define('cadre-register-page', CadreRegisterPage);
