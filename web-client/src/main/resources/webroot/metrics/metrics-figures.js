// One set of facilitator metrics (a team's, or the totals of a roll-up) as text, with attendance per meeting as a
// bar chart and the same numbers in a table for anyone who cannot use the chart, and attendance per member. docs/metrics.md defines each figure.
import { html } from 'lit';
import { Chart, BarController, BarElement, LinearScale, CategoryScale, Tooltip } from 'chart.js';
import { CadreElement } from '../ui/cadre-element.js';
import { ChartController } from '../ui/chart-controller.js';
import { t, formatDate, formatNumber } from '../i18n/i18n.js';

Chart.register(BarController, BarElement, LinearScale, CategoryScale, Tooltip);

const percent = (rate) => (rate == null ? t('metrics.none') : t('metrics.percent', { value: formatNumber(Math.round(rate * 100)) }));

/** The mean minutes a timed step ran over (or under) its plan, in words, so the sign is never the only cue. */
function stepTime({ minutesOverPlanPerStep: over, timedSteps: count }) {
  if (over == null) return t('metrics.notRecorded');
  const minutes = formatNumber(Math.abs(over));
  const said = over > 0 ? 'over' : over < 0 ? 'under' : 'onPlan';
  return t(`metrics.stepTimes.${said}`, { minutes, count });
}

export class CadreMetricsFigures extends CadreElement {
  static properties = { figures: { attribute: false }, heading: {} };

  chart = new ChartController(this, () => ({
    type: 'bar',
    data: {
      labels: this.meetings().map((m) => formatDate(m.startsAt, 'UTC')),
      datasets: [{ label: t('metrics.attendance'), data: this.meetings().map((m) => (m.attendanceRate == null ? null : m.attendanceRate * 100)),
        backgroundColor: '#1f5fa8' }],
    },
    options: { scales: { y: { min: 0, max: 100, ticks: { callback: (v) => formatNumber(v) } } } },
  }));

  meetings() {
    return this.figures?.perMeeting ?? [];
  }

  render() {
    const f = this.figures;
    if (!f) return null;
    const categories = Object.entries(f.protocols.byCategory).filter(([, n]) => n > 0);
    return html`<dl class="metrics-figures">
        <div><dt>${t('metrics.meetingsHeld')}</dt><dd>${t('metrics.heldOf', { held: f.meetings.held, scheduled: f.meetings.scheduled })}</dd></div>
        <div><dt>${t('metrics.attendance')}</dt><dd>${percent(f.attendance.rate)}</dd></div>
        <div><dt>${t('metrics.runsPerMeeting')}</dt><dd>${f.protocols.runsPerMeeting == null ? t('metrics.none') : formatNumber(f.protocols.runsPerMeeting)}</dd></div>
        <div><dt>${t('metrics.completion')}</dt><dd>${percent(f.protocols.completionRate)}</dd></div>
        <div><dt>${t('metrics.stepTime')}</dt><dd>${stepTime(f.protocols)}</dd></div>
        <div><dt>${t('metrics.byCategory')}</dt><dd>${categories.length
          ? categories.map(([c, n]) => t('metrics.categoryCount', { category: t(`metrics.category.${c}`), count: n })).join(', ')
          : t('metrics.none')}</dd></div>
        <div><dt>${t('metrics.outcomes')}</dt><dd>${percent(f.outcomes.achievedRate)}</dd></div>
        <div><dt>${t('metrics.actionsOnTime')}</dt><dd>${t('metrics.onTimeOf', { onTime: f.actions.onTime, due: f.actions.due })}</dd></div>
      </dl>
      ${this.meetings().length ? html`<div class="trend-chart">
          <canvas role="img" aria-label=${t('metrics.chart')}></canvas>
        </div>
        <details class="trend-table">
          <summary>${t('metrics.table')}</summary>
          <div class="table-wrap" tabindex="0" role="region" aria-label=${t('metrics.chart')}>
            <table class="table">
              <caption class="visually-hidden">${t('metrics.chart')}</caption>
              <thead><tr><th scope="col">${t('metrics.meeting')}</th><th scope="col">${t('metrics.date')}</th>
                <th scope="col">${t('metrics.attended')}</th><th scope="col">${t('metrics.attendance')}</th></tr></thead>
              <tbody>${this.meetings().map((m) => html`<tr><th scope="row">${m.title}</th><td>${formatDate(m.startsAt, 'UTC')}</td>
                <td>${t('metrics.ofCount', { part: m.attended, whole: m.expected })}</td><td>${percent(m.attendanceRate)}</td></tr>`)}</tbody>
            </table>
          </div>
        </details>` : null}
      ${(f.perMember ?? []).length ? html`<details class="trend-table">
          <summary>${t('metrics.memberTable')}</summary>
          <div class="table-wrap" tabindex="0" role="region" aria-label=${t('metrics.memberTable')}>
            <table class="table">
              <caption class="visually-hidden">${t('metrics.memberTable')}</caption>
              <thead><tr><th scope="col">${t('metrics.member')}</th><th scope="col">${t('metrics.attended')}</th>
                <th scope="col">${t('metrics.attendance')}</th></tr></thead>
              <tbody>${f.perMember.map((m) => html`<tr><th scope="row">${m.name ?? m.email}</th>
                <td>${t('metrics.ofCount', { part: m.attended, whole: m.expected })}</td><td>${percent(m.rate)}</td></tr>`)}</tbody>
            </table>
          </div>
        </details>` : null}`;
  }
}

customElements.define('cadre-metrics-figures', CadreMetricsFigures);
