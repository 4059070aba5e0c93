// /unsubscribe?token=: the link at the foot of every email Cadre sends. Opening it turns that kind of mail off,
// signed in or not (the token is signed by the server); nothing else is changed.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { post } from '../rest/http.js';
import { loading } from '../ui/states.js';

export class CadreUnsubscribePage extends CadreElement {
  static properties = { token: { attribute: false }, done: { state: true }, error: { state: true } };

  willUpdate(changed) {
    if (changed.has('token') && !this.sent) this.unsubscribe();
  }

  async unsubscribe() {
    this.sent = true;
    try {
      this.done = await post('/api/mail/unsubscribe', { token: this.token ?? '' });
    } catch (error) {
      this.error = error;
    }
  }

  render() {
    let body = loading();
    if (this.error) {
      body = html`<div class="state state-error" role="alert"><p>${this.error.message}</p></div>`;
    } else if (this.done) {
      body = html`<p role="status">${t('mail.unsubscribed', { kind: t(`mail.kinds.${this.done.category}`) })}</p>`;
    }
    return html`<section class="page narrow">
      <h1 class="page-title">${t('mail.unsubscribeTitle')}</h1>
      ${body}
      <p><a href="/me/notifications">${t('mail.chooseAll')}</a></p>
    </section>`;
  }
}

customElements.define('cadre-unsubscribe-page', CadreUnsubscribePage);
