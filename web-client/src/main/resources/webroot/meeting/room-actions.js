// Action items made in this meeting (from its agenda items) and the open ones carried forward into it.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';

export class CadreRoomActions extends CadreElement {
  static properties = {
    made: { attribute: false },
    carried: { attribute: false },
    agenda: { attribute: false },
    members: { attribute: false },
  };

  row(action) {
    const names = new Map((this.members ?? []).map((m) => [m.userId, m.name]));
    const item = this.agenda.find((i) => i.id === action.agendaItemId);
    return html`<li>
      <p class="action-title">${action.title}</p>
      <p class="hint">${[t(`room.actionStatus.${action.status}`), action.ownerId ? names.get(action.ownerId) : t('room.unowned'),
        action.dueDate ? t('room.due', { date: formatDate(action.dueDate) }) : null, item ? t('room.fromItem', { title: item.title }) : null]
        .filter(Boolean).join(' · ')}</p>
    </li>`;
  }

  render() {
    return html`<h2 class="panel-title">${t('room.actionsHere')}</h2>
      ${this.made.length ? html`<ul class="action-list">${this.made.map((a) => this.row(a))}</ul>`
        : html`<p class="hint">${t('room.noActions')}</p>`}
      <h3 class="subheading">${t('room.carried')}</h3>
      ${this.carried.length ? html`<ul class="action-list">${this.carried.map((a) => this.row(a))}</ul>`
        : html`<p class="hint">${t('room.noCarried')}</p>`}`;
  }
}

customElements.define('cadre-room-actions', CadreRoomActions);
