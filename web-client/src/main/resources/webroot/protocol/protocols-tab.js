// /spaces/{id}/protocols: the discussion protocols a space can run. The built-in library and the space's own (and
// those of the spaces above it that the user may read), one protocol's detail, copying one into this space, and
// editing the space's own. Every save makes a new version on the server; the list always shows the latest.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { get, post, api } from '../rest/http.js';
import { loading, failed } from '../ui/states.js';
import { minutesOf } from './minutes.js';
import './protocol-detail.js';
import './protocol-editor.js';

/** A fresh protocol for the editor: one empty step, so there is something to fill in. */
const blank = () => ({
  name: '', purpose: '', category: 'reflection', roles: ['facilitator', 'recorder', 'timekeeper'],
  steps: [{ title: '', minMinutes: 5, maxMinutes: 10, prompt: '', outputs: [] }],
});

export class CadreProtocolsTab extends CadreElement {
  static properties = {
    space: { attribute: false },
    me: { attribute: false },
    protocols: { state: true },
    selected: { state: true },
    editing: { state: true },
    error: { state: true },
    saveError: { state: true },
    busy: { state: true },
  };

  constructor() {
    super();
    // Built-ins are answered in the user's language: read them again when it changes.
    this.onLanguage = () => {
      this.refresh();
      if (this.selected && !this.editing) this.open(this.selected.id);
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('cadre-language', this.onLanguage);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('cadre-language', this.onLanguage);
  }

  willUpdate(changed) {
    if (changed.has('space') && changed.get('space')?.id !== this.space.id) this.load();
  }

  get writable() {
    return ['write', 'manage'].includes(this.space.access);
  }

  async load() {
    this.protocols = null;
    this.selected = null;
    this.editing = null;
    this.error = null;
    await this.refresh();
  }

  async refresh() {
    const id = this.space.id;
    try {
      const answer = await get(`/api/spaces/${id}/protocols`);
      if (id === this.space.id) this.protocols = answer.protocols;
    } catch (error) {
      if (id === this.space.id) this.error = error;
    }
  }

  async open(id) {
    try {
      this.selected = await get(`/api/protocols/${id}`);
      this.editing = null;
      this.updateComplete.then(() => this.querySelector('cadre-protocol-detail h2')?.focus());
    } catch (error) {
      this.error = error;
    }
  }

  async copy() {
    this.busy = true;
    try {
      const copy = await post(`/api/spaces/${this.space.id}/protocols/${this.selected.id}/copy`, {});
      this.announce(t('protocols.copied', { name: copy.name }));
      await this.refresh();
      this.selected = copy;
      this.updateComplete.then(() => this.querySelector('cadre-protocol-detail h2')?.focus());
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  edit(protocol) {
    this.saveError = null;
    this.editing = protocol ? { id: protocol.id, content: structuredClone(protocol.content) } : { id: null, content: blank() };
  }

  async save(content) {
    this.busy = true;
    this.saveError = null;
    try {
      const saved = this.editing.id
        ? await api('PUT', `/api/protocols/${this.editing.id}`, content)
        : await post(`/api/spaces/${this.space.id}/protocols`, content);
      this.announce(t('protocols.saved', { name: saved.name, version: saved.version }));
      this.editing = null;
      this.selected = saved;
      await this.refresh();
      this.updateComplete.then(() => this.querySelector('cadre-protocol-detail h2')?.focus());
    } catch (error) {
      this.saveError = error;
    } finally {
      this.busy = false;
    }
  }

  async archive() {
    this.busy = true;
    try {
      await post(`/api/protocols/${this.selected.id}/archive`, {});
      this.announce(t('protocols.archived', { name: this.selected.name }));
      this.selected = null;
      await this.refresh();
    } catch (error) {
      this.error = error;
    } finally {
      this.busy = false;
    }
  }

  back() {
    const id = this.selected?.id;
    this.selected = null;
    this.editing = null;
    this.updateComplete.then(() => this.querySelector(`[data-protocol="${id}"]`)?.focus());
  }

  list() {
    const group = (title, items) => html`<section class="panel" aria-labelledby="protocols-${title}">
      <h2 id="protocols-${title}" class="panel-title">${t(`protocols.${title}`)}</h2>
      ${items.length === 0 ? html`<p class="hint">${t('protocols.noneOwn')}</p>` : html`<ul class="protocol-list">
        ${items.map((p) => html`<li class="protocol-card">
          <button type="button" class="protocol-open" data-protocol=${p.id} @click=${() => this.open(p.id)}>${p.name}</button>
          <span class="tag">${t(`protocols.category.${p.content.category}`)}</span>
          <span class="hint">${minutesOf(total(p, 'minMinutes'), total(p, 'maxMinutes'))}</span>
          <span class="hint">${t('protocols.stepCount', { count: p.content.steps.length })}</span>
          ${p.builtIn ? null : html`<span class="hint">${t('protocols.version', { version: p.version })}</span>`}
        </li>`)}
      </ul>`}
    </section>`;
    const builtIns = this.protocols.filter((p) => p.builtIn);
    const own = this.protocols.filter((p) => !p.builtIn);
    return html`
      <div class="actions protocol-toolbar">
        ${this.writable ? html`<button type="button" class="button" @click=${() => this.edit(null)}>${t('protocols.new')}</button>` : null}
      </div>
      ${group('own', own)}
      ${group('library', builtIns)}`;
  }

  render() {
    if (this.error) return failed(this.error, () => this.load());
    if (!this.protocols) return loading();
    if (this.editing) {
      return html`<cadre-protocol-editor .content=${this.editing.content} .error=${this.saveError} .busy=${this.busy}
        .isNew=${!this.editing.id}
        @protocol-save=${(e) => this.save(e.detail)} @protocol-cancel=${() => { this.editing = null; }}></cadre-protocol-editor>`;
    }
    if (this.selected) {
      const own = this.selected.ownerSpaceId === this.space.id;
      return html`<cadre-protocol-detail .protocol=${this.selected} .busy=${this.busy}
        .canCopy=${this.writable} .canEdit=${this.writable && own}
        @protocol-back=${() => this.back()} @protocol-copy=${() => this.copy()}
        @protocol-edit=${() => this.edit(this.selected)} @protocol-archive=${() => this.archive()}></cadre-protocol-detail>`;
    }
    return this.list();
  }
}

const total = (protocol, field) => protocol.content.steps.reduce((sum, step) => sum + step[field], 0);

customElements.define('cadre-protocols-tab', CadreProtocolsTab);
