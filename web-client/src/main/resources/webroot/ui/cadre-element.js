// The base of every Cadre element: renders into the light DOM, so the one stylesheet (styles/app.css) styles the
// whole app and no inline styles are needed (the Content-Security-Policy allows none), and re-renders when the
// user changes language.
import { LitElement } from 'lit';

export class CadreElement extends LitElement {
  createRenderRoot() {
    return this;
  }

  connectedCallback() {
    super.connectedCallback();
    this.relabel = () => this.requestUpdate();
    window.addEventListener('cadre-language', this.relabel);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('cadre-language', this.relabel);
  }

  /** Asks the shell to say this politely to screen readers (batched in its one live region). */
  announce(message) {
    this.dispatchEvent(new CustomEvent('cadre-announce', { detail: message, bubbles: true, composed: true }));
  }

  /** Asks the shell to show another URL. */
  navigate(path, { replace = false } = {}) {
    this.dispatchEvent(new CustomEvent('cadre-navigate', { detail: { path, replace }, bubbles: true, composed: true }));
  }
}
