// The team's Export menu: a disclosure (button + list of download links) for the CSV tables and the history zip.
// Plain links, so the browser saves each file itself; the tables' headers come in the user's language.
import { html } from 'lit';
import { CadreElement } from '../ui/cadre-element.js';
import { t, currentLanguage } from '../i18n/i18n.js';

const FILES = [
  { file: 'meetings.csv', key: 'meetings' },
  { file: 'attendance.csv', key: 'attendance' },
  { file: 'action-items.csv', key: 'actionItems' },
  { file: 'decisions.csv', key: 'decisions' },
  { file: 'history.zip', key: 'history' },
];

export class CadreExportMenu extends CadreElement {
  static properties = { space: { attribute: false }, open: { state: true } };

  constructor() {
    super();
    this.open = false;
  }

  keydown(event) {
    if (event.key === 'Escape' && this.open) {
      this.open = false;
      this.querySelector('.export-button').focus();
    }
  }

  /** Closes when focus leaves the menu, so it never stays open behind what the user moved on to. */
  focusout(event) {
    if (this.open && !this.contains(event.relatedTarget)) this.open = false;
  }

  render() {
    const id = this.space.id;
    const lang = encodeURIComponent(currentLanguage());
    return html`<div class="export-menu" @keydown=${this.keydown} @focusout=${this.focusout}>
      <button type="button" class="button secondary export-button" aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="export-panel" @click=${() => { this.open = !this.open; }}>${t('exports.menu')}</button>
      <div id="export-panel" class="export-panel" ?hidden=${!this.open}>
        <p class="hint">${t('exports.intro')}</p>
        <ul class="export-list">
          ${FILES.map(({ file, key }) => html`<li>
            <a class="export-link" href=${`/api/spaces/${id}/export/${file}?lang=${lang}`} download=${file}>
              <span>${t(`exports.file.${key}`)}</span>
              <span class="tag">${file.endsWith('.zip') ? 'ZIP' : 'CSV'}</span></a>
          </li>`)}
        </ul>
      </div>
    </div>`;
  }
}

customElements.define('cadre-export-menu', CadreExportMenu);
