// /sign-in[?next=...][&error=...]: email and password, or a button per identity provider (which leaves for the
// provider and comes back signed in, or here with `error` naming why not); on success the shell goes to `next`.
// The provider links carry target="_self" so the shell leaves them to the browser: they leave the app.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get, post } from '../rest/http.js';
import { errorSummary, field, focusSummary, submitForm } from './auth-form.js';

export class CadreSignInPage extends CadreElement {
  static properties = {
    next: { attribute: false }, error: { state: true }, busy: { state: true }, providers: { state: true },
  };

  /** The providers' refusals the callback sends back here; anything else reads as a failed sign-in. */
  static PROVIDER_ERRORS = {
    oidc_domain: 'auth.oidcDomain', oidc_unverified: 'auth.oidcUnverified', oidc_state: 'auth.oidcState', oidc_failed: 'auth.oidcFailed',
  };

  connectedCallback() {
    super.connectedCallback();
    const refused = new URLSearchParams(location.search).get('error');
    if (refused) {
      this.error = { message: t(CadreSignInPage.PROVIDER_ERRORS[refused] ?? 'auth.oidcFailed') };
      focusSummary(this);
    }
    get('/api/auth/providers').then(({ providers }) => { this.providers = providers; }, () => { this.providers = []; });
  }

  async submit(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    await submitForm(this, async () => {
      await post('/api/auth/login', { email: form.get('email'), password: form.get('password') });
      this.dispatchEvent(new CustomEvent('cadre-signed-in', { bubbles: true }));
    });
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
      <p><a href="/forgot-password">${t('reset.forgot')}</a></p>
      ${this.providers?.length ? html`<div class="actions sign-in-providers">
        ${this.providers.map((p) => html`<a class="button secondary" target="_self"
          href="/api/auth/oidc/${encodeURIComponent(p.id)}/start?next=${encodeURIComponent(this.next || '/')}">${t('auth.signInWith', { name: p.name })}</a>`)}
      </div>` : null}
      <p>${t('auth.noAccount')} <a href="/register${query}">${t('auth.toRegister')}</a></p>
    </section>`;
  }
}

customElements.define('cadre-sign-in-page', CadreSignInPage);
