// /sign-in[?next=...]: email and password; on success the shell loads the session and goes to `next`.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { errorSummary, field, focusSummary } from './auth-form.js';

export class CadreSignInPage extends CadreElement {
  static properties = { next: { attribute: false }, error: { state: true }, busy: { state: true } };

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    this.busy = true;
    this.error = null;
    try {
      await post('/api/auth/login', { email: form.get('email'), password: form.get('password') });
      this.dispatchEvent(new CustomEvent('cadre-signed-in', { bubbles: true }));
    } catch (error) {
      this.error = error;
      focusSummary(this);
    } finally {
      this.busy = false;
    }
  }

  render() {
    const query = this.next ? `?next=${encodeURIComponent(this.next)}` : '';
    return html`<section class="page narrow">
      <h1 class="page-title">${t('auth.signInTitle')}</h1>
      ${this.next?.startsWith('/join/') ? html`<p class="lead-text">${t('join.signInFirst')}</p>` : null}
      ${errorSummary(this.error)}
      <form class="form" @submit=${this.submit} novalidate>
        ${field({ name: 'email', label: t('auth.email'), type: 'email', autocomplete: 'username', error: this.error })}
        ${field({ name: 'password', label: t('auth.password'), type: 'password', autocomplete: 'current-password', error: this.error })}
        <button type="submit" class="button" ?disabled=${this.busy}>${this.busy ? t('auth.working') : t('auth.signIn')}</button>
      </form>
      <p>${t('auth.noAccount')} <a href="/register${query}">${t('auth.toRegister')}</a></p>
    </section>`;
  }
}

customElements.define('cadre-sign-in-page', CadreSignInPage);
