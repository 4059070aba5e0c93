// The meeting's clock, from the server's time (bus.now()): the current item and its minutes left in large type,
// with words for every state (starts in, minutes left, time is up), so nothing is told by colour alone.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';

export class CadreMeetingClock extends CadreElement {
  static properties = { meeting: { attribute: false }, schedule: { attribute: false }, now: { attribute: false } };

  render() {
    const { meeting, schedule, now } = this;
    if (meeting.status !== 'scheduled') return null;
    let big;
    let label;
    let state = 'running';
    if (now < schedule.start) {
      big = until(schedule.start - now);
      label = t('clock.startsIn');
      state = 'before';
    } else if (schedule.current) {
      const left = schedule.current.end - now;
      big = t('clock.minutes', { count: Math.ceil(left / 60_000) });
      label = t('clock.left', { title: schedule.current.item.title });
    } else {
      big = t('clock.timeUp');
      const last = meeting.agenda.at(-1);
      label = last ? t('clock.over', { title: last.title }) : t('clock.noTimebox');
      state = 'over';
    }
    // The large figure changes every minute at most, so the polite region is not chatty.
    return html`<section class="clock clock-${state}" aria-labelledby="clock-label">
      <p class="clock-label" id="clock-label">${label}</p>
      <p class="clock-value" aria-live="polite">${big}</p>
    </section>`;
  }
}

/** A wait in the largest unit that reads naturally: minutes, then hours, then days. */
function until(ms) {
  const minutes = Math.ceil(ms / 60_000);
  if (minutes < 120) return t('clock.minutes', { count: minutes });
  const hours = Math.round(minutes / 60);
  return hours < 48 ? t('clock.hours', { count: hours }) : t('clock.days', { count: Math.round(hours / 24) });
}

customElements.define('cadre-meeting-clock', CadreMeetingClock);
