// /spaces: the user's spaces in the main area (on a phone, the rail is behind the menu button).
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t } from '../i18n/i18n.js';
import { spacePath } from '../app/routes.js';
import { empty } from '../ui/states.js';

export class CadreSpacesPage extends CadreElement {
  static properties = { tree: { attribute: false } };

  cards(nodes) {
    return html`<ul class="space-list">${nodes.map((node) => html`<li>
      <a class="space-card" href=${spacePath(node.id)}>
        <span class="space-card-name">${node.name}</span>
        <span class="tag">${t(`kind.${node.kind}`)}</span>
        ${node.role ? html`<span class="tag role">${t(`role.${node.role}`)}</span>` : null}
      </a>
      ${node.children?.length ? this.cards(node.children) : null}
    </li>`)}</ul>`;
  }

  render() {
    const tree = this.tree ?? [];
    return html`<section class="page">
      <h1 class="page-title">${t('tree.title')}</h1>
      ${tree.length ? this.cards(tree) : empty(t('tree.empty'))}
    </section>`;
  }
}

customElements.define('cadre-spaces-page', CadreSpacesPage);
