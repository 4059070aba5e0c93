// A subject's current and target level on a continuum: one step per level, the reached ones filled and the target
// outlined, and the same said in words, so the shapes are never the only signal.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

export class CadreContinuumScale extends CadreElement {
  static properties = { levels: { attribute: false }, current: { attribute: false }, target: { attribute: false } };

  render() {
    const name = (level) => this.levels[level - 1]?.name ?? String(level);
    const words = t('continua.currentTarget', {
      current: t('continua.levelName', { number: this.current, name: name(this.current) }),
      target: t('continua.levelName', { number: this.target, name: name(this.target) }),
    });
    return html`<p class="continuum-scale-text">${words}</p>
      <ol class="continuum-scale" aria-hidden="true">${this.levels.map((level) => html`<li class=${[
        'continuum-step',
        level.level <= this.current ? 'reached' : '',
        level.level === this.current ? 'current' : '',
        level.level === this.target ? 'target' : '',
      ].join(' ')}><span>${level.level}</span></li>`)}</ol>`;
  }
}

customElements.define('cadre-continuum-scale', CadreContinuumScale);
