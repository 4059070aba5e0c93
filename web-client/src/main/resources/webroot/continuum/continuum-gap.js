// Helpfulness per area as the support provider and the receiver see it, and the gap between them in words.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

export class CadreContinuumGap extends CadreElement {
  static properties = { gaps: { attribute: false }, definition: { attribute: false } };

  level(value) {
    if (value == null) return t('continua.notRated');
    return t('continua.levelName', { number: value, name: this.definition.levels[value - 1]?.name ?? String(value) });
  }

  gap(value) {
    if (value == null) return t('continua.gapUnknown');
    if (value === 0) return t('continua.gapNone');
    return value > 0 ? t('continua.gapProviderHigher', { count: value }) : t('continua.gapReceiverHigher', { count: -value });
  }

  render() {
    const caption = t('continua.gapCaption');
    return html`<h3 class="continuum-section-title">${caption}</h3>
      <div class="table-wrap" tabindex="0" role="region" aria-label=${caption}>
        <table class="table continuum-gap">
          <caption class="visually-hidden">${caption}</caption>
          <thead><tr>
            <th scope="col">${t('continua.area')}</th>
            <th scope="col">${t('continua.raterRole.provider')}</th>
            <th scope="col">${t('continua.raterRole.receiver')}</th>
            <th scope="col">${t('continua.gap')}</th>
          </tr></thead>
          <tbody>${this.definition.rows.map((row) => {
            const gap = this.gaps.find((g) => g.subject === row.id) ?? {};
            return html`<tr>
              <th scope="row">${row.name}</th>
              <td>${this.level(gap.provider)}</td>
              <td>${this.level(gap.receiver)}</td>
              <td class=${gap.gap ? 'gap-open' : ''}>${this.gap(gap.gap)}</td>
            </tr>`;
          })}</tbody>
        </table>
      </div>`;
  }
}

customElements.define('cadre-continuum-gap', CadreContinuumGap);
