// The left rail: the user's spaces as a tree of links, with a search that keeps the matches and their parents.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { spacePath } from '../app/routes.js';
import { filterTree } from './tree.js';

export class CadreSpaceTree extends CadreElement {
  static properties = {
    tree: { attribute: false },
    currentId: { attribute: false },
    query: { state: true },
  };

  constructor() {
    super();
    this.query = '';
  }

  nodes(nodes) {
    return html`<ul class="tree-level">${nodes.map((node) => html`<li>
      <a class="tree-link ${node.id === this.currentId ? 'current' : ''}" href=${spacePath(node.id)}
        aria-current=${node.id === this.currentId ? 'page' : 'false'}>
        <span class="tree-name">${node.name}</span>
        <span class="tree-kind">${t(`kind.${node.kind}`)}</span>
      </a>
      ${node.children?.length ? this.nodes(node.children) : null}
    </li>`)}</ul>`;
  }

  render() {
    const tree = this.tree ?? [];
    const shown = filterTree(tree, this.query);
    return html`<div class="space-tree">
      <h2 class="rail-title">${t('tree.title')}</h2>
      <label class="field search-field">
        <span class="visually-hidden">${t('tree.search')}</span>
        <input type="search" placeholder=${t('tree.search')} .value=${this.query}
          @input=${(e) => { this.query = e.target.value; }}>
      </label>
      ${tree.length === 0 ? html`<p class="hint">${t('tree.empty')}</p>`
        : shown.length === 0 ? html`<p class="hint" role="status">${t('tree.noMatch', { query: this.query })}</p>`
        : this.nodes(shown)}
    </div>`;
  }
}

customElements.define('cadre-space-tree', CadreSpaceTree);
