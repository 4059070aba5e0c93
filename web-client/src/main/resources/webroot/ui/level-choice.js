// One level out of a scale, as radio buttons in a fieldset (arrow keys move between them): a culture row's rating
// and a continuum's current and target levels are chosen the same way.
import { html } from 'lit';

/** `levels`: [{ value, label }]; `checked`: the value chosen already, if any. */
export function levelChoice({ name, legend, levels, checked }) {
  return html`<fieldset class="rate-levels">
    <legend>${legend}</legend>
    ${levels.map(({ value, label }) => html`<label class="rate-level">
      <input type="radio" name=${name} value=${value} ?checked=${checked === value}>
      ${label}
    </label>`)}
  </fieldset>`;
}
