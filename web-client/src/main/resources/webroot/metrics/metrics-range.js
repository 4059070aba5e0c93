// The from/to dates of a metrics screen; fires 'range-change' with {from, to} (ISO dates) when either changes.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

export class CadreMetricsRange extends CadreElement {
  static properties = { from: {}, to: {} };

  changed() {
    const from = this.querySelector('[name=from]').value;
    const to = this.querySelector('[name=to]').value;
    if (from && to && from <= to) this.dispatchEvent(new CustomEvent('range-change', { detail: { from, to }, bubbles: true }));
  }

  render() {
    return html`<div class="metrics-range">
      <label>${t('metrics.from')} <input type="date" name="from" .value=${this.from ?? ''} @change=${() => this.changed()}></label>
      <label>${t('metrics.to')} <input type="date" name="to" .value=${this.to ?? ''} @change=${() => this.changed()}></label>
    </div>`;
  }
}

customElements.define('cadre-metrics-range', CadreMetricsRange);
