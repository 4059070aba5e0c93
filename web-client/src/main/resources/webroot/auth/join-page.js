// /join/{token}: accepting an invitation. Signed out, it asks to sign in or register first (both come back here);
// signed in, it accepts and goes to the space.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { spacePath } from '../app/routes.js';
import { loading } from '../ui/states.js';

export class CadreJoinPage extends CadreElement {
  static properties = { token: { attribute: false }, me: { attribute: false }, error: { state: true } };

  willUpdate(changed) {
    if ((changed.has('token') || changed.has('me')) && this.me && !this.accepting) this.accept();
  }

  async accept() {
    this.accepting = true;
    try {
      const joined = await post(`/api/invitations/${encodeURIComponent(this.token)}/accept`);
      this.dispatchEvent(new CustomEvent('cadre-tree-changed', { bubbles: true }));
      this.navigate(spacePath(joined.spaceId), { replace: true });
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    const back = encodeURIComponent(`/join/${this.token}`);
    if (this.error) {
      return html`<section class="page narrow"><div class="state state-error" role="alert">
        <h1 class="state-title">${t('join.failedTitle')}</h1>
        <p>${this.error.message}</p>
        <a class="button" href="/spaces">${t('app.backToSpaces')}</a>
      </div></section>`;
    }
    if (this.me) return html`<section class="page narrow"><h1 class="page-title">${t('join.title')}</h1>${loading()}</section>`;
    return html`<section class="page narrow">
      <h1 class="page-title">${t('join.title')}</h1>
      <p class="lead-text">${t('join.signInFirst')}</p>
      <p class="actions">
        <a class="button" href="/sign-in?next=${back}">${t('auth.signIn')}</a>
        <a class="button secondary" href="/register?next=${back}">${t('auth.register')}</a>
      </p>
    </section>`;
  }
}

customElements.define('cadre-join-page', CadreJoinPage);
