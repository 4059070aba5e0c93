// One measured value against its thresholds: a label, a small bar with a mark at each threshold, and the numbers as
// text (the bar is decoration: everything it shows is in the words beside it). The bar is SVG, sized by attributes,
// since the Content-Security-Policy allows no inline styles.
import { html, svg } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatNumber } from '../i18n/i18n.js';

/** A share (0 to 1) as a whole percentage in the user's language. */
export const percent = (share) => t('culture.percent', { value: Math.round(share * 100) });

export class CadreCultureMeasure extends CadreElement {
  static properties = { measure: { attribute: false } };

  willUpdate() {
    // A yes/no has no bar: its answer sits beside its label.
    this.classList.toggle('measure-flag', this.measure.kind === 'flag');
  }

  format(value) {
    if (this.measure.kind === 'share') return percent(value);
    return formatNumber(value);
  }

  label() {
    const vars = {};
    for (const [name, value] of Object.entries(this.measure.vars)) vars[name] = name === 'share' ? percent(value) : value;
    return t(`culture.measure.${this.measure.key}`, vars);
  }

  thresholds() {
    const { developing, transforming, needed } = this.measure;
    if (needed != null) return t('culture.thresholdNeeded', { value: this.format(needed) });
    if (developing != null && transforming != null) {
      return t('culture.thresholdBoth', { developing: this.format(developing), transforming: this.format(transforming) });
    }
    if (developing != null) return t('culture.thresholdDeveloping', { value: this.format(developing) });
    if (transforming != null) return t('culture.thresholdTransforming', { value: this.format(transforming) });
    return '';
  }

  /** Where a value sits on the bar, 0 to 100: shares as they are, counts against the highest threshold (or value). */
  position(value) {
    if (this.measure.kind === 'share') return Math.max(0, Math.min(100, value * 100));
    const { developing, transforming, needed } = this.measure;
    const top = Math.max(developing ?? 0, transforming ?? 0, needed ?? 0, this.measure.value ?? 0, 1);
    return (value / top) * 100;
  }

  bar() {
    const { value, developing, transforming, needed } = this.measure;
    const mark = (at, kind) => (at == null ? null
      : svg`<line class="measure-mark measure-mark-${kind}" x1=${this.position(at)} x2=${this.position(at)} y1="0" y2="12"></line>`);
    return html`<svg class="measure-bar" viewBox="0 0 100 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      <rect class="measure-track" x="0" y="3" width="100" height="6"></rect>
      ${value == null ? null : svg`<rect class="measure-fill" x="0" y="3" width=${this.position(value)} height="6"></rect>`}
      ${mark(developing, 'developing')}${mark(transforming, 'transforming')}${mark(needed, 'needed')}
    </svg>`;
  }

  render() {
    const { kind, value } = this.measure;
    if (kind === 'flag') {
      return html`<span class="measure-label">${this.label()}</span>
        <span class="measure-value">${t(value ? 'culture.yes' : 'culture.no')}</span>`;
    }
    return html`<span class="measure-label">${this.label()}</span>
      ${this.bar()}
      <span class="measure-value">${value == null ? t('culture.nothingToMeasure') : this.format(value)}</span>
      <span class="measure-thresholds">${this.thresholds()}</span>`;
  }
}

customElements.define('cadre-culture-measure', CadreCultureMeasure);
