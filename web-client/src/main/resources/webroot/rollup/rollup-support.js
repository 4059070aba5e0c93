// The teams needing support (emerging overall, or declining), listed first on the roll-up; hidden ones as a count.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatNumber } from '../i18n/i18n.js';
import { evidencePath, levelName } from './rollup-names.js';

export class CadreRollupSupport extends CadreElement {
  static properties = {
    rollup: { attribute: false },
  };

  render() {
    const { needsSupport: teams, needsSupportCount: total } = this.rollup;
    const hidden = total - teams.length;
    return html`<section class="panel rollup-support" aria-labelledby="rollup-support-title">
      <h2 id="rollup-support-title" class="panel-title">${t('rollup.support.title')}</h2>
      ${total === 0 ? html`<p class="hint">${t('rollup.support.none')}</p>` : null}
      ${teams.length ? html`<ol class="support-list">${teams.map((team) => html`<li class="support-team">
        <a href=${evidencePath(team.spaceId)}>${team.name}</a>
        <span class="level-chip level-${team.level}">${levelName(team.level)}</span>
        ${team.score != null ? html`<span class="hint">${t('rollup.support.score', { score: formatNumber(team.score) })}</span>` : null}
        <span class="support-reason">${this.reason(team)}</span>
      </li>`)}</ol>` : null}
      ${hidden > 0 ? html`<p class="hint support-hidden">${teams.length
        ? t('rollup.support.alsoHidden', { count: hidden }) : t('rollup.support.hiddenOnly', { count: hidden })}</p>` : null}
    </section>`;
  }

  reason(team) {
    const declined = team.change === 'declined' || team.change === 'declined-significantly';
    return [
      team.level === 'emerging' ? t('rollup.support.reasonEmerging') : null,
      declined ? t('rollup.support.reasonDeclined', { change: t(`rollup.change.${team.change}`) }) : null,
    ].filter(Boolean).join('; ');
  }
}

customElements.define('cadre-rollup-support', CadreRollupSupport);
