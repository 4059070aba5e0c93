// Members and invitations. Everyone who may read the space sees its members; leads (manage) also change roles,
// remove members, create invitation links and withdraw them. The server authorizes every one of these again.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, formatDate } from '../i18n/i18n.js';
import { get, post, del } from '../rest/http.js';
import { failed } from '../ui/states.js';
import { mailEnabled, mailOff } from '../notify/mail-status.js';

const ROLES = ['lead', 'member', 'partner', 'observer'];
const EXPIRY_DAYS = [1, 7, 14, 30];

export class CadreSpaceMembers extends CadreElement {
  static properties = {
    space: { attribute: false },
    members: { attribute: false },
    me: { attribute: false },
    invitations: { state: true },
    link: { state: true },
    error: { state: true },
    busy: { state: true },
    mail: { state: true },
    emailed: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    mailEnabled().then((enabled) => { this.mail = enabled; });
  }

  get manages() {
    return this.space.access === 'manage';
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) {
      this.link = null;
      this.emailed = null;
      this.error = null;
      this.invitations = null;
      if (this.manages) this.loadInvitations();
    }
  }

  async loadInvitations() {
    try {
      this.invitations = (await get(`/api/spaces/${this.space.id}/invitations`)).invitations;
    } catch (error) {
      this.error = error;
    }
  }

  /** Runs a change; the member list itself refreshes from the space's event, for everyone at once. */
  async run(change, done) {
    this.busy = true;
    this.error = null;
    try {
      await change();
      if (done) this.announce(done);
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  changeRole(member, role) {
    this.run(() => post(`/api/spaces/${this.space.id}/members`, { userId: member.userId, role }),
      t('members.roleChanged', { name: member.name, role: t(`role.${role}`) }));
  }

  removeMember(member) {
    if (!confirm(t('members.removeConfirm', { name: member.name, space: this.space.name }))) return;
    this.run(() => del(`/api/spaces/${this.space.id}/members/${member.userId}`), t('members.removed', { name: member.name }));
  }

  invite(event) {
    event.preventDefault();
    const form = new FormData(event.target);
    const days = Number(form.get('days'));
    const body = {
      role: form.get('role'),
      maxUses: Number(form.get('uses')),
      expiresAt: new Date(Date.now() + days * 86_400_000 - 60_000).toISOString(),
    };
    const email = form.get('email')?.trim();
    if (email) body.email = email;
    this.run(async () => {
      const created = await post(`/api/spaces/${this.space.id}/invitations`, body);
      this.link = `${location.origin}/join/${created.token}`;
      this.emailed = created.emailed ? email : null;
      if (created.emailed) event.target.reset();
      await this.loadInvitations();
      await this.updateComplete;
      this.querySelector('#invite-link')?.select();
    });
  }

  async copy() {
    try {
      await navigator.clipboard.writeText(this.link);
    } catch {
      this.querySelector('#invite-link').select();
      document.execCommand('copy');
    }
    this.announce(t('members.copied'));
  }

  withdraw(invitation) {
    this.run(async () => {
      await del(`/api/spaces/${this.space.id}/invitations/${invitation.id}`);
      await this.loadInvitations();
    }, t('members.withdrawn'));
  }

  memberRow(member) {
    const self = member.userId === this.me?.id;
    const name = self ? t('members.you', { name: member.name }) : member.name;
    return html`<tr>
      <th scope="row">${name}</th>
      <td class="col-org">${member.organization ?? ''}</td>
      <td>${this.manages
        ? html`<select aria-label=${t('members.changeRole', { name: member.name })} ?disabled=${this.busy}
            @change=${(e) => this.changeRole(member, e.target.value)}>
            ${ROLES.map((role) => html`<option value=${role} ?selected=${role === member.role}>${t(`role.${role}`)}</option>`)}
          </select>`
        : html`<span class="tag role">${t(`role.${member.role}`)}</span>`}</td>
      ${this.manages ? html`<td><button type="button" class="button danger small" ?disabled=${this.busy}
          aria-label=${t('members.remove', { name: member.name })} @click=${() => this.removeMember(member)}>${t('members.removeShort')}</button></td>` : null}
    </tr>`;
  }

  render() {
    const members = this.members ?? [];
    return html`<div class="members">
      ${this.error ? failed(this.error) : null}
      <section class="panel" aria-labelledby="members-heading">
        <h2 id="members-heading" class="panel-title">${t('members.title')}</h2>
        ${this.manages ? null : html`<p class="hint">${t('members.onlyLeads')}</p>`}
        <div class="table-wrap"><table class="table">
          <thead><tr><th scope="col">${t('members.name')}</th><th scope="col" class="col-org">${t('members.organization')}</th>
            <th scope="col">${t('members.role')}</th>${this.manages ? html`<th scope="col">${t('members.actions')}</th>` : null}</tr></thead>
          <tbody>${members.map((m) => this.memberRow(m))}</tbody>
        </table></div>
      </section>
      ${this.manages ? this.invitePanel() : null}
    </div>`;
  }

  invitePanel() {
    const invitations = this.invitations ?? [];
    return html`<section class="panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" class="panel-title">${t('members.invite')}</h2>
      <form class="invite-form" @submit=${this.invite}>
        <label class="field">${t('members.inviteRole')}
          <select name="role">${ROLES.map((role) => html`<option value=${role} ?selected=${role === 'member'}>${t(`role.${role}`)}</option>`)}</select>
        </label>
        <label class="field">${t('members.inviteExpiry')}
          <select name="days">${EXPIRY_DAYS.map((days) => html`<option value=${days} ?selected=${days === 7}>${t('members.days', { count: days })}</option>`)}</select>
        </label>
        <label class="field">${t('members.inviteUses')}
          <input name="uses" type="number" min="1" max="1000" value="1" required>
        </label>
        ${this.mail ? html`<label class="field">${t('members.inviteEmail')}
          <input name="email" type="email" autocomplete="off" aria-describedby="invite-email-hint">
          <span id="invite-email-hint" class="hint">${t('members.inviteEmailHint')}</span>
        </label>` : null}
        <button type="submit" class="button" ?disabled=${this.busy}>${t('members.createLink')}</button>
      </form>
      ${this.mail === false ? mailOff(t('members.mailOff')) : null}
      ${this.link ? html`<div class="invite-link" role="status">
        ${this.emailed ? html`<p>${t('members.emailed', { email: this.emailed })}</p>` : null}
        <p>${t('members.linkReady')}</p>
        <label class="field">${t('members.link')}
          <input id="invite-link" type="text" readonly .value=${this.link}>
        </label>
        <button type="button" class="button secondary" @click=${this.copy}>${t('members.copy')}</button>
      </div>` : null}
      <h3 class="subheading">${t('members.openInvitations')}</h3>
      ${invitations.length === 0 ? html`<p class="hint">${t('members.noInvitations')}</p>`
        : html`<ul class="invitation-list">${invitations.map((inv) => {
          const vars = { role: t(`role.${inv.role}`), uses: inv.uses, maxUses: inv.maxUses,
            expires: formatDate(inv.expiresAt, this.space.timeZone) };
          return html`<li><span>${t('members.invitationSummary', vars)}</span>
            <button type="button" class="button secondary small" aria-label=${t('members.withdraw', vars)}
              @click=${() => this.withdraw(inv)}>${t('members.withdrawShort')}</button></li>`;
        })}</ul>`}
    </section>`;
  }
}

customElements.define('cadre-space-members', CadreSpaceMembers);
